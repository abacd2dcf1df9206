import { describe, expect, it } from 'vitest';
import { startCore } from '../core/core.ts';
import type { Timers } from '../core/playbook/scheduler.ts';
import { createCoreReminder, createReminder, localTimeOf, reminderMessage } from './reminder.ts';
import type { ReminderMessage, ReminderSettings } from './reminder.ts';

/** A clock and timers the test moves by hand: each timer fires when the clock passes it. */
const fakeTime = (start: string) => {
  let now = Date.parse(start);
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const timers: Timers = {
    set: (callback, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clear: (handle) => {
      pending.delete(handle as number);
    },
  };
  /** Moves the clock on, firing due timers in order and letting their checks settle. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    }
    now = end;
  };
  return { now: () => new Date(now), timers, advance, pending: () => pending.size };
};

const setup = (options: {
  start: string;
  settings?: Partial<ReminderSettings>;
  due?: (day: string) => number;
}) => {
  const time = fakeTime(options.start);
  const shown: ReminderMessage[] = [];
  const asked: string[] = [];
  const settings: ReminderSettings = {
    time: '09:00',
    timeZone: 'Asia/Tehran',
    locale: 'en',
    ...options.settings,
  };
  const reminder = createReminder({
    now: time.now,
    timers: time.timers,
    settings: () => Promise.resolve(settings),
    countDue: (day) => {
      asked.push(day);
      return Promise.resolve(options.due?.(day) ?? 4);
    },
    notify: (message) => shown.push(message),
  });
  return { reminder, time, shown, asked, settings };
};

describe('localTimeOf', () => {
  it('reads the wall clock of the shop, not of the computer', () => {
    // 05:29 UTC is 08:59 in Tehran (UTC+3:30) and 05:29 in London in winter.
    const at = new Date('2026-12-07T05:29:00Z');
    expect(localTimeOf(at, 'Asia/Tehran')).toBe('08:59');
    expect(localTimeOf(at, 'Europe/London')).toBe('05:29');
    expect(localTimeOf(new Date('2026-12-06T20:30:00Z'), 'Asia/Tehran')).toBe('00:00');
  });
});

describe('the daily reminder', () => {
  it('waits for the chosen time in the shop’s zone, then notifies once with the count', async () => {
    const { reminder, time, shown, asked } = setup({ start: '2026-12-07T05:00:00Z' }); // 08:30
    await reminder.start();
    expect(shown).toEqual([]);
    await time.advance(29 * 60_000); // 08:59
    expect(shown).toEqual([]);
    await time.advance(60_000); // 09:00
    expect(asked).toEqual(['2026-12-07']);
    expect(shown).toEqual([
      {
        title: 'Bazgasht: follow-ups due',
        body: '4 customers to follow up today. Open Today to start.',
      },
    ]);
    await time.advance(6 * 3_600_000); // the rest of the day: no second reminder
    expect(shown).toHaveLength(1);
    await time.advance(18 * 3_600_000); // 09:00 the next day
    expect(asked).toEqual(['2026-12-07', '2026-12-08']);
    expect(shown).toHaveLength(2);
    reminder.stop();
  });

  it('reminds soon after start-up when the computer was off at that time', async () => {
    const { reminder, shown } = setup({ start: '2026-12-07T08:00:00Z' }); // 11:30
    await reminder.start();
    expect(shown).toHaveLength(1);
    reminder.stop();
  });

  it('stays quiet when nothing is due, and when the owner turned reminders off', async () => {
    const none = setup({ start: '2026-12-07T08:00:00Z', due: () => 0 });
    await none.reminder.start();
    expect(none.asked).toEqual(['2026-12-07']);
    expect(none.shown).toEqual([]);
    none.reminder.stop();

    const off = setup({ start: '2026-12-07T08:00:00Z', settings: { time: null } });
    await off.reminder.start();
    await off.time.advance(3 * 86_400_000);
    expect(off.asked).toEqual([]);
    expect(off.shown).toEqual([]);
    off.reminder.stop();
  });

  it('follows a change of time made while it runs', async () => {
    const { reminder, time, shown, settings } = setup({ start: '2026-12-07T05:00:00Z' }); // 08:30
    settings.time = '10:15';
    await reminder.start();
    await time.advance(60 * 60_000); // 09:30
    expect(shown).toEqual([]);
    await time.advance(45 * 60_000); // 10:15
    expect(shown).toHaveLength(1);
    reminder.stop();
  });

  it('stops its timer, and a failing count is reported, not thrown', async () => {
    const time = fakeTime('2026-12-07T08:00:00Z');
    const errors: unknown[] = [];
    const reminder = createReminder({
      now: time.now,
      timers: time.timers,
      settings: () => Promise.resolve({ time: '09:00', timeZone: 'Asia/Tehran', locale: 'fa' }),
      countDue: () => Promise.reject(new Error('database closed')),
      notify: () => {
        throw new Error('must not notify');
      },
      onError: (error) => errors.push(error),
    });
    await reminder.start();
    expect(errors).toHaveLength(1);
    expect(time.pending()).toBe(1);
    reminder.stop();
    expect(time.pending()).toBe(0);
  });

  it('speaks the owner’s language, with Persian digits in Persian', () => {
    expect(reminderMessage(1, 'en').body).toBe(
      '1 customer to follow up today. Open Today to start.',
    );
    expect(reminderMessage(12, 'fa')).toEqual({
      title: 'بازگشت: پیگیری‌های امروز',
      body: 'امروز ۱۲ مشتری برای پیگیری دارید. برای شروع «امروز» را باز کنید.',
    });
  });
});

describe('the reminder over the core', () => {
  it('counts the open tasks of the demo shop’s Today, in the shop’s language, at its time', async () => {
    let now = new Date('2026-12-07T05:00:00Z'); // 08:30 in Tehran, 05:00 in London
    const core = startCore({
      databasePath: ':memory:',
      host: 'desktop',
      create: true,
      now: () => now,
      schedulePlaybook: false,
    });
    try {
      await core.handlers['demo:create']({ customers: 300, locale: 'en' });
      const settings = await core.handlers['settings:get']({});
      const { counts } = await core.handlers['tasks:today']({});
      expect(counts.open).toBeGreaterThan(0);
      const shown: ReminderMessage[] = [];
      const reminder = createCoreReminder({
        handlers: core.handlers,
        systemLocale: 'fa',
        now: () => now,
        notify: (message) => shown.push(message),
      });
      await core.handlers['settings:update']({ reminderTime: '06:00' });
      await reminder.check();
      expect(shown).toEqual([]); // 05:00 in the shop's zone (the English demo is in London)
      now = new Date('2026-12-07T06:00:00Z');
      await reminder.check();
      expect(shown).toEqual([reminderMessage(counts.open, settings.locale ?? 'fa')]);

      await core.handlers['settings:update']({ reminderTime: null });
      now = new Date('2026-12-08T12:00:00Z');
      await reminder.check();
      expect(shown).toHaveLength(1);
    } finally {
      await core.close();
    }
  });
});
