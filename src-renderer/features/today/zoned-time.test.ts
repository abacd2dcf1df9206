import { describe, expect, it } from 'vitest';
import { CALL_BACK_TIMES, wallTimeToInstant } from './zoned-time.ts';

describe('wallTimeToInstant', () => {
  it.each([
    ['2026-12-06', '10:30', 'Asia/Tehran', '2026-12-06T07:00:00.000Z'],
    ['2026-12-06', '00:15', 'Asia/Tehran', '2026-12-05T20:45:00.000Z'],
    ['2026-07-01', '09:00', 'Europe/London', '2026-07-01T08:00:00.000Z'],
    ['2026-12-01', '09:00', 'Europe/London', '2026-12-01T09:00:00.000Z'],
    ['2026-03-08', '12:00', 'America/New_York', '2026-03-08T16:00:00.000Z'],
    ['2026-06-15', '18:00', 'UTC', '2026-06-15T18:00:00.000Z'],
  ])('%s %s in %s is %s', (day, time, zone, instant) => {
    expect(wallTimeToInstant(day, time, zone)).toBe(instant);
  });

  it('reads a time the clocks skip as the wall time after the change', () => {
    // London skips 01:00–02:00 on 29 March 2026.
    expect(wallTimeToInstant('2026-03-29', '01:30', 'Europe/London')).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });
});

describe('CALL_BACK_TIMES', () => {
  it('runs from 08:00 to 22:00 in half hours', () => {
    expect(CALL_BACK_TIMES[0]).toBe('08:00');
    expect(CALL_BACK_TIMES[1]).toBe('08:30');
    expect(CALL_BACK_TIMES.at(-1)).toBe('22:00');
  });
});
