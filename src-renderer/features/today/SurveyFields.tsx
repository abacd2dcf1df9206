import { useId } from 'react';
import type { SurveyKind } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Field } from '../../components/Field.tsx';
import { SCORES, SURVEY_CATEGORIES, isLowScore, scoreBand, withKind } from './survey-draft.ts';
import type { SurveyDraft } from './survey-draft.ts';
import { useLowScores } from './use-low-scores.ts';
import './today.css';

type Props = {
  value: SurveyDraft;
  onChange: (value: SurveyDraft) => void;
  error?: string | null;
  /** False where an answer is the point of the form (no "none" choice). */
  isOptional?: boolean;
};

const KINDS: readonly SurveyKind[] = ['nps', 'csat'];

/**
 * A satisfaction answer given on the phone or at the counter: the question asked (NPS 0–10 or
 * CSAT 1–5), the score as a row of radio buttons (arrow keys move along it), what it was about
 * and the customer's own words. Says when the score will plan an urgent recovery call.
 */
export function SurveyFields({ value, onChange, error, isOptional = true }: Props) {
  const { t, fmt } = useLocale();
  const low = useLowScores();
  const name = useId();
  const errorId = `${name}-error`;
  const set = (patch: Partial<SurveyDraft>) => onChange({ ...value, ...patch });
  const kinds: readonly SurveyDraft['kind'][] = isOptional ? ['none', ...KINDS] : KINDS;

  return (
    <fieldset className="survey-fields" data-testid="survey-fields">
      <legend className="survey-legend">{t('survey.section')}</legend>
      <div className="segmented survey-kinds" role="radiogroup" aria-label={t('survey.kind')}>
        {kinds.map((kind) => (
          <label key={kind} className="segmented-radio">
            <input
              type="radio"
              name={`${name}-kind`}
              checked={value.kind === kind}
              onChange={() => onChange(withKind(value, kind))}
              data-testid={`survey-kind-${kind}`}
            />
            <span>{t(`survey.kind.${kind}`)}</span>
          </label>
        ))}
      </div>
      {value.kind === 'none' ? null : (
        <>
          <p className="survey-question">{t(`survey.question.${value.kind}`)}</p>
          <div
            className="score-row"
            role="radiogroup"
            aria-label={t('survey.score')}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            data-testid="survey-scores"
          >
            {SCORES[value.kind].map((score) => (
              <label
                key={score}
                className={`score-chip band-${scoreBand(value.kind as SurveyKind, score)}`}
              >
                <input
                  type="radio"
                  name={`${name}-score`}
                  checked={value.score === score}
                  onChange={() => set({ score })}
                  data-testid={`survey-score-${score}`}
                />
                <span>{fmt.number(score)}</span>
              </label>
            ))}
          </div>
          {error ? (
            <div className="field-error" id={errorId} role="alert">
              {error}
            </div>
          ) : null}
          {value.score !== null && isLowScore(value.kind, value.score, low) ? (
            <p className="survey-low" data-testid="survey-low">
              {t('survey.lowHint')}
            </p>
          ) : null}
          <div className="survey-details">
            <Field label={t('survey.category')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={value.category}
                  onChange={(event) => set({ category: event.target.value })}
                  data-testid="survey-category"
                >
                  <option value="">{t('survey.category.none')}</option>
                  {SURVEY_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {t(`survey.category.${category}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('survey.comment')}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={value.comment}
                  maxLength={2000}
                  onChange={(event) => set({ comment: event.target.value })}
                  data-testid="survey-comment"
                />
              )}
            </Field>
          </div>
        </>
      )}
    </fieldset>
  );
}
