/**
 * The registry's answers as ktool errors. Confluent's error body is `{"error_code": 40401, "message": "..."}`;
 * the code (kept as `registryCode`) decides, never the words: 404xx not found (exit 3), 409 an
 * incompatible schema (exit 6, with the registry's reasons), 401/403 authentication (exit 4),
 * 422xx an invalid schema, version or level (exit 2), anything else an operation error (exit 1).
 */
import { AuthenticationError, ExitCode, KtoolError, NotFoundError, OperationError, UsageError, type ErrorOptions } from '../errors.js';

/** Confluent's error codes that ktool tells apart. */
export const RegistryCode = {
  subjectNotFound: 40401,
  versionNotFound: 40402,
  schemaNotFound: 40403,
  subjectSoftDeleted: 40404,
  subjectNotSoftDeleted: 40405,
  versionSoftDeleted: 40406,
  versionNotSoftDeleted: 40407,
  subjectCompatibilityNotConfigured: 40408,
  subjectModeNotConfigured: 40409,
  incompatible: 409,
  invalidSchema: 42201,
  invalidVersion: 42202,
  invalidCompatibility: 42203,
  invalidMode: 42204,
  operationNotPermitted: 42205,
  referenceExists: 42206,
} as const;

interface RegistryErrorFields {
  /** The registry's error_code (40401 ...), or the HTTP status when the body had none. */
  readonly registryCode: number;
  readonly httpStatus: number;
}

export class RegistryNotFoundError extends NotFoundError implements RegistryErrorFields {
  constructor(
    message: string,
    readonly registryCode: number,
    readonly httpStatus: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}

export class RegistryAuthError extends AuthenticationError implements RegistryErrorFields {
  constructor(
    message: string,
    readonly registryCode: number,
    readonly httpStatus: number,
    options: ErrorOptions = {},
  ) {
    super(message, options);
  }
}

export class RegistryUsageError extends UsageError implements RegistryErrorFields {
  constructor(
    message: string,
    readonly registryCode: number,
    readonly httpStatus: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}

export class RegistryOperationError extends OperationError implements RegistryErrorFields {
  constructor(
    message: string,
    readonly registryCode: number,
    readonly httpStatus: number,
    options: ErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A schema the subject's compatibility rule refuses: exit 6, like a failed check. */
export class IncompatibleSchemaError extends KtoolError implements RegistryErrorFields {
  readonly registryCode = RegistryCode.incompatible;
  readonly httpStatus = 409;
  constructor(
    message: string,
    /** The registry's reasons, one per line (may be empty). */
    readonly reasons: string[],
    hint?: string,
  ) {
    super(message, ExitCode.check, { hint });
  }
}

/** The error for a registry answer >= 400. `what` names the request for the message ("subject orders-value"). */
export function registryError(status: number, body: unknown, what: string, url: string): KtoolError & RegistryErrorFields {
  const obj = body && typeof body === 'object' ? (body as { error_code?: unknown; message?: unknown }) : {};
  const code = typeof obj.error_code === 'number' ? obj.error_code : status;
  const raw = typeof obj.message === 'string' ? obj.message : typeof body === 'string' && body.trim() ? body.trim() : `HTTP ${status}`;
  const message = oneLine(raw);
  if (status === 401 || status === 403) {
    return new RegistryAuthError(
      `schema registry ${url} refused ${what}: ${status === 401 ? 'not authenticated' : 'not authorized'} (HTTP ${status})`,
      code,
      status,
      {
        hint:
          status === 401
            ? 'set credentials: --sr-username U --sr-password-env VAR, basic.auth.user.info or bearer.auth.token in --command-config, ' +
              'or the profile'
            : 'the credentials are valid but lack the permission for this request',
      },
    );
  }
  if (status === 404) return new RegistryNotFoundError(notFoundMessage(code, what, message), code, status);
  if (status === 409 && code === RegistryCode.incompatible) {
    const reasons = incompatibilityReasons(raw);
    const message = `schema is incompatible with ${what}${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
    return new IncompatibleSchemaError(message, reasons, "the subject's compatibility level decides (ktool schemas config SUBJECT)");
  }
  if (status === 422 || status === 400) return new RegistryUsageError(`schema registry refused ${what}: ${message}`, code, status);
  return new RegistryOperationError(`schema registry ${url}: ${what} failed: ${message}`, code, status);
}

function notFoundMessage(code: number, what: string, message: string): string {
  switch (code) {
    case RegistryCode.subjectNotFound:
    case RegistryCode.versionNotFound:
    case RegistryCode.schemaNotFound:
      return `${what} not found (${message.replace(/\.$/, '')})`;
    default:
      return `${what}: ${message}`;
  }
}

/**
 * The reasons inside an incompatibility message. Confluent sends a JSON-ish list
 * (`Schema being registered is incompatible with an earlier schema for subject "x", details:
 * [{errorType:'...', description:'...'}, ...]`); Apicurio one sentence naming the field.
 */
export function incompatibilityReasons(message: string): string[] {
  const descriptions = [...message.matchAll(/description:'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
  if (descriptions.length) return descriptions;
  // Apicurio: "RuleViolationException: Incompatible artifact: x [AVRO], num of incompatible diffs: {1}, list of diff types: [...]"
  const apicurio = /list of diff types: \[(.*)\]\s*$/s.exec(message);
  if (apicurio) return [oneLine(apicurio[1])];
  const text = oneLine(message);
  return text ? [text] : [];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
