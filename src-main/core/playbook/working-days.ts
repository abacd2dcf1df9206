import { addDays } from '../../../src-shared/i18n/locale.ts';

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The first day after `day` that is not a weekend day (a no-answer is retried then). */
export const nextWorkingDay = (day: string, weekend: readonly number[]): string => {
  let next = addDays(day, 1);
  // Seven days at most: a week that is all weekend is a setting error, not a reason to loop.
  for (let i = 0; i < 7 && weekend.includes(weekday(next)); i += 1) next = addDays(next, 1);
  return next;
};
