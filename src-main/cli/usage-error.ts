import { isValidGregorianDate } from '../../src-shared/i18n/jalali.ts';

/** Thrown for bad usage or bad input: exit code 2 with a one-line reason. */
export class UsageError extends Error {}

/** A day written YYYY-MM-DD that exists in the Gregorian calendar (not 2025-02-30 or 2025-13-01). */
export const isIsoDate = (value: unknown): value is string => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return (
    match !== null && isValidGregorianDate(Number(match[1]), Number(match[2]), Number(match[3]))
  );
};
