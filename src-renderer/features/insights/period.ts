import { calendarMonthOf } from '../../../src-shared/domain/kpis.ts';
import type { CalendarKind } from '../../../src-shared/i18n/locale.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';

/**
 * The Insights screen's periods, in whole months of the shop's calendar up to today, so the
 * monthly charts have no cut-off first month (the core compares each with the same number of
 * days before it).
 */
export const PERIOD_PRESETS = ['thisMonth', 'last3Months', 'last12Months', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type Period = { preset: PeriodPreset | 'custom'; from: string; to: string };

/** The first day of the month `back` months before the one holding `day` (0: its own month). */
export const monthStartBefore = (day: string, back: number, calendar: CalendarKind): string => {
  let start = calendarMonthOf(day, calendar).start;
  for (let i = 0; i < back; i++) start = calendarMonthOf(addDays(start, -1), calendar).start;
  return start;
};

/** The first day of the year (1 Farvardin, or 1 January) holding `day`. */
export const yearStart = (day: string, calendar: CalendarKind): string => {
  let month = calendarMonthOf(day, calendar);
  while (!month.label.endsWith('-01')) month = calendarMonthOf(addDays(month.start, -1), calendar);
  return month.start;
};

/** A preset as days: from the first day of its first month to today. */
export const presetPeriod = (
  preset: PeriodPreset,
  today: string,
  calendar: CalendarKind,
): Period => {
  const from =
    preset === 'thisMonth'
      ? monthStartBefore(today, 0, calendar)
      : preset === 'last3Months'
        ? monthStartBefore(today, 2, calendar)
        : preset === 'last12Months'
          ? monthStartBefore(today, 11, calendar)
          : yearStart(today, calendar);
  return { preset, from, to: today };
};

/**
 * The months the focus figure's progress line reads: the six to today, so that churn (known 90
 * days after a cohort's month) still has three months to show.
 */
export const focusWindow = (today: string, calendar: CalendarKind) => ({
  from: monthStartBefore(today, 5, calendar),
  to: today,
});
