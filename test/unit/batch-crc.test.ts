import { createRequire } from 'node:module';
import { crc32c as libraryCrc32c } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { crc32c } from '../../src/kafka/record-batch-encode.js';
import { seededRandom } from '../helpers/seeded-random.js';

describe('the CRC-32C of the batches ktool writes', () => {
  it("gives the check value and the client library's result on any input", () => {
    expect(crc32c(Buffer.from('123456789')) >>> 0).toBe(0xe3069283);
    const random = seededRandom(42);
    for (let i = 0; i < 50; i++) {
      const data = Buffer.from(Array.from({ length: Math.floor(random() * 5000) }, () => Math.floor(random() * 256)));
      expect(crc32c(data) >>> 0).toBe(libraryCrc32c(data) >>> 0);
    }
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'on glibc Linux x64 with the optional native CRC installed: its binding, loaded without the front package',
    () => {
      const binding = createRequire(import.meta.url)('@node-rs/crc32-linux-x64-gnu') as { crc32c: unknown };
      expect(crc32c).toBe(binding.crc32c);
    },
  );
});
