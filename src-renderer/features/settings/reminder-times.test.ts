import { describe, expect, it } from 'vitest';
import { settingsPatch } from '../../../src-shared/contract/schemas.ts';
import { DEFAULT_REMINDER_TIME, reminderTimes } from './reminder-times.ts';

describe('reminder times', () => {
  it('offers every half hour of the day, each one the core accepts', () => {
    const times = reminderTimes(null);
    expect(times).toHaveLength(48);
    expect(times.slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
    expect(times.at(-1)).toBe('23:30');
    expect(times).toContain(DEFAULT_REMINDER_TIME);
    for (const time of times) {
      expect(settingsPatch.safeParse({ reminderTime: time }).success).toBe(true);
    }
  });

  it('keeps a saved time off the grid, in its place', () => {
    const times = reminderTimes('08:45');
    expect(times).toHaveLength(49);
    expect(times.slice(times.indexOf('08:30'), times.indexOf('08:30') + 3)).toEqual([
      '08:30',
      '08:45',
      '09:00',
    ]);
    expect(reminderTimes('09:30')).toHaveLength(48);
    expect(reminderTimes('25:00')).toHaveLength(48);
  });
});
