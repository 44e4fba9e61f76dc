/**
 * java.text.SimpleDateFormat for ConsumerPerformance's --date-format (default
 * `yyyy-MM-dd HH:mm:ss:SSS`), in the local time zone as the JVM's default. The pattern letters
 * scripts use: G y Y M L d D E u a H k K h m s S z Z X, quoted text ('T', '' for a quote).
 * An unknown letter is refused as Java refuses it (IllegalArgumentException: Illegal pattern character).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class DateFormatError extends Error {}

type Part = { text: string } | { letter: string; count: number };

export function compileDateFormat(pattern: string): (ms: number) => string {
  const parts = tokenize(pattern);
  return (ms) => {
    const d = new Date(ms);
    return parts.map((p) => ('text' in p ? p.text : field(d, p.letter, p.count))).join('');
  };
}

function tokenize(pattern: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        parts.push({ text: "'" });
        i += 2;
        continue;
      }
      if (end === -1) throw new DateFormatError('Unterminated quote');
      parts.push({ text: pattern.slice(i + 1, end).replaceAll("''", "'") });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!'GyYMLdDEuaHkKhmsSzZXFwW'.includes(c)) throw new DateFormatError(`Illegal pattern character '${c}'`);
      let n = 1;
      while (pattern[i + n] === c) n++;
      parts.push({ letter: c, count: n });
      i += n;
    } else {
      parts.push({ text: c });
      i++;
    }
  }
  return parts;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function field(d: Date, letter: string, count: number): string {
  switch (letter) {
    case 'G':
      return d.getFullYear() > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(d.getFullYear() % 100, 2) : pad(d.getFullYear(), count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[d.getMonth()];
      if (count === 3) return MONTHS[d.getMonth()].slice(0, 3);
      return pad(d.getMonth() + 1, count);
    case 'd':
      return pad(d.getDate(), count);
    case 'D':
      return pad(dayOfYear(d), count);
    case 'E':
      return count >= 4 ? DAYS[d.getDay()] : DAYS[d.getDay()].slice(0, 3);
    case 'u':
      return pad(d.getDay() === 0 ? 7 : d.getDay(), count);
    case 'a':
      return d.getHours() < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(d.getHours(), count);
    case 'k':
      return pad(d.getHours() === 0 ? 24 : d.getHours(), count);
    case 'K':
      return pad(d.getHours() % 12, count);
    case 'h':
      return pad(d.getHours() % 12 === 0 ? 12 : d.getHours() % 12, count);
    case 'm':
      return pad(d.getMinutes(), count);
    case 's':
      return pad(d.getSeconds(), count);
    case 'S':
      return pad(d.getMilliseconds(), count);
    default:
      return zone(d, letter, count);
  }
}

function dayOfYear(d: Date): number {
  return Math.floor((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** z (GMT+hh:mm where the zone has no short name here), Z (+hhmm), X (Z for UTC, +hh / +hhmm / +hh:mm); F, w, W as numbers. */
function zone(d: Date, letter: string, count: number): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hh = pad(Math.floor(Math.abs(offset) / 60), 2);
  const mm = pad(Math.abs(offset) % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (letter === 'X') {
    if (offset === 0) return 'Z';
    return count === 1 ? `${sign}${hh}` : count === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
  }
  if (letter === 'z') return offset === 0 ? 'UTC' : `GMT${sign}${hh}:${mm}`;
  if (letter === 'F') return pad(Math.floor((d.getDate() - 1) / 7) + 1, count);
  if (letter === 'W') return pad(Math.floor((d.getDate() - 1 + new Date(d.getFullYear(), d.getMonth(), 1).getDay()) / 7) + 1, count);
  return pad(Math.ceil(dayOfYear(d) / 7), count);
}
