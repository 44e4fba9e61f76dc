import { describe, expect, it } from 'vitest';
import { describeSecret, resolveSecret } from '../../src/config/secrets.js';
import { UsageError } from '../../src/errors.js';

describe('resolveSecret', () => {
  it('gives a value, an environment variable, or what a command prints (one trailing newline cut)', async () => {
    expect(await resolveSecret({ value: 'v' }, {}, 'password')).toBe('v');
    expect(await resolveSecret({ env: 'PW' }, { PW: 'from-env' }, 'password')).toBe('from-env');
    expect(await resolveSecret({ command: 'printf "s3cret\\n"' }, { PATH: process.env.PATH }, 'password')).toBe('s3cret');
    expect(await resolveSecret({ command: 'printf "$PW"' }, { PW: 'given env' }, 'password')).toBe('given env');
    expect(await resolveSecret(undefined, {}, 'password')).toBeUndefined();
  });

  it('names what failed, never the secret', async () => {
    await expect(resolveSecret({ env: 'NOPE' }, {}, 'sasl password')).rejects.toThrow(
      new UsageError('sasl password: environment variable NOPE is not set'),
    );
    const error = await resolveSecret({ command: 'printf "$PW"; exit 3' }, { PW: 's3cret' }, 'sasl password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('sasl password: command `printf "$PW"; exit 3` failed (exit 3)');
    expect(JSON.stringify(error)).not.toContain('s3cret');
    expect(describeSecret({ value: 's3cret' })).toBe('<redacted>');
  });
});
