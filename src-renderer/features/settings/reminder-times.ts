/** The time a reminder is switched back on at when none was chosen before (the core's default). */
export const DEFAULT_REMINDER_TIME = '09:00';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The times the reminder can be set to ('HH:MM', 24-hour): every half hour of the day, and the
 * saved one too when it is off that grid (set from the command line, or by an older version).
 */
export function reminderTimes(saved: string | null): string[] {
  const times = Array.from(
    { length: 48 },
    (_, i) => `${pad(Math.floor(i / 2))}:${pad((i % 2) * 30)}`,
  );
  if (saved !== null && /^([01]\d|2[0-3]):[0-5]\d$/.test(saved) && !times.includes(saved)) {
    times.push(saved);
    times.sort();
  }
  return times;
}
