import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOW_SCORES,
  EMPTY_SURVEY,
  isLowScore,
  scoreBand,
  surveyAnswerOf,
  withKind,
} from './survey-draft.ts';

describe('surveyAnswerOf', () => {
  it('sends nothing when no question was asked', () => {
    expect(surveyAnswerOf(EMPTY_SURVEY)).toEqual({ ok: true, answer: null });
  });

  it('needs a score once a question is chosen', () => {
    expect(surveyAnswerOf({ ...EMPTY_SURVEY, kind: 'nps' })).toEqual({
      ok: false,
      reason: 'score_required',
    });
  });

  it('sends the score with the comment and category only when given', () => {
    expect(surveyAnswerOf({ kind: 'nps', score: 0, comment: '  ', category: '' })).toEqual({
      ok: true,
      answer: { kind: 'nps', score: 0 },
    });
    expect(
      surveyAnswerOf({ kind: 'csat', score: 2, comment: ' late ', category: 'delivery' }),
    ).toEqual({
      ok: true,
      answer: { kind: 'csat', score: 2, comment: 'late', reasonCategory: 'delivery' },
    });
  });
});

describe('withKind', () => {
  it('keeps a score that still fits and drops one that does not', () => {
    const nps = { ...EMPTY_SURVEY, kind: 'nps' as const, score: 4 };
    expect(withKind(nps, 'csat').score).toBe(4);
    expect(withKind({ ...nps, score: 9 }, 'csat').score).toBeNull();
    expect(withKind({ ...nps, score: 0 }, 'csat').score).toBeNull();
    expect(withKind(nps, 'none').score).toBeNull();
  });
});

describe('low scores and bands', () => {
  it('marks NPS 0–6 and CSAT 1–2 as low by default', () => {
    expect(isLowScore('nps', 6, DEFAULT_LOW_SCORES)).toBe(true);
    expect(isLowScore('nps', 7, DEFAULT_LOW_SCORES)).toBe(false);
    expect(isLowScore('csat', 2, DEFAULT_LOW_SCORES)).toBe(true);
    expect(isLowScore('csat', 3, DEFAULT_LOW_SCORES)).toBe(false);
    expect(isLowScore('nps', 0, { ...DEFAULT_LOW_SCORES, enabled: false })).toBe(false);
  });

  it('bands NPS as detractor, passive, promoter', () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => scoreBand('nps', score))).toEqual([
      'low',
      'low',
      'middle',
      'middle',
      'high',
      'high',
    ]);
    expect([1, 2, 3, 4, 5].map((score) => scoreBand('csat', score))).toEqual([
      'low',
      'low',
      'middle',
      'high',
      'high',
    ]);
  });
});
