/**
 * A strict checker of the OpenMetrics text format subset ktool writes (gauges): metadata before
 * samples, one family block each, names and label syntax, numeric values, `# EOF` last. Returns
 * the problems found (empty when valid).
 */
export function validateOpenMetrics(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('# EOF\n')) problems.push('does not end with "# EOF"');
  const lines = text.replace(/\n$/, '').split('\n');
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
  const SAMPLE = new RegExp(
    `^(${NAME})(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})(?:,[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})*\\})? ` +
      `(-?(?:\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|NaN|\\+Inf|-Inf))$`,
  );
  const families = new Map<string, { type?: string; unit?: string; help?: boolean; samples: number }>();
  const closed = new Set<string>();
  let current: string | undefined;
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (line === '# EOF') {
      if (i !== lines.length - 1) problems.push(`${at}: # EOF before the end`);
      return;
    }
    const meta = /^# (TYPE|UNIT|HELP) (\S+)(?: (.*))?$/.exec(line);
    if (meta) {
      const [, kind, name, rest = ''] = meta;
      if (!new RegExp(`^${NAME}$`).test(name)) problems.push(`${at}: bad metric name ${name}`);
      if (name !== current) {
        if (current) closed.add(current);
        if (closed.has(name)) problems.push(`${at}: family ${name} is split`);
        current = name;
      }
      const f = families.get(name) ?? { samples: 0 };
      if (f.samples) problems.push(`${at}: metadata after samples of ${name}`);
      if (kind === 'TYPE') {
        if (f.type) problems.push(`${at}: second TYPE for ${name}`);
        if (!['gauge', 'counter', 'unknown', 'info', 'stateset', 'histogram', 'gaugehistogram', 'summary'].includes(rest))
          problems.push(`${at}: unknown type ${rest}`);
        f.type = rest;
      } else if (kind === 'UNIT') {
        if (!name.endsWith(`_${rest}`)) problems.push(`${at}: unit ${rest} is not the suffix of ${name}`);
        f.unit = rest;
      } else f.help = true;
      families.set(name, f);
      return;
    }
    if (line.startsWith('#')) {
      problems.push(`${at}: unexpected comment`);
      return;
    }
    const m = SAMPLE.exec(line);
    if (!m) {
      problems.push(`${at}: not a sample: ${line}`);
      return;
    }
    const f = families.get(m[1]);
    if (!f || m[1] !== current) {
      problems.push(`${at}: sample of ${m[1]} outside its family`);
      return;
    }
    f.samples++;
  });
  for (const [name, f] of families) if (!f.type) problems.push(`${name} has no TYPE`);
  return problems;
}
