import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZonedClock, zoneOffsetReader } from './zoned-time.ts';

/** What Intl says the wall clock reads at an instant, to check the clock against. */
const wallOf = (utcMs: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
};

/** Minutes east of UTC at an instant, as Intl shows it. */
const offsetOf = (utcMs: number, timeZone: string): number => {
  const wall = wallOf(utcMs, timeZone);
  return Math.round((Date.parse(`${wall.replace(' ', 'T')}:00Z`) - utcMs) / 60_000);
};

describe('the zone offset reader', () => {
  const DAY = 86_400_000;
  it.each([
    'Asia/Tehran',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Africa/Casablanca',
  ])('agrees with Intl every 15 minutes around each offset change 2019–2024 (%s)', (timeZone) => {
    const offsetAt = zoneOffsetReader(timeZone);
    // Read in date order, as an import does, so each day and hour is cached before it is used.
    const changes: number[] = [];
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2025, 0, 1); day += DAY) {
      if (offsetOf(day, timeZone) !== offsetOf(day + DAY, timeZone)) changes.push(day);
    }
    expect(changes.length).toBeGreaterThan(timeZone === 'Asia/Tehran' ? 5 : 8);
    for (const day of changes) {
      for (let at = day - DAY; at < day + 2 * DAY; at += 15 * 60_000) {
        expect(offsetAt(at), new Date(at).toISOString()).toBe(offsetOf(at, timeZone));
      }
    }
  });
});

describe('the zoned clock', () => {
  it.each(['Asia/Tehran', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'])(
    'gives back the wall time and day Intl shows, for any minute 2000–2030 (%s)',
    (timeZone) => {
      const clock = createZonedClock(timeZone);
      fc.assert(
        fc.property(fc.integer({ min: 946_684_800, max: 1_893_456_000 }), (seconds) => {
          const instant = Math.floor(seconds / 60) * 60_000;
          const wall = wallOf(instant, timeZone);
          const [date = '', time = ''] = wall.split(' ');
          const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
          const [h, mi] = time.split(':').map(Number) as [number, number];
          const back = clock.toInstant(y, mo, d, h, mi, 0);
          // Within the repeated hour either instant shows the same wall time.
          expect(wallOf(back, timeZone)).toBe(wall);
          expect(clock.localDate(instant)).toBe(date);
        }),
        { numRuns: 3000 },
      );
    },
  );

  it('reads Tehran times around the old daylight-saving changes', () => {
    const clock = createZonedClock('Asia/Tehran');
    // 2021-03-22 00:00 became 01:00: 00:30 never happened; read on +03:30.
    expect(new Date(clock.toInstant(2021, 3, 22, 0, 30, 0)).toISOString()).toBe(
      '2021-03-21T21:00:00.000Z',
    );
    expect(clock.localDate(Date.parse('2021-03-21T21:00:00Z'))).toBe('2021-03-22');
    // 2021-09-22 00:00 went back to 23:00: 23:30 happened twice; the first is taken.
    expect(new Date(clock.toInstant(2021, 9, 21, 23, 30, 0)).toISOString()).toBe(
      '2021-09-21T19:00:00.000Z',
    );
    // A quarter past midnight after the change, in the hour that straddles it.
    expect(new Date(clock.toInstant(2021, 9, 22, 0, 15, 0)).toISOString()).toBe(
      '2021-09-21T20:45:00.000Z',
    );
  });
});
