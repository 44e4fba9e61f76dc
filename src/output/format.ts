import { UsageError } from '../errors.js';

export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml'] as const;

/** `--json` wins over `--format`/`--output`; default is a table. */
export function resolveFormat(opts: { format?: string; output?: string; json?: boolean }, extra: readonly string[] = []): string {
  if (opts.json) return 'json';
  const chosen = opts.format ?? opts.output;
  if (chosen === undefined) return 'table';
  const allowed = [...OUTPUT_FORMATS, ...extra];
  if (!allowed.includes(chosen)) {
    throw new UsageError(`unknown output format "${chosen}"`, `use one of: ${allowed.join(', ')}`);
  }
  return chosen;
}
