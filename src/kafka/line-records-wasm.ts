/**
 * produce's hot loop for plain lines in WebAssembly: find each "\n" (16 bytes at a time, SIMD) and
 * write the line as a record (magic 2) behind the records before it. In JavaScript the same loop
 * makes two native calls per line (Buffer.indexOf, Buffer.copy) and writes four varints: about
 * 250 ms of a million-line produce's 0.64 s of CPU, which is 0.48 s with this loop (the input
 * copied in and the records copied out in bulk). The module (under 1 kB) is assembled below from
 * its instructions when first used: no toolchain, no binary in the repository. LineRecordsBuilder (record-batch-encode.ts)
 * calls it; lines that do not fit its windows go through the JavaScript loop.
 *
 * Memory: results (3 x i32) at 0, the timestamp delta's varint at DELTA, the input window at IN (64
 * bytes of slack behind it: the scan reads 16 at a time), the key's and headers' bytes at FIXED,
 * the records written at OUT.
 */

export const IN_CAP = 1 << 20;
export const FIXED_CAP = 64 << 10;
export const OUT_CAP = 2 << 20;
const DELTA = 16;
const IN = 64;
const FIXED = IN + IN_CAP + 64;
const OUT = FIXED + FIXED_CAP;
const PAGES = Math.ceil((OUT + OUT_CAP) / 65536);

/** What lines() stopped at: no "\n" in the rest of the window; the batch's limit; no room in OUT for the next record. */
export const LinesStop = { NoLine: 0, Full: 1, OutFull: 2 } as const;
export type LinesStop = (typeof LinesStop)[keyof typeof LinesStop];

// --- a tiny assembler: the opcodes used, from the WebAssembly spec (binary format) -------------

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s)];

const I32 = 0x7f;
const V128 = 0x7b;
const VOID = 0x40;
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const call = (f: number) => [0x10, ...uleb(f)];
const block = [0x02, VOID];
const loop = [0x03, VOID];
const if_ = [0x04, VOID];
const end = [0x0b];
const br = (depth: number) => [0x0c, ...uleb(depth)];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];
const load8 = [0x2d, 0, 0];
const store8 = [0x3a, 0, 0];
const store32 = [0x36, 2, 0];
const add = [0x6a];
const sub = [0x6b];
const mul = [0x6c];
const or = [0x72];
const shrU = [0x76];
const ctz = [0x68];
const ltU = [0x49];
const eq = [0x46];
const gtU = [0x4b];
const geU = [0x4f];
const v128Load = [0xfd, 0x00, 0, 0];
const i8x16Splat = [0xfd, 0x0f];
const i8x16Eq = [0xfd, 0x23];
const i8x16Bitmask = [0xfd, 0x64];
const memoryCopy = [0xfc, 0x0a, 0, 0];

/** Instructions, one statement per argument. */
const code = (...statements: number[][]): number[] => statements.flat();
const locals = (count: number) => [1, count, I32];

/** uvarintSize(v): the bytes of v as an unsigned varint. */
function uvarintSizeFn(): number[] {
  const [v, size] = [0, 1];
  return code(
    locals(1),
    [...i32(1), ...set(size)],
    [...block, ...loop],
    [...get(v), ...i32(0x80), ...ltU, ...brIf(1)],
    [...get(v), ...i32(7), ...shrU, ...set(v)],
    [...get(size), ...i32(1), ...add, ...set(size)],
    [...br(0), ...end, ...end],
    [...get(size), ...end],
  );
}

/** writeUvarint(o, v): v as an unsigned varint at o; returns its end. */
function writeUvarintFn(): number[] {
  const [o, v] = [0, 1];
  return code(
    [0], // no locals
    [...block, ...loop],
    [...get(v), ...i32(0x80), ...ltU, ...brIf(1)],
    [...get(o), ...get(v), ...i32(0x80), ...or, ...store8],
    [...get(o), ...i32(1), ...add, ...set(o)],
    [...get(v), ...i32(7), ...shrU, ...set(v)],
    [...br(0), ...end, ...end],
    [...get(o), ...get(v), ...store8],
    [...get(o), ...i32(1), ...add, ...end],
  );
}

/** copyFew(o, src, n): n bytes from src to o, one at a time (a key of null, no headers: one byte each); returns o + n. */
function copyFewFn(): number[] {
  const [o, src, n, i] = [0, 1, 2, 3];
  return code(
    locals(1),
    [...block, ...loop],
    [...get(i), ...get(n), ...geU, ...brIf(1)],
    [...get(o), ...get(i), ...add, ...get(src), ...get(i), ...add, ...load8, ...store8],
    [...get(i), ...i32(1), ...add, ...set(i)],
    [...br(0), ...end, ...end],
    [...get(o), ...get(n), ...add, ...end],
  );
}

const [UVARINT_SIZE, WRITE_UVARINT, COPY_FEW] = [0, 1, 2];

// lines()'s parameters and locals.
const [inLen, n, bytes, limit, deltaLen, fixedLen, headersLen] = [0, 1, 2, 3, 4, 5, 6];
const [start, o, count, nl, i, mask, length, body, status, nz, newlines] = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const written = [...get(o), ...i32(OUT), ...sub];
/** Leaves the loop (a `br` out of `depth` blocks) with the reason why. */
const stopWith = (why: LinesStop, depth: number) => [...i32(why), ...set(status), ...br(depth)];

/** nl = the next "\n" at or after start, 16 bytes at a time; none before inLen: NoLine. Inside the record loop (depth 1). */
function findNewline(): number[] {
  return code(
    [...get(start), ...set(i)],
    [...block, ...loop], // $found, $scan
    [...get(i), ...get(inLen), ...geU, ...if_, ...stopWith(LinesStop.NoLine, 4), ...end],
    [...get(i), ...i32(IN), ...add, ...v128Load, ...get(newlines), ...i8x16Eq, ...i8x16Bitmask, ...tee(mask), ...if_],
    [...get(i), ...get(mask), ...ctz, ...add, ...tee(nl), ...get(inLen), ...geU],
    [...if_, ...stopWith(LinesStop.NoLine, 5), ...end], // past the window: its slack, or stale bytes
    [...br(2), ...end], // to $found
    [...get(i), ...i32(16), ...add, ...set(i), ...br(0)],
    [...end, ...end],
  );
}

/** length = nl - start, less a "\r" before the "\n"; a line that would take a batch that has records past the limit: Full. */
function measureLine(): number[] {
  return code(
    [...get(nl), ...get(start), ...sub, ...set(length)],
    [...get(length), ...if_, ...get(nl), ...i32(IN - 1), ...add, ...load8, ...i32(13), ...eq],
    [...if_, ...get(length), ...i32(1), ...sub, ...set(length), ...end, ...end],
    [...get(n), ...get(count), ...add, ...if_],
    [...get(bytes), ...written, ...add, ...get(length), ...add, ...get(limit), ...gtU],
    [...if_, ...stopWith(LinesStop.Full, 3), ...end, ...end],
  );
}

/** body = attributes, timestamp delta, offset delta, key, value's length, value, headers; no room in OUT for it: OutFull. */
function sizeRecord(): number[] {
  return code(
    [...get(n), ...get(count), ...add, ...i32(2), ...mul, ...set(nz)],
    [...i32(1), ...get(deltaLen), ...add, ...get(nz), ...call(UVARINT_SIZE), ...add, ...get(fixedLen), ...add],
    [...get(length), ...i32(2), ...mul, ...call(UVARINT_SIZE), ...add, ...get(length), ...add, ...get(headersLen), ...add, ...set(body)],
    [...written, ...get(body), ...i32(2), ...mul, ...call(UVARINT_SIZE), ...add, ...get(body), ...add, ...i32(OUT_CAP), ...gtU],
    [...if_, ...stopWith(LinesStop.OutFull, 2), ...end],
  );
}

/** The record at o; then past the line, and Full once the batch reached the limit. */
function writeRecord(): number[] {
  return code(
    [...get(o), ...get(body), ...i32(2), ...mul, ...call(WRITE_UVARINT), ...tee(o), ...i32(0), ...store8],
    [...get(o), ...i32(1), ...add, ...i32(DELTA), ...get(deltaLen), ...call(COPY_FEW)],
    [...get(nz), ...call(WRITE_UVARINT), ...i32(FIXED), ...get(fixedLen), ...call(COPY_FEW)],
    [...get(length), ...i32(2), ...mul, ...call(WRITE_UVARINT), ...tee(o)],
    [...get(start), ...i32(IN), ...add, ...get(length), ...memoryCopy],
    [...get(o), ...get(length), ...add, ...i32(FIXED), ...get(fixedLen), ...add, ...get(headersLen), ...call(COPY_FEW), ...set(o)],
    [...get(count), ...i32(1), ...add, ...set(count)],
    [...get(nl), ...i32(1), ...add, ...set(start)],
    [...get(bytes), ...written, ...add, ...get(limit), ...geU, ...if_, ...stopWith(LinesStop.Full, 2), ...end],
  );
}

/**
 * lines(inLen, n, bytes, limit, deltaLen, fixedLen, headersLen) -> LinesStop, with (consumed,
 * written, count) at 0. The loop of LineRecordsBuilder.appendLines over IN[0, inLen): n records
 * and `bytes` bytes are in the batch already; a line that would take it past `limit` bytes stops
 * it (Full), unless the batch is empty, and so does reaching `limit`.
 */
function linesFn(): number[] {
  return code(
    [2, 10, I32, 1, V128], // locals: 10 i32, 1 v128
    [...i32(10), ...i8x16Splat, ...set(newlines), ...i32(OUT), ...set(o)],
    [...block, ...loop], // $done, $record
    findNewline(),
    measureLine(),
    sizeRecord(),
    writeRecord(),
    [...br(0), ...end, ...end],
    [...i32(0), ...get(start), ...store32, ...i32(4), ...written, ...store32, ...i32(8), ...get(count), ...store32],
    [...get(status), ...end],
  );
}

function moduleBytes(): Uint8Array {
  const types = [
    [0x60, 1, I32, 1, I32], // (i32) -> i32
    [0x60, 2, I32, I32, 1, I32], // (i32, i32) -> i32
    [0x60, 3, I32, I32, I32, 1, I32], // (i32, i32, i32) -> i32
    [0x60, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32], // lines
  ];
  const bodies = [uvarintSizeFn(), writeUvarintFn(), copyFewFn(), linesFn()];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec([[0], [1], [2], [3]])),
    ...section(5, vec([[0x00, ...uleb(PAGES)]])),
    ...section(
      7,
      vec([
        [...name('memory'), 0x02, 0],
        [...name('lines'), 0x00, 3],
      ]),
    ),
    ...section(10, vec(bodies.map((b) => [...uleb(b.length), ...b]))),
  ]);
}

/** The module's memory as a Buffer, and its function. */
export interface LineEncoder {
  memory: Buffer;
  results: Int32Array;
  lines(inLen: number, n: number, bytes: number, limit: number, deltaLen: number, fixedLen: number, headersLen: number): LinesStop;
  /** Which builder's key and headers are at FIXED now. */
  fixedOwner: unknown;
}

export const LAYOUT = { DELTA, IN, FIXED, OUT } as const;

/** What is used of the WebAssembly API (the project's type libraries do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: { buffer: ArrayBuffer }; lines: LineEncoder['lines'] } };
}

let encoder: LineEncoder | null | undefined;

/** Making the encoder takes about 1.5 ms: input shorter than this (a line typed, a small file) goes through JavaScript until it is made. */
const WORTH_MAKING_FROM = 32 << 10;

/**
 * The one encoder of this process (its memory is reused call to call), for input of forBytes; null
 * where WebAssembly or its SIMD is missing, or while it is not worth making.
 */
export function lineEncoder(forBytes = Infinity): LineEncoder | null {
  if (encoder !== undefined) return encoder;
  if (forBytes < WORTH_MAKING_FROM) return null;
  try {
    const { Instance, Module } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { memory, lines } = new Instance(new Module(moduleBytes())).exports;
    encoder = { memory: Buffer.from(memory.buffer), results: new Int32Array(memory.buffer, 0, 3), lines, fixedOwner: undefined };
  } catch {
    encoder = null;
  }
  return encoder;
}
