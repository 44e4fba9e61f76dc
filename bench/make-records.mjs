// The benchmarks' input: N lines of SIZE bytes (a zero-padded counter, then x's), one record each.
//   node bench/make-records.mjs N SIZE FILE
import { closeSync, openSync, writeSync } from 'node:fs';

const [n, size] = [Number(process.argv[2]), Number(process.argv[3])];
const fd = openSync(process.argv[4], 'w');
const pad = 'x'.repeat(size);
let chunk = '';
for (let i = 0; i < n; i++) {
  chunk += String(i).padStart(10, '0') + pad.slice(10) + '\n';
  if (chunk.length > 1 << 20) {
    writeSync(fd, chunk);
    chunk = '';
  }
}
writeSync(fd, chunk);
closeSync(fd);
