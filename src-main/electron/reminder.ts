import type { Locale } from '../../src-shared/i18n/locale.ts';
import { todayIn } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import type { Handlers } from '../core/handlers.ts';
import { NODE_TIMERS } from '../core/playbook/scheduler.ts';
import type { Timers } from '../core/playbook/scheduler.ts';

/**
 * The desktop reminder: once a day, at the time the owner chose (in the shop's time zone), a
 * notification saying how many follow-ups are due, when there are any. A computer that was off or
 * asleep at that time gets it soon after it wakes, once; a day is never reminded twice. No
 * Electron here: main.ts passes the notification in, so the timing and wording are tested.
 */

export type ReminderSettings = {
  /** 'HH:MM' (24-hour) in the shop's time zone, or null when the owner turned reminders off. */
  time: string | null;
  timeZone: string;
  locale: Locale;
};

export type ReminderMessage = { title: string; body: string };

export type Reminder = {
  /** Checks now, then every minute until stop. */
  start: () => Promise<void>;
  stop: () => void;
  /** One check: notifies when the time has come today, tasks are due and today was not reminded. */
  check: () => Promise<void>;
};

const MINUTE_MS = 60_000;

/** 'HH:MM' of an instant in a time zone. */
export const localTimeOf = (now: Date, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
};

export const reminderMessage = (count: number, locale: Locale): ReminderMessage => {
  const t = createTranslator(locale);
  return { title: t('reminder.title'), body: t('reminder.body', { count }) };
};

export const createReminder = (options: {
  now: () => Date;
  settings: () => Promise<ReminderSettings>;
  /** Open tasks due on or before the day (overdue ones included). */
  countDue: (day: string) => Promise<number>;
  notify: (message: ReminderMessage) => void;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): Reminder => {
  const timers = options.timers ?? NODE_TIMERS;
  let remindedDay: string | null = null;
  let handle: unknown = null;
  let isStopped = true;

  const check = async (): Promise<void> => {
    try {
      const { time, timeZone, locale } = await options.settings();
      if (time === null) return;
      const now = options.now();
      const day = todayIn(now, timeZone);
      if (day === remindedDay || localTimeOf(now, timeZone) < time) return;
      remindedDay = day;
      const count = await options.countDue(day);
      if (count > 0) options.notify(reminderMessage(count, locale));
    } catch (error) {
      options.onError?.(error);
    }
  };

  const schedule = (): void => {
    if (isStopped) return;
    handle = timers.set(() => {
      handle = null;
      void check().then(schedule);
    }, MINUTE_MS);
  };

  return {
    start: async () => {
      isStopped = false;
      await check();
      schedule();
    },
    stop: () => {
      isStopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
    check,
  };
};

/**
 * The reminder over the core's own calls: the shop's settings (the owner's language, else the
 * system's) and Today's open tasks, overdue ones included.
 */
export const createCoreReminder = (options: {
  handlers: Pick<Handlers, 'settings:get' | 'tasks:today'>;
  systemLocale: Locale;
  now: () => Date;
  notify: (message: ReminderMessage) => void;
  timers?: Timers;
  onError?: (error: unknown) => void;
}): Reminder =>
  createReminder({
    now: options.now,
    notify: options.notify,
    ...(options.timers && { timers: options.timers }),
    ...(options.onError && { onError: options.onError }),
    settings: async () => {
      const settings = await options.handlers['settings:get']({});
      return {
        time: settings.reminderTime,
        timeZone: settings.timeZone,
        locale: settings.locale ?? options.systemLocale,
      };
    },
    countDue: async (day) =>
      (await options.handlers['tasks:today']({ date: day, limit: 1 })).counts.open,
  });
