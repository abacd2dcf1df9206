/**
 * Wall-clock times in the shop's time zone to instants and back, for a million rows: Intl is
 * asked once per hour of the timeline (a zone's offset only changes on an hour boundary in every
 * zone a shop is likely to be in, and the cache key is the hour), not once per row.
 */
const HOUR_MS = 3_600_000;

export type ZonedClock = {
  /** UTC milliseconds of a wall-clock time in the zone (the earlier instant when it repeats). */
  toInstant: (y: number, mo: number, d: number, h: number, mi: number, s: number) => number;
  /** The zone's calendar day 'YYYY-MM-DD' of an instant. */
  localDate: (utcMs: number) => string;
};

export const createZonedClock = (timeZone: string): ZonedClock => {
  const format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();

  /** Minutes east of UTC in effect at an instant. */
  const offsetAt = (utcMs: number): number => {
    const hour = Math.floor(utcMs / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const at = hour * HOUR_MS;
      const parts = format.formatToParts(new Date(at));
      const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
      const wall = utc(get('year'), get('month'), get('day'), get('hour'), get('minute'), 0);
      offset = Math.round((wall - at) / 60_000);
      offsets.set(hour, offset);
    }
    return offset;
  };

  const dates = new Map<number, string>();
  return {
    toInstant: (y, mo, d, h, mi, s) => {
      const wall = utc(y, mo, d, h, mi, s);
      const first = wall - offsetAt(wall) * 60_000;
      const second = wall - offsetAt(first) * 60_000;
      // In a gap (spring forward) the two guesses disagree; the later offset gives the time a
      // clock that was not moved forward would show, which is what a till would have printed.
      return Math.min(first, second);
    },
    localDate: (utcMs) => {
      const local = utcMs + offsetAt(utcMs) * 60_000;
      const day = Math.floor(local / 86_400_000);
      let text = dates.get(day);
      if (text === undefined) {
        text = new Date(day * 86_400_000).toISOString().slice(0, 10);
        dates.set(day, text);
      }
      return text;
    },
  };
};

const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
};
