/**
 * Java's String.format for the numbers Kafka's perf tools print: `%.Nf` rounds the shortest
 * decimal form of the double half-up (java.util.Formatter via FormattedFloatingDecimal), where
 * Number#toFixed rounds the exact binary value (1.005 is "1.01" in Java, "1.00" in JavaScript).
 * NaN and infinities print as Java prints them ("NaN", "Infinity"): 0 records in 0 ms does happen.
 */
export function javaFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const negative = x < 0 || Object.is(x, -0);
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // The decimal point sits after digit (exponent + 1): pad with zeros on both sides as needed.
  const point = Number(exp) + 1;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const intLen = Math.max(point, 1);
  const whole = padded.slice(0, intLen);
  const frac = padded.slice(intLen).padEnd(decimals + 1, '0');
  let kept = BigInt(whole + frac.slice(0, decimals));
  if (frac.charCodeAt(decimals) >= 53 /* '5' */) kept += 1n;
  let text = kept.toString().padStart(decimals + 1, '0');
  if (decimals > 0) text = `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  // Java keeps the sign of a negative number that rounds to zero ("-0.0").
  return negative ? `-${text}` : text;
}

/** `%f`: six decimals. */
export const javaF = (x: number): string => javaFixed(x, 6);

/** `double / double` in Java: x/0 is Infinity (or NaN for 0/0), as in JavaScript; spelt out for the reader. */
export const divide = (a: number, b: number): number => a / b;
