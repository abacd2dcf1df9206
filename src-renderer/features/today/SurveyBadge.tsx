import type { SurveyResponse } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { MAX_SCORE, scoreBand } from './survey-draft.ts';
import './today.css';

/** "NPS 3 out of 10", coloured by band: unhappy, neutral, happy. */
export function SurveyBadge({ survey }: { survey: Pick<SurveyResponse, 'kind' | 'score'> }) {
  const { t } = useLocale();
  return (
    <span
      className={`score-badge band-${scoreBand(survey.kind, survey.score)}`}
      data-testid="score-badge"
    >
      {t('survey.answer', {
        kind: t(`survey.kindShort.${survey.kind}`),
        score: survey.score,
        max: MAX_SCORE[survey.kind],
      })}
    </span>
  );
}
