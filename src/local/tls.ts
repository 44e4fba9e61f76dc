import { execFile } from 'node:child_process';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../errors.js';

/** Password of the broker's PKCS12 keystore: local test material, not a secret worth hiding. */
export const KEYSTORE_PASSWORD = 'ktool-local';
/** The client certificate's subject; Kafka names its principal `User:CN=ktool-client`. */
export const CLIENT_CN = 'ktool-client';

export interface TlsMaterial {
  dir: string;
  ca: string;
  clientCert: string;
  clientKey: string;
  /** PKCS12 key store with the broker's key and certificate chain. */
  brokerKeystore: string;
}

export function tlsFiles(clusterDir: string): TlsMaterial {
  const dir = join(clusterDir, 'tls');
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    clientCert: join(dir, 'client.pem'),
    clientKey: join(dir, 'client-key.pem'),
    brokerKeystore: join(dir, 'broker.p12'),
  };
}

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd, timeout: 60_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new OperationError('openssl is needed to make the local TLS certificates and was not found', {
            hint: 'install it (Debian/Ubuntu: sudo apt install openssl) or start without --tls',
          }),
        );
      } else reject(new OperationError(`openssl ${args[0]} failed: ${stderr.trim().split('\n').pop()}`));
    });
  });
}

/**
 * A private CA, a broker certificate for 127.0.0.1/localhost and a client certificate, made once per
 * cluster with openssl. The broker gets a PKCS12 key store (what every Kafka version reads); clients
 * get PEM files, which is what ktool's profiles and kcat take.
 */
export async function ensureTlsMaterial(clusterDir: string): Promise<TlsMaterial> {
  const m = tlsFiles(clusterDir);
  if (
    await access(m.brokerKeystore).then(
      () => true,
      () => false,
    )
  )
    return m;
  await mkdir(m.dir, { recursive: true, mode: 0o700 });
  const days = ['-days', '3650'];
  await openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-subj', '/CN=ktool local CA', ...days],
    m.dir,
  );
  await writeFile(join(m.dir, 'broker.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const [name, cn, ext] of [
    ['broker', 'localhost', ['-extfile', 'broker.ext']],
    ['client', CLIENT_CN, []],
  ] as const) {
    await openssl(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`],
      m.dir,
    );
    await openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca-key.pem',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        ...days,
        ...ext,
      ],
      m.dir,
    );
  }
  await openssl(
    [
      'pkcs12',
      '-export',
      '-in',
      'broker.pem',
      '-inkey',
      'broker-key.pem',
      '-certfile',
      'ca.pem',
      '-name',
      'broker',
      '-out',
      'broker.p12',
      '-passout',
      `pass:${KEYSTORE_PASSWORD}`,
    ],
    m.dir,
  );
  return m;
}
