/**
 * Typed errors and the single mapping from error to exit code. Only bin/ (via src/cli/entry.ts)
 * calls process.exit; everything else throws one of these.
 */

/** Exit codes are part of ktool's public interface: keep them stable (README, `ktool --help`). */
export const ExitCode = {
  ok: 0,
  operation: 1,
  usage: 2,
  notFound: 3,
  connection: 4,
  partial: 5,
  check: 6,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_HELP = `Exit codes:
  0    success
  1    the operation failed (Kafka or local error; the message names the cause), or a confirmation was answered no
  2    usage error (bad flag, argument or value; a command that deletes, off a terminal without --yes)
  3    not found (topic, group, profile, file)
  4    connection, authentication or TLS failure, or refused by the authorizer (the principal and the ACL that would allow it)
  5    partial failure (some items of a batch failed, the others were done)
  6    a check did not pass (threshold exceeded, unhealthy cluster, a schema the registry finds incompatible)
  130  interrupted (Ctrl-C, SIGINT)
  143  terminated (SIGTERM)`;

export class KtoolError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  /** Kafka's error name when the broker said no (TOPIC_AUTHORIZATION_FAILED ...): test this, not the message. */
  readonly kafkaCode?: string;
  constructor(message: string, exitCode: ExitCodeValue, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.exitCode = exitCode;
    this.hint = options.hint;
    this.kafkaCode = options.kafkaCode;
  }
}

/** What an error may carry besides its message: `kafkaCode` whenever a Kafka error code caused it. */
export interface ErrorOptions {
  hint?: string;
  cause?: unknown;
  kafkaCode?: string;
}

export class UsageError extends KtoolError {
  constructor(message: string, hint?: string, options: Omit<ErrorOptions, 'hint'> = {}) {
    super(message, ExitCode.usage, { ...options, hint });
  }
}

export class NotFoundError extends KtoolError {
  constructor(message: string, hint?: string, options: Omit<ErrorOptions, 'hint'> = {}) {
    super(message, ExitCode.notFound, { ...options, hint });
  }
}

export class ConnectionError extends KtoolError {
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, ExitCode.connection, options);
  }
}

/** Refused at authentication (SASL) or the TLS handshake: exit 4 too, but waiting and retrying cannot fix it. */
export class AuthenticationError extends ConnectionError {}

/** A Kafka or local operation failed for a reason the user can act on. */
export class OperationError extends KtoolError {
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, ExitCode.operation, options);
  }
}

export class PartialFailureError extends KtoolError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.partial, { hint });
  }
}

/** A confirmation prompt answered no (or empty, or EOF): nothing was done, exit 1 (not 130, which is Ctrl-C). */
export class AbortedError extends KtoolError {
  constructor(message = 'aborted: nothing deleted') {
    super(message, ExitCode.operation);
  }
}

export class CancelledError extends KtoolError {
  constructor(message = 'interrupted') {
    super(message, ExitCode.interrupted);
  }
}

/**
 * Ctrl-C is 130 and SIGTERM 143 (128 + the signal number, as a shell reports a killed process):
 * commands say "interrupted" and the signal that did it decides the code.
 */
export function signalExitCode(code: ExitCodeValue, signal: AbortSignal): ExitCodeValue {
  return code === ExitCode.interrupted && signal.aborted && signal.reason === 'SIGTERM' ? ExitCode.terminated : code;
}

export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof KtoolError) return error.exitCode;
  return ExitCode.operation;
}

/** Words for something thrown that is not an Error: its message, else its JSON, never "[object Object]". */
export function plainText(value: unknown): string {
  if (!value || typeof value !== 'object') return String(value);
  const message = (value as { message?: unknown }).message;
  if (typeof message === 'string' && message) return message;
  try {
    return JSON.stringify(value).slice(0, 300);
  } catch {
    return 'unexpected failure';
  }
}

/** One line for stderr: the message plus a hint. Stack traces only with --debug. */
export function describeError(error: unknown, debug: boolean): string {
  const lines: string[] = [];
  if (error instanceof KtoolError) {
    lines.push(`error: ${error.message}`);
    if (error.hint) lines.push(`hint: ${error.hint}`);
  } else if (error instanceof Error) {
    lines.push(`error: ${error.message}`);
  } else {
    lines.push(`error: ${plainText(error)}`);
  }
  if (debug && error instanceof Error) {
    lines.push(error.stack ?? '');
    let cause = error.cause;
    while (cause instanceof Error) {
      lines.push(`caused by: ${cause.stack ?? cause.message}`);
      cause = cause.cause;
    }
  }
  return lines.join('\n');
}
