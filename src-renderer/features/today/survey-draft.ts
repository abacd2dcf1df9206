import type { SurveyKind } from '../../../src-shared/contract/index.ts';

/** A satisfaction answer as the form holds it (DESIGN.md §2: NPS 0–10, CSAT 1–5). */
export type SurveyDraft = {
  kind: SurveyKind | 'none';
  score: number | null;
  comment: string;
  /** One of SURVEY_CATEGORIES, or '' when the customer did not say. */
  category: string;
};

/** What an answer was about: stored as these codes, shown translated. */
export const SURVEY_CATEGORIES = [
  'product',
  'price',
  'service',
  'delivery',
  'availability',
  'other',
] as const;
export type SurveyCategory = (typeof SURVEY_CATEGORIES)[number];

export const isSurveyCategory = (value: string | null): value is SurveyCategory =>
  (SURVEY_CATEGORIES as readonly (string | null)[]).includes(value);

export const EMPTY_SURVEY: SurveyDraft = { kind: 'none', score: null, comment: '', category: '' };

export const SCORES: Readonly<Record<SurveyKind, readonly number[]>> = {
  nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  csat: [1, 2, 3, 4, 5],
};

export const MAX_SCORE: Readonly<Record<SurveyKind, number>> = { nps: 10, csat: 5 };

/** The scores at or under which the recovery rule plans an urgent call (its defaults). */
export type LowScores = { enabled: boolean; npsMax: number; csatMax: number };
export const DEFAULT_LOW_SCORES: LowScores = { enabled: true, npsMax: 6, csatMax: 2 };

export const isLowScore = (kind: SurveyKind, score: number, low: LowScores): boolean =>
  low.enabled && score <= (kind === 'nps' ? low.npsMax : low.csatMax);

/** NPS bands (DESIGN.md §3): 0–6 detractor, 7–8 passive, 9–10 promoter; CSAT: 4–5 satisfied. */
export const scoreBand = (kind: SurveyKind, score: number): 'low' | 'middle' | 'high' => {
  if (kind === 'nps') return score <= 6 ? 'low' : score <= 8 ? 'middle' : 'high';
  return score <= 2 ? 'low' : score === 3 ? 'middle' : 'high';
};

/** Changing the question keeps a score only where it still fits. */
export const withKind = (draft: SurveyDraft, kind: SurveyDraft['kind']): SurveyDraft => ({
  ...draft,
  kind,
  score:
    kind !== 'none' && draft.score !== null && SCORES[kind].includes(draft.score)
      ? draft.score
      : null,
});

export type SurveyAnswerInput = {
  kind: SurveyKind;
  score: number;
  comment?: string;
  reasonCategory?: string | null;
};

/** The answer to send, none when no question was asked, or the reason it is not complete. */
export function surveyAnswerOf(
  draft: SurveyDraft,
): { ok: true; answer: SurveyAnswerInput | null } | { ok: false; reason: 'score_required' } {
  if (draft.kind === 'none') return { ok: true, answer: null };
  if (draft.score === null || !SCORES[draft.kind].includes(draft.score)) {
    return { ok: false, reason: 'score_required' };
  }
  const comment = draft.comment.trim();
  return {
    ok: true,
    answer: {
      kind: draft.kind,
      score: draft.score,
      ...(comment !== '' && { comment }),
      ...(draft.category !== '' && { reasonCategory: draft.category }),
    },
  };
}
