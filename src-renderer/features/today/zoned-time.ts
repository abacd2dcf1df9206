/**
 * A wall-clock time on a day in the shop's time zone as an instant: the time a customer asked to
 * be called back ("tomorrow at 10:30") is the shop's 10:30, whatever zone this computer is in.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant. */
const offsetMinutes = (instant: number, timeZone: string): number => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
};

/**
 * The ISO instant (UTC) of `time` ('HH:MM') on `day` ('YYYY-MM-DD') in `timeZone`. A time the
 * clocks skip in spring reads as the same wall time after the change.
 */
export function wallTimeToInstant(day: string, time: string, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, min);
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  const second = guess - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second).toISOString();
}

/** Half-hour steps through a shop's day, 'HH:MM', for the call-back time. */
export const CALL_BACK_TIMES: readonly string[] = Array.from({ length: 29 }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
