import { todayIn } from '../../../src-shared/i18n/locale.ts';

/**
 * Runs the playbook at start-up and once a day. The timer wakes at least hourly and runs when the
 * shop's calendar day has changed since the last run, so a computer that slept through midnight
 * (timers pause in sleep) or a change of time zone still gets its run soon after. The clock and
 * the timers are parameters, so tests drive days in milliseconds.
 */

export type Timers = {
  set: (callback: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

export const NODE_TIMERS: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The schedule alone never keeps a process (a test, the CLI) alive.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type DailyScheduler = {
  /** Runs now (start-up), then keeps the schedule until stop. */
  start: () => Promise<void>;
  stop: () => void;
  /** The day of the last run that finished, if any. */
  lastRunDay: () => string | null;
};

const HOUR_MS = 3_600_000;

export const createDailyScheduler = (options: {
  run: (day: string) => Promise<unknown>;
  now: () => Date;
  timeZone: () => Promise<string>;
  timers?: Timers;
  onError?: (error: unknown) => void;
  /** Longest sleep between checks. */
  checkEveryMs?: number;
}): DailyScheduler => {
  const timers = options.timers ?? NODE_TIMERS;
  const checkEvery = options.checkEveryMs ?? HOUR_MS;
  let handle: unknown = null;
  let isStopped = false;
  let lastDay: string | null = null;

  const tick = async (): Promise<void> => {
    try {
      const day = todayIn(options.now(), await options.timeZone());
      if (day !== lastDay) {
        await options.run(day);
        lastDay = day;
      }
    } catch (error) {
      options.onError?.(error);
    }
  };

  const schedule = async (): Promise<void> => {
    if (isStopped) return;
    let delay = checkEvery;
    try {
      // Wake just after the next local midnight when that comes before the next check.
      const zone = await options.timeZone();
      const now = options.now();
      const today = todayIn(now, zone);
      let probe = now.getTime() + 60_000;
      while (probe - now.getTime() < checkEvery && todayIn(new Date(probe), zone) === today) {
        probe += 60_000;
      }
      delay = Math.max(1_000, Math.min(checkEvery, probe - now.getTime()));
    } catch (error) {
      options.onError?.(error);
    }
    if (isStopped) return;
    handle = timers.set(() => {
      handle = null;
      void tick().then(schedule);
    }, delay);
  };

  return {
    start: async () => {
      isStopped = false;
      await tick();
      await schedule();
    },
    stop: () => {
      isStopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
    lastRunDay: () => lastDay,
  };
};
