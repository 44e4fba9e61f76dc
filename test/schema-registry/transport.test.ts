/**
 * The client's HTTP side against a local node:http(s) server standing in for the registry's
 * answers (status codes and bodies as Confluent documents them): the headers it sends, how each
 * answer maps to a typed error, TLS with a CA. Registry behaviour itself is checked against the
 * real Apicurio (client.int.test.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaRegistry } from '../../src/schema-registry/client.js';
import { IncompatibleSchemaError } from '../../src/schema-registry/errors.js';
import type { SchemaRegistrySettings } from '../../src/schema-registry/types.js';
import { describeError, ExitCode, exitCodeFor } from '../../src/errors.js';
import { ensureTlsMaterial } from '../../src/local/tls.js';

type Handler = (req: IncomingMessage, body: string) => [number, unknown];
let handler: Handler = () => [200, []];
const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

function serve(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    const [status, answer] = handler(req, body);
    res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
  });
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apis/ccompat/v7`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const settings = (extra: Partial<SchemaRegistrySettings> = {}): SchemaRegistrySettings => ({
  url: base,
  timeoutMs: 2000,
  sources: { url: 'flag', auth: 'default' },
  ...extra,
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, code: exitCodeFor(error), text: describeError(error, false) };
}

describe('schema registry HTTP client', () => {
  it('sends basic auth, the Confluent content type and the base path; caches ids; AVRO when schemaType is absent', async () => {
    handler = () => [200, { schema: '"string"' }];
    seen.length = 0;
    const registry = await createSchemaRegistry(settings({ username: 'app', password: { env: 'SR_PW' } }), { SR_PW: 's3cret' });
    expect(await registry.getSchemaById(7)).toEqual({ schema: '"string"', schemaType: 'AVRO', references: [] });
    await registry.getSchemaById(7);
    registry.close();
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/apis/ccompat/v7/schemas/ids/7');
    expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('app:s3cret').toString('base64')}`);
    expect(seen[0].headers.accept).toContain('application/vnd.schemaregistry.v1+json');
  });

  it('sends a bearer token; register leaves schemaType out for AVRO and sends it otherwise; subjects are URL-encoded', async () => {
    handler = () => [200, { id: 3 }];
    seen.length = 0;
    const registry = await createSchemaRegistry(settings({ token: { value: 'tok' } }), {});
    expect(await registry.register('a/b c', { schema: '"int"' })).toBe(3);
    await registry.register('p', {
      schema: 'syntax = "proto3";',
      schemaType: 'PROTOBUF',
      references: [{ name: 'x', subject: 'y', version: 1 }],
    });
    registry.close();
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/apis/ccompat/v7/subjects/a%2Fb%20c/versions', body: '{"schema":"\\"int\\""}' });
    expect(seen[0].headers.authorization).toBe('Bearer tok');
    expect(seen[0].headers['content-type']).toBe('application/vnd.schemaregistry.v1+json');
    expect(JSON.parse(seen[1].body)).toEqual({
      schema: 'syntax = "proto3";',
      schemaType: 'PROTOBUF',
      references: [{ name: 'x', subject: 'y', version: 1 }],
    });
  });

  it('maps answers to exit codes: 404 -> 3, 401/403 -> 4, 409 -> 6 with reasons, 422 -> 2, 500 -> 1; no secret shown', async () => {
    const registry = await createSchemaRegistry(settings({ username: 'app', password: { value: 'hunter2' } }), {});
    const cases: [number, unknown, number, RegExp][] = [
      [404, { error_code: 40401, message: "Subject 'x' not found." }, ExitCode.notFound, /^error: subject x not found/],
      [401, { error_code: 401, message: 'Unauthorized' }, ExitCode.connection, /not authenticated \(HTTP 401\)\nhint: set credentials/],
      [403, 'Forbidden', ExitCode.connection, /not authorized \(HTTP 403\)/],
      [422, { error_code: 42201, message: 'Invalid schema' }, ExitCode.usage, /refused subject x: Invalid schema/],
      [500, '<html>oops</html>', ExitCode.operation, /subject x failed: <html>oops<\/html>/],
    ];
    for (const [status, body, code, text] of cases) {
      handler = () => [status, body];
      const f = await failure(registry.getSubjectVersion('x', 'latest'));
      expect(f.code, `HTTP ${status}`).toBe(code);
      expect(f.text).toMatch(text);
      expect(f.text).not.toContain('hunter2');
    }
    handler = () => [
      409,
      {
        error_code: 409,
        message:
          'Schema being registered is incompatible with an earlier schema for subject "x", details: ' +
          "[{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field \\'b\\' at path \\'/fields/1\\' has no default'}, " +
          "{errorType:'TYPE_MISMATCH', description:'The type of field a changed'}]",
      },
    ];
    const f = await failure(registry.register('x', { schema: '{}' }));
    expect(f.code).toBe(ExitCode.check);
    expect((f.error as IncompatibleSchemaError).reasons).toEqual([
      "The field \\'b\\' at path \\'/fields/1\\' has no default",
      'The type of field a changed',
    ]);
    registry.close();
  });

  it('lookupSchema answers undefined for an unknown subject or schema; verbose compatibility keeps the messages', async () => {
    const registry = await createSchemaRegistry(settings(), {});
    handler = () => [404, { error_code: 40403, message: 'Schema not found' }];
    expect(await registry.lookupSchema('x', { schema: '"int"' })).toBeUndefined();
    handler = () => [404, { error_code: 40401, message: 'Subject not found' }];
    expect(await registry.lookupSchema('x', { schema: '"int"' })).toBeUndefined();
    seen.length = 0;
    handler = () => [200, { is_compatible: false, messages: ['field a: type changed'] }];
    expect(await registry.checkCompatibility('x', { schema: '"int"' }, 'latest')).toEqual({
      isCompatible: false,
      messages: ['field a: type changed'],
    });
    expect(seen[0].url).toBe('/apis/ccompat/v7/compatibility/subjects/x/versions/latest?verbose=true');
    handler = (req) => (req.url!.endsWith('/versions') ? [200, [1, 2]] : [200, { is_compatible: req.url!.includes('/2?'), messages: [] }]);
    expect(await registry.checkCompatibility('x', { schema: '"int"' }, 'all')).toEqual({
      isCompatible: false,
      messages: ['version 1: incompatible'],
    });
    registry.close();
  });

  it('an unreachable registry and a silent one are exit 4 in one line', async () => {
    const down = await createSchemaRegistry(settings({ url: 'http://127.0.0.1:1/base' }), {});
    const refused = await failure(down.listSubjects());
    expect(refused.code).toBe(ExitCode.connection);
    expect(refused.text.split('\n')[0]).toBe('error: cannot reach the schema registry at http://127.0.0.1:1/base: connection refused');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const slow = await createSchemaRegistry(settings({ url, timeoutMs: 300 }), {});
    const timedOut = await failure(slow.listSubjects());
    expect(timedOut.text.split('\n')[0]).toBe(`error: cannot reach the schema registry at ${url}: no answer within 300 ms`);
    slow.close();
    silent.closeAllConnections();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('https: refused without the CA (exit 4, hint --sr-ca), works with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktool-sr-tls-'));
    try {
      const tls = await ensureTlsMaterial(dir);
      const https = createTlsServer(
        { cert: readFileSync(join(tls.dir, 'broker.pem')), key: readFileSync(join(tls.dir, 'broker-key.pem')) },
        (req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('["a"]');
        },
      );
      await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
      const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
      const untrusted = await createSchemaRegistry(settings({ url }), {});
      const f = await failure(untrusted.listSubjects());
      expect(f.code).toBe(ExitCode.connection);
      expect(f.text).toMatch(/TLS handshake failed: .*\nhint: trust its CA with --sr-ca FILE/);
      untrusted.close();
      const trusted = await createSchemaRegistry(settings({ url, tls: { ca: tls.ca } }), {});
      expect(await trusted.listSubjects()).toEqual(['a']);
      trusted.close();
      https.closeAllConnections();
      await new Promise<void>((r) => https.close(() => r()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
