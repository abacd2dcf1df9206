/**
 * Wall-clock times in the shop's time zone to instants and back, for a million rows: Intl is
 * asked about each day of the timeline once, not once per row.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ZonedClock = {
  /** UTC milliseconds of a wall-clock time in the zone. */
  toInstant: (y: number, mo: number, d: number, h: number, mi: number, s: number) => number;
  /** The zone's calendar day 'YYYY-MM-DD' of an instant. */
  localDate: (utcMs: number) => string;
};

/**
 * Minutes east of UTC in effect in a zone at an instant. A UTC day of the timeline is looked up
 * once, at its first and last minute: zones change their offset a few times a year at most, never
 * twice within a day, so the same offset at both ends holds all day. A day that holds a change is
 * looked up hour by hour the same way, and in the hour of the change (Tehran changed at local
 * midnight, half past the UTC hour) the instant itself is looked up.
 * @throws RangeError for an unknown time zone.
 */
export const zoneOffsetReader = (timeZone: string): ((utcMs: number) => number) => {
  const format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const exact = (utcMs: number): number => {
    const at = Math.floor(utcMs / 60_000) * 60_000;
    const parts = format.formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
    const wall = utc(get('year'), get('month'), get('day'), get('hour'), get('minute'), 0);
    return Math.round((wall - at) / 60_000);
  };
  /** The offset all through a stretch of the timeline, or null when it changes within it. */
  const steady = (start: number, length: number): number | null => {
    const first = exact(start);
    return first === exact(start + length - 60_000) ? first : null;
  };
  const days = new Map<number, number | null>();
  const hours = new Map<number, number | null>();
  return (utcMs) => {
    const day = Math.floor(utcMs / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      offset = steady(day * DAY_MS, DAY_MS);
      days.set(day, offset);
    }
    if (offset !== null) return offset;
    const hour = Math.floor(utcMs / HOUR_MS);
    offset = hours.get(hour);
    if (offset === undefined) {
      offset = steady(hour * HOUR_MS, HOUR_MS);
      hours.set(hour, offset);
    }
    return offset ?? exact(utcMs);
  };
};

export const createZonedClock = (timeZone: string): ZonedClock => {
  const offsetAt = zoneOffsetReader(timeZone);
  const dates = new Map<number, string>();
  return {
    toInstant: (y, mo, d, h, mi, s) => {
      const wall = utc(y, mo, d, h, mi, s);
      // The offsets either side of any change near this time, and which of them give an
      // instant whose own offset agrees.
      const before = offsetAt(wall - 43_200_000);
      const after = offsetAt(wall + 43_200_000);
      const early = wall - before * 60_000;
      const late = wall - after * 60_000;
      const isEarly = offsetAt(early) === before;
      const isLate = offsetAt(late) === after;
      // A time that happened twice (clocks turned back) is the first; one that never happened
      // (clocks turned forward) is read on the offset before the change, as a till whose clock
      // was not moved on would have printed it.
      if (isEarly && isLate) return Math.min(early, late);
      if (isLate) return late;
      return early;
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
