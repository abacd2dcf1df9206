/**
 * The pure arithmetic of the retention figures (DESIGN.md §3): calendar months for cohorts, the
 * default period, RFM scores and segments, NPS rounding and shares. The SQL that counts
 * lives in src-main/core/kpis; everything here takes plain numbers and returns plain numbers.
 */
import type { CalendarKind } from '../i18n/locale.ts';
import { addDays } from '../i18n/locale.ts';
import {
  gregorianToJalali,
  isValidGregorianDate,
  jalaliMonthLength,
  jalaliToGregorian,
} from '../i18n/jalali.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const partsOf = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
};

/** A month of the user's calendar: its label in that calendar and its Gregorian first/last day. */
export type CalendarMonth = { label: string; start: string; end: string };

/** The month (Gregorian or Jalali) a 'YYYY-MM-DD' day falls in. */
export const calendarMonthOf = (day: string, calendar: CalendarKind): CalendarMonth => {
  const [y, m, d] = partsOf(day);
  if (calendar === 'gregory') {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { label: `${pad(y, 4)}-${pad(m)}`, start: iso(y, m, 1), end: iso(y, m, last) };
  }
  const j = gregorianToJalali(y, m, d);
  const first = jalaliToGregorian(j.year, j.month, 1);
  const start = iso(first.year, first.month, first.day);
  return {
    label: `${pad(j.year, 4)}-${pad(j.month)}`,
    start,
    end: addDays(start, jalaliMonthLength(j.year, j.month) - 1),
  };
};

/**
 * A month as one number, year × 12 + month − 1, in the calendar's own years and months (Jalali
 * 1404-01 is 1404 × 12): consecutive months are consecutive numbers.
 */
export const monthKeyOf = (day: string, calendar: CalendarKind): number => {
  const [y, m, d] = partsOf(day);
  if (calendar === 'gregory') return y * 12 + m - 1;
  const j = gregorianToJalali(y, m, d);
  return j.year * 12 + j.month - 1;
};

/** Every month from the one holding `from` to the one holding `to`, in order. */
export const calendarMonthsBetween = (
  from: string,
  to: string,
  calendar: CalendarKind,
): CalendarMonth[] => {
  const months: CalendarMonth[] = [];
  if (to < from) return months;
  for (let month = calendarMonthOf(from, calendar); month.start <= to;) {
    months.push(month);
    month = calendarMonthOf(addDays(month.end, 1), calendar);
  }
  return months;
};

/** The last 12 months up to and including `asOf`: from the day after the same date a year before. */
export const defaultPeriod = (asOf: string): { from: string; to: string } => {
  const [y, m, d] = partsOf(asOf);
  // 29 February has no same date a year before: 28 February stands in for it.
  const yearBefore = isValidGregorianDate(y - 1, m, d) ? iso(y - 1, m, d) : iso(y - 1, m, d - 1);
  return { from: addDays(yearBefore, 1), to: asOf };
};

/** part ÷ whole, or null when the whole is empty ("not enough data", never 0). */
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/**
 * NPS: % of answers 9–10 minus % of answers 0–6, rounded to an integer (halves away from zero,
 * in exact integer arithmetic), −100…100; null with no answers.
 */
export const npsScore = (promoters: number, detractors: number, answers: number): number | null => {
  if (answers <= 0) return null;
  const numerator = 100 * (promoters - detractors);
  const rounded = Math.floor((2 * Math.abs(numerator) + answers) / (2 * answers));
  return numerator < 0 ? -rounded : rounded;
};

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'promisingNew',
  'needsAttention',
  'atRisk',
  'hibernating',
  'others',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** DESIGN.md §3's segments, the first that matches, from R and F scores 1–5. */
export const rfmSegmentOf = (r: number, f: number): RfmSegment => {
  if (r >= 4 && f >= 4) return 'champions';
  if (f >= 4) return 'loyal';
  if (f === 1 && r >= 4) return 'promisingNew';
  if (r === 3) return 'needsAttention';
  if (r <= 2 && f >= 3) return 'atRisk';
  if (r <= 2 && f <= 2) return 'hibernating';
  return 'others';
};

/** Below this many customers, quintiles mean little: fixed thresholds are used (DESIGN.md §3). */
export const RFM_QUINTILE_MIN_CUSTOMERS = 100;

/** Fixed recency score: ≤ 30 / 60 / 90 / 180 days since the last purchase score 5 / 4 / 3 / 2. */
export const fixedRecencyScore = (days: number): number =>
  days <= 30 ? 5 : days <= 60 ? 4 : days <= 90 ? 3 : days <= 180 ? 2 : 1;

/** Fixed frequency score: 1 / 2 / 3 / 4–5 / ≥ 6 purchase days score 1 / 2 / 3 / 4 / 5. */
export const fixedFrequencyScore = (purchaseDays: number): number =>
  purchaseDays >= 6 ? 5 : purchaseDays >= 4 ? 4 : Math.max(1, purchaseDays);

/**
 * Quintile scores over a population given as value → number of customers: a value scores
 * 1 + ⌊5 × (customers with a worse value) ÷ all customers⌋. Distinct values split into exact
 * fifths (the worst fifth scores 1, the best 5); customers with equal values score alike.
 */
export const quintileScores = (
  counts: ReadonlyMap<number, number>,
  isBetter: (a: number, b: number) => boolean,
): Map<number, number> => {
  const values = [...counts.keys()].sort((a, b) => (isBetter(a, b) ? 1 : isBetter(b, a) ? -1 : 0));
  const total = values.reduce((sum, value) => sum + (counts.get(value) ?? 0), 0);
  const scores = new Map<number, number>();
  let worse = 0;
  for (const value of values) {
    scores.set(value, Math.min(5, 1 + Math.floor((5 * worse) / total)));
    worse += counts.get(value) ?? 0;
  }
  return scores;
};

/** Customers sharing a recency (days since the last purchase) and a frequency (purchase days). */
export type RfmCell = { recencyDays: number; purchaseDays: number; customers: number };

export type RfmResult = {
  method: 'quintiles' | 'fixed';
  customers: number;
  segments: Record<RfmSegment, number>;
  /** grid[r − 1][f − 1]: customers with recency score r and frequency score f. */
  grid: number[][];
};

/** How each customer's R and F are scored over a population (DESIGN.md §3). */
export type RfmScoring = {
  method: 'quintiles' | 'fixed';
  /** R: days since the last purchase → 1–5 (fewer days score higher). */
  recencyScore: (recencyDays: number) => number;
  /** F: purchase days → 1–5. */
  frequencyScore: (purchaseDays: number) => number;
};

/**
 * R (days since the last purchase, fewer scores higher) and F (purchase days) scored 1–5 by
 * quintile over the customers, or by the fixed thresholds with fewer than 100 customers. The
 * quintile scores are defined for the values the population holds.
 */
export const rfmScoring = (cells: readonly RfmCell[]): RfmScoring => {
  const customers = cells.reduce((sum, cell) => sum + cell.customers, 0);
  if (customers < RFM_QUINTILE_MIN_CUSTOMERS) {
    return {
      method: 'fixed',
      recencyScore: fixedRecencyScore,
      frequencyScore: fixedFrequencyScore,
    };
  }
  const tally = (key: (cell: RfmCell) => number) => {
    const counts = new Map<number, number>();
    for (const cell of cells) counts.set(key(cell), (counts.get(key(cell)) ?? 0) + cell.customers);
    return counts;
  };
  const recency = quintileScores(
    tally((cell) => cell.recencyDays),
    (a, b) => a < b,
  );
  const frequency = quintileScores(
    tally((cell) => cell.purchaseDays),
    (a, b) => a > b,
  );
  return {
    method: 'quintiles',
    recencyScore: (days) => recency.get(days) ?? 1,
    frequencyScore: (purchaseDays) => frequency.get(purchaseDays) ?? 1,
  };
};

/**
 * RFM segments (DESIGN.md §3): R (days since the last purchase, fewer scores higher) and F
 * (purchase days) scored 1–5 by quintile over the customers, or by the fixed thresholds with fewer
 * than 100 customers. The segments need only R and F.
 */
export const rfmSegments = (cells: readonly RfmCell[]): RfmResult => {
  const { method, recencyScore, frequencyScore } = rfmScoring(cells);
  const customers = cells.reduce((sum, cell) => sum + cell.customers, 0);
  const segments = Object.fromEntries(RFM_SEGMENTS.map((segment) => [segment, 0])) as Record<
    RfmSegment,
    number
  >;
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const cell of cells) {
    const r = recencyScore(cell.recencyDays);
    const f = frequencyScore(cell.purchaseDays);
    segments[rfmSegmentOf(r, f)] += cell.customers;
    (grid[r - 1] as number[])[f - 1] =
      ((grid[r - 1] as number[])[f - 1] as number) + cell.customers;
  }
  return { method, customers, segments, grid };
};

/** Inclusive ranges of recency days and purchase days. */
export type RfmBox = { recencyDays: [number, number]; purchaseDays: [number, number] };

/**
 * The customers of a segment, as ranges of (recency days, purchase days) that hold exactly the
 * population's customers the segment takes: a segment is a union of R × F score cells, and each
 * score is a run of consecutive values (scores only grow or only fall with the value), so each
 * cell is one box, spanning the values the population holds with that score. Empty when no
 * customer is in the segment.
 */
export const rfmSegmentBoxes = (cells: readonly RfmCell[], segment: RfmSegment): RfmBox[] => {
  const { recencyScore, frequencyScore } = rfmScoring(cells);
  const spans = (values: Iterable<number>, score: (value: number) => number) => {
    const byScore = new Map<number, [number, number]>();
    for (const value of values) {
      const s = score(value);
      const span = byScore.get(s);
      byScore.set(s, span ? [Math.min(span[0], value), Math.max(span[1], value)] : [value, value]);
    }
    return byScore;
  };
  const recency = spans(new Set(cells.map((cell) => cell.recencyDays)), recencyScore);
  const frequency = spans(new Set(cells.map((cell) => cell.purchaseDays)), frequencyScore);
  // One box per run of consecutive F scores in each R score, then runs alike in consecutive R
  // scores joined: a segment is a handful of boxes (Champions: one).
  const rows: { r: number; recencyDays: [number, number]; runs: [number, number][] }[] = [];
  const fScores = [...frequency].sort((a, b) => a[0] - b[0]);
  for (const [r, recencyDays] of [...recency].sort((a, b) => a[0] - b[0])) {
    // Scores next to each other among those the population holds: no value lies between them.
    const runs: [number, number][] = [];
    let isExtending = false;
    for (const [f, [low, high]] of fScores) {
      const last = runs.at(-1);
      const isIn = rfmSegmentOf(r, f) === segment;
      if (isIn && isExtending && last) last[1] = high;
      else if (isIn) runs.push([low, high]);
      isExtending = isIn;
    }
    rows.push({ r, recencyDays, runs });
  }
  const boxes: (RfmBox & { r: number })[] = [];
  rows.forEach((row, i) => {
    const previousR = rows[i - 1]?.r;
    for (const run of row.runs) {
      const above = boxes.find(
        (box) =>
          box.r === previousR && box.purchaseDays[0] === run[0] && box.purchaseDays[1] === run[1],
      );
      if (above) {
        above.recencyDays = [
          Math.min(above.recencyDays[0], row.recencyDays[0]),
          Math.max(above.recencyDays[1], row.recencyDays[1]),
        ];
        above.r = row.r;
      } else {
        boxes.push({ r: row.r, recencyDays: [...row.recencyDays], purchaseDays: [...run] });
      }
    }
  });
  return boxes.map(({ recencyDays, purchaseDays }) => ({ recencyDays, purchaseDays }));
};
