/** A flag's value checked: one of a list, or a whole number in a range (usage errors name the flag). */
import { UsageError } from '../../errors.js';

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  const v = String(value).toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`${flag}: unknown value "${String(value)}"`, `use one of ${allowed.join(', ')}`);
  return v as T;
}

export function int(value: string, flag: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return Number(value);
}
