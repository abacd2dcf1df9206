import { useState } from 'react';
import type { FormEvent } from 'react';
import type {
  ContactResult,
  Customer,
  InputOf,
  SurveyChannel,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { EMPTY_SURVEY, surveyAnswerOf } from '../today/survey-draft.ts';
import type { SurveyDraft } from '../today/survey-draft.ts';
import { SurveyFields } from '../today/SurveyFields.tsx';

const VIA: readonly Exclude<SurveyChannel, 'import'>[] = [
  'in_person',
  'phone',
  'sms',
  'email',
  'messenger',
  'other',
];

type Props = {
  customer: Customer;
  onClose: () => void;
  onRecorded: (result: ContactResult) => void;
};

/** A satisfaction answer on its own (a card at the counter, a reply by message). */
export function SurveyDialog({ customer, onClose, onRecorded }: Props) {
  const { t } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const [survey, setSurvey] = useState<SurveyDraft>({ ...EMPTY_SURVEY, kind: 'nps' });
  const [via, setVia] = useState<(typeof VIA)[number]>('in_person');
  const [scoreError, setScoreError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = surveyAnswerOf(survey);
    if (!answer.ok || !answer.answer) return setScoreError(t('survey.scoreRequired'));
    const input: InputOf<'surveys:record'> = {
      customerId: customer.id,
      ...answer.answer,
      collectedVia: via,
      staffId: settings.currentStaffId,
    };
    setBusy(true);
    setFormError(null);
    try {
      onRecorded(await api.call('surveys:record', input));
    } catch (error) {
      setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('survey.recordTitle', { name: customer.name })}
      onClose={onClose}
      isDismissible={!isBusy}
      size="large"
      testId="survey-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <SurveyFields
          value={survey}
          onChange={(value) => {
            setSurvey(value);
            setScoreError(null);
          }}
          error={scoreError}
          isOptional={false}
        />
        <Field label={t('survey.via')}>
          {(control) => (
            <select
              {...control}
              className="input input-medium"
              value={via}
              onChange={(event) => setVia(event.target.value as (typeof VIA)[number])}
              data-testid="survey-via"
            >
              {VIA.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`survey.via.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('common.save')}
          submitTestId="survey-save"
        />
      </form>
    </Dialog>
  );
}
