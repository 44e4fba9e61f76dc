/**
 * The lexing of envelope-scan.ts: a cursor over one line of JSON bytes. Anything it cannot read
 * exactly as JSON.parse throws BAIL (the caller takes the general path).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NULL_N = 0x6e;

/** What each escape character stands for; -1: \\u, four hex digits. */
const ESCAPES: (number | undefined)[] = [];
for (const [c, v] of Object.entries({ '"': 0x22, '\\': 0x5c, '/': 0x2f, b: 8, f: 12, n: 10, r: 13, t: 9, u: -1 }))
  ESCAPES[c.charCodeAt(0)] = v;

const hexDigit = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;

/** The four hex digits at b[i]; BAIL when they are not. */
function hex4(b: Buffer, i: number): number {
  const d0 = hexDigit(b[i]);
  const d1 = hexDigit(b[i + 1]);
  const d2 = hexDigit(b[i + 2]);
  const d3 = hexDigit(b[i + 3]);
  if ((d0 | d1 | d2 | d3) < 0) throw BAIL;
  return (d0 << 12) | (d1 << 8) | (d2 << 4) | d3;
}

/** A code point as UTF-8; a surrogate (lone: a pair is one code point) as U+FFFD. */
function writeCodePoint(out: Buffer, o: number, cp: number): number {
  if (cp < 0x80) out[o++] = cp;
  else if (cp < 0x800) {
    out[o++] = 0xc0 | (cp >> 6);
    out[o++] = 0x80 | (cp & 0x3f);
  } else if (cp >= 0xd800 && cp <= 0xdfff) {
    out[o++] = 0xef;
    out[o++] = 0xbf;
    out[o++] = 0xbd;
  } else if (cp < 0x10000) {
    out[o++] = 0xe0 | (cp >> 12);
    out[o++] = 0x80 | ((cp >> 6) & 0x3f);
    out[o++] = 0x80 | (cp & 0x3f);
  } else {
    out[o++] = 0xf0 | (cp >> 18);
    out[o++] = 0x80 | ((cp >> 12) & 0x3f);
    out[o++] = 0x80 | ((cp >> 6) & 0x3f);
    out[o++] = 0x80 | (cp & 0x3f);
  }
  return o;
}

/** The line is left to the general path. */
export class Bail extends Error {}
export const BAIL = new Bail();

export class JsonCursor {
  protected b: Buffer = Buffer.alloc(0);
  protected i = 0;
  protected n = 0;
  /** The OR of every string byte: a byte >= 0x80 means the line's UTF-8 is checked. */
  protected high = 0;
  /** Where the last string() was: its range, or a decoded buffer when it had escapes. */
  protected sBuf: Buffer = this.b;
  protected sStart = 0;
  protected sEnd = 0;

  /** Strings with escapes, read: the line's, one after another. */
  private scratch = Buffer.allocUnsafe(64 << 10);
  private scratchPos = 0;

  protected start(line: Buffer): void {
    this.scratchPos = 0;
    this.b = line;
    this.i = 0;
    this.n = line.length;
    this.high = 0;
  }

  /**
   * A JSON string: sBuf[sStart, sEnd) is its bytes. Without escapes that is the line itself; with
   * them, the string JSON.parse reads, as UTF-8 (what the general path sends).
   */
  protected string(): void {
    const b = this.b;
    if (b[this.i] !== QUOTE) throw BAIL;
    const start = ++this.i;
    let escaped = false;
    let high = 0;
    let i = start;
    for (; i < this.n; i++) {
      const c = b[i];
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i++;
      } else if (c < 0x20) throw BAIL;
      high |= c;
    }
    if (i >= this.n) throw BAIL;
    this.i = i + 1;
    this.high |= high;
    if (!escaped) {
      this.sBuf = b;
      this.sStart = start;
      this.sEnd = i;
      return;
    }
    this.unescape(start, i);
  }

  /**
   * The string b[start, end) with its escapes read, as UTF-8, into the line's scratch buffer (it
   * is never longer than the escaped text). A lone surrogate is U+FFFD, as Buffer.from writes it.
   */
  private unescape(start: number, end: number): void {
    if (this.scratch.length - this.scratchPos < end - start) {
      this.scratch = Buffer.allocUnsafe(Math.max(64 << 10, 2 * (end - start)));
      this.scratchPos = 0;
    }
    const b = this.b;
    const out = this.scratch;
    let o = this.scratchPos;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c !== BACKSLASH) {
        out[o++] = c;
        continue;
      }
      const e = ESCAPES[b[++i]];
      if (e === undefined) throw BAIL;
      if (e >= 0) {
        out[o++] = e;
        continue;
      }
      let cp = hex4(b, i + 1);
      i += 4;
      if (cp >= 0xd800 && cp <= 0xdbff && b[i + 1] === BACKSLASH && b[i + 2] === 0x75) {
        const low = hex4(b, i + 3);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          i += 6;
        }
      }
      o = writeCodePoint(out, o, cp);
    }
    this.sBuf = out;
    this.sStart = this.scratchPos;
    this.sEnd = o;
    this.scratchPos = o;
  }

  /** A plain integer literal (no fraction, exponent or leading zero) of at most maxDigits digits. */
  protected integer(signed: boolean, maxDigits: number): number {
    const b = this.b;
    let i = this.i;
    const negative = b[i] === 0x2d;
    if (negative) {
      if (!signed) throw BAIL;
      i++;
    }
    const start = i;
    let n = 0;
    for (; i < this.n && b[i] >= 0x30 && b[i] <= 0x39; i++) n = n * 10 + b[i] - 0x30;
    const digits = i - start;
    if (digits === 0 || digits > maxDigits || (b[start] === 0x30 && (digits > 1 || negative))) throw BAIL;
    const c = b[i];
    if (c === 0x2e || c === 0x65 || c === 0x45) throw BAIL;
    this.i = i;
    return negative ? -n : n;
  }

  protected null(): boolean {
    const b = this.b;
    const i = this.i;
    if (b[i] !== NULL_N || b[i + 1] !== 0x75 || b[i + 2] !== 0x6c || b[i + 3] !== 0x6c) return false;
    this.i = i + 4;
    return true;
  }

  protected expect(c: number): void {
    if (this.b[this.i] !== c) throw BAIL;
    this.i++;
  }

  /** JSON whitespace: space, tab, "\n", "\r". */
  protected ws(): void {
    const b = this.b;
    let i = this.i;
    for (let c = b[i]; c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = b[++i]);
    this.i = i;
  }
}
