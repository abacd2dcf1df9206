import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type {
  ContactResult,
  InputOf,
  InteractionOutcome,
  TodayTask,
} from '../../../src-shared/contract/index.ts';
import { addDays, formatNumber, parseDateInput, todayIn } from '../../../src-shared/i18n/locale.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { DayField, dayInputValue } from './DayField.tsx';
import { EMPTY_SURVEY, surveyAnswerOf } from './survey-draft.ts';
import type { SurveyDraft } from './survey-draft.ts';
import { SurveyFields } from './SurveyFields.tsx';
import { TaskSummary } from './TaskSummary.tsx';
import { CALL_BACK_TIMES, wallTimeToInstant } from './zoned-time.ts';

export const CALL_OUTCOMES: readonly InteractionOutcome[] = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'call_back_later',
  'not_interested',
];

type Props = {
  task: TodayTask;
  initialOutcome: InteractionOutcome;
  /** The first focus: the note (the outcome is known) or the outcomes (to choose one). */
  initialFocus: 'note' | 'outcome';
  onClose: () => void;
  onLogged: (result: ContactResult) => void;
};

type Errors = { callBackDay?: string; survey?: string };

/**
 * Logs a call on a task: what happened, a note, when to call back, and the score the customer
 * gave in the same call (only when they were reached). Ctrl+Enter saves from anywhere in it.
 */
export function LogCallDialog({ task, initialOutcome, initialFocus, onClose, onLogged }: Props) {
  const { t, fmt, locale, calendar } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const today = todayIn(new Date(), settings.timeZone);
  const [outcome, setOutcome] = useState<InteractionOutcome>(initialOutcome);
  const [note, setNote] = useState('');
  const [callBackDay, setCallBackDay] = useState(() => dayInputValue(fmt, addDays(today, 1)));
  const [callBackTime, setCallBackTime] = useState('10:00');
  const [survey, setSurvey] = useState<SurveyDraft>(
    task.rule === 'first_survey' ? { ...EMPTY_SURVEY, kind: 'nps' } : EMPTY_SURVEY,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const timeLabel = (time: string) => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    const two = { minimumIntegerDigits: 2, useGrouping: false };
    return `${formatNumber(h, locale, two)}:${formatNumber(m, locale, two)}`;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isBusy) return;
    const found: Errors = {};
    let callBackAt: string | undefined;
    if (outcome === 'call_back_later') {
      const day = parseDateInput(callBackDay, calendar);
      if (!day.ok) found.callBackDay = t('validation.date');
      else if (day.date < today) found.callBackDay = t('today.day.past');
      else callBackAt = wallTimeToInstant(day.date, callBackTime, settings.timeZone);
    }
    const answer =
      outcome === 'reached' ? surveyAnswerOf(survey) : { ok: true as const, answer: null };
    if (!answer.ok) found.survey = t('survey.scoreRequired');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || !answer.ok) return;
    const input: InputOf<'tasks:log-call'> = {
      id: task.id,
      outcome,
      staffId: settings.currentStaffId,
      ...(note.trim() !== '' && { note: note.trim() }),
      ...(callBackAt !== undefined && { callBackAt }),
      ...(answer.answer && { survey: answer.answer }),
    };
    setBusy(true);
    try {
      onLogged(await api.call('tasks:log-call', input));
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field?.field === 'callBackAt') setErrors({ callBackDay: t('today.day.past') });
      else setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <Dialog
      title={t('today.log.title', { name: task.customerName })}
      onClose={onClose}
      isDismissible={!isBusy}
      size="large"
      testId="log-call-dialog"
    >
      <TaskSummary task={task} />
      <form
        className="form log-form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={onKeyDown}
        noValidate
      >
        <fieldset className="field fieldset">
          <legend className="field-label">{t('today.log.outcome')}</legend>
          <div className="chip-row" role="radiogroup" aria-label={t('today.log.outcome')}>
            {CALL_OUTCOMES.map((choice) => (
              <label key={choice} className={`chip-radio outcome-${choice}`}>
                <input
                  type="radio"
                  name="call-outcome"
                  checked={outcome === choice}
                  onChange={() => setOutcome(choice)}
                  data-autofocus={
                    initialFocus === 'outcome' && choice === outcome ? true : undefined
                  }
                  data-testid={`outcome-${choice}`}
                />
                <span>{t(`interaction.outcome.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {outcome === 'call_back_later' ? (
          <div className="call-back-fields">
            <DayField
              label={t('today.log.callBackDay')}
              value={callBackDay}
              onChange={(value) => {
                setCallBackDay(value);
                setErrors((current) => ({ ...current, callBackDay: undefined }));
              }}
              error={errors.callBackDay}
              testId="call-back-day"
            />
            <Field label={t('today.log.callBackTime')}>
              {(control) => (
                <select
                  {...control}
                  className="input input-time"
                  value={callBackTime}
                  onChange={(event) => setCallBackTime(event.target.value)}
                  data-testid="call-back-time"
                >
                  {CALL_BACK_TIMES.map((time) => (
                    <option key={time} value={time}>
                      {timeLabel(time)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ) : null}

        <Field label={t('today.log.note')}>
          {(control) => (
            <textarea
              {...control}
              className="input textarea log-note"
              value={note}
              maxLength={5000}
              placeholder={t('today.log.notePlaceholder')}
              onChange={(event) => setNote(event.target.value)}
              data-autofocus={initialFocus === 'note' ? true : undefined}
              data-testid="log-note"
            />
          )}
        </Field>

        {outcome === 'reached' ? (
          <SurveyFields
            value={survey}
            onChange={(value) => {
              setSurvey(value);
              setErrors((current) => ({ ...current, survey: undefined }));
            }}
            error={errors.survey}
          />
        ) : null}

        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('common.save')}
          submitTestId="log-save"
          hint={
            <span className="form-hint">
              <kbd className="key-cap">Ctrl</kbd>+<kbd className="key-cap">Enter</kbd>{' '}
              {t('today.log.saveHint')}
            </span>
          }
        />
      </form>
    </Dialog>
  );
}
