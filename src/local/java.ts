import { execFile } from 'node:child_process';
import { OperationError } from '../errors.js';

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set (as Kafka's own scripts do), else `java` on PATH. */
export function javaBinary(env: Record<string, string | undefined>): string {
  return env.JAVA_HOME ? `${env.JAVA_HOME.replace(/\/$/, '')}/bin/java` : 'java';
}

/** Checks that the java binary is Java 17 or newer (what Kafka 4 needs); returns its major version. */
export function checkJava(java: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(java, ['-version'], { timeout: 30_000 }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(
          new OperationError(`Java is not installed (${java} not found); Kafka 4 needs Java 17 or newer`, {
            hint: 'install it, e.g. apt-get install openjdk-17-jre-headless, or set JAVA_HOME',
          }),
        );
      }
      const m = /version "(\d+)(?:\.(\d+))?/.exec(String(stderr));
      const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
      if (major < 17) {
        return reject(
          new OperationError(`Java ${major || '(unknown version)'} found; Kafka 4 needs Java 17 or newer`, {
            hint: 'install it, e.g. apt-get install openjdk-17-jre-headless, and put it first on PATH',
          }),
        );
      }
      resolve(major);
    });
  });
}
