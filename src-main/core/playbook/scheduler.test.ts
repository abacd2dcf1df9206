import { describe, expect, it } from 'vitest';
import { createDailyScheduler } from './scheduler.ts';
import type { Timers } from './scheduler.ts';
import { nextWorkingDay } from './working-days.ts';
import { defaultWeekend } from '../../../src-shared/domain/playbook-rules.ts';

/** A fake clock and timer queue: time moves only when the test says so. */
const fakeTime = (start: string) => {
  let now = Date.parse(start);
  let pending: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  const timers: Timers = {
    set: (callback, ms) => {
      const id = nextId;
      nextId += 1;
      pending.push({ at: now + ms, callback, id });
      return id;
    },
    clear: (handle) => {
      pending = pending.filter((timer) => timer.id !== handle);
    },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    timers,
    now: () => new Date(now),
    pending: () => pending.length,
    /** Moves the clock on, firing due timers in order. */
    advance: async (ms: number) => {
      const end = now + ms;
      for (;;) {
        pending.sort((a, b) => a.at - b.at);
        const next = pending[0];
        if (!next || next.at > end) break;
        pending.shift();
        now = next.at;
        next.callback();
        await settle();
        await settle();
      }
      now = end;
    },
  };
};

describe('daily scheduler', () => {
  it('runs at start-up and then once per local day, just after midnight', async () => {
    // 22:00 in Tehran (UTC+03:30) on 5 November.
    const time = fakeTime('2026-11-05T18:30:00.000Z');
    const runs: { day: string; at: string }[] = [];
    const scheduler = createDailyScheduler({
      run: async (day) => {
        runs.push({ day, at: time.now().toISOString() });
      },
      now: time.now,
      timeZone: async () => 'Asia/Tehran',
      timers: time.timers,
    });
    await scheduler.start();
    expect(runs).toEqual([{ day: '2026-11-05', at: '2026-11-05T18:30:00.000Z' }]);
    await time.advance(3 * 3_600_000);
    // Midnight in Tehran is 20:30 UTC; the run comes within a minute of it.
    expect(runs.map((r) => r.day)).toEqual(['2026-11-05', '2026-11-06']);
    const at = Date.parse(runs[1]!.at);
    expect(at).toBeGreaterThanOrEqual(Date.parse('2026-11-05T20:30:00.000Z'));
    expect(at).toBeLessThanOrEqual(Date.parse('2026-11-05T20:31:00.000Z'));
    await time.advance(2 * 86_400_000);
    expect(runs.map((r) => r.day)).toEqual([
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
    scheduler.stop();
    expect(time.pending()).toBe(0);
    await time.advance(2 * 86_400_000);
    expect(runs).toHaveLength(4);
  });

  it('retries a failed run at the next check and reports the error', async () => {
    const time = fakeTime('2026-11-05T08:00:00.000Z');
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createDailyScheduler({
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database busy');
      },
      now: time.now,
      timeZone: async () => 'Asia/Tehran',
      timers: time.timers,
      onError: (error) => errors.push(error),
    });
    await scheduler.start();
    expect(scheduler.lastRunDay()).toBeNull();
    await time.advance(3_600_000);
    expect(calls).toBe(2);
    expect(scheduler.lastRunDay()).toBe('2026-11-05');
    expect(errors).toHaveLength(1);
    scheduler.stop();
  });
});

describe('working days', () => {
  it('skips the shop’s weekend', () => {
    expect(defaultWeekend('Asia/Tehran')).toEqual([5]);
    expect(defaultWeekend('Europe/London')).toEqual([0, 6]);
    // Thursday → Saturday in Tehran; Friday → Monday in London.
    expect(nextWorkingDay('2026-11-05', [5])).toBe('2026-11-07');
    expect(nextWorkingDay('2026-11-06', [0, 6])).toBe('2026-11-09');
    expect(nextWorkingDay('2026-11-03', [0, 6])).toBe('2026-11-04');
  });
});
