import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type {
  ContactResult,
  Customer,
  InputOf,
  InteractionOutcome,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { CALL_OUTCOMES } from '../today/LogCallDialog.tsx';
import { EMPTY_SURVEY, surveyAnswerOf } from '../today/survey-draft.ts';
import type { SurveyDraft } from '../today/survey-draft.ts';
import { SurveyFields } from '../today/SurveyFields.tsx';

type Channel = InputOf<'contacts:log'>['channel'];
type Direction = 'inbound' | 'outbound';

const CHANNELS: readonly Channel[] = ['phone', 'in_person', 'sms', 'email', 'messenger', 'note'];
// Call-back times belong to a follow-up task; a contact on its own records what happened.
const OUTCOMES = CALL_OUTCOMES.filter((outcome) => outcome !== 'call_back_later');

type Props = { customer: Customer; onClose: () => void; onLogged: (result: ContactResult) => void };

/**
 * A contact no task asked for: an incoming call, a talk at the counter, a message. An outgoing
 * call says how it went; a score the customer gave can be recorded with it.
 */
export function LogContactDialog({ customer, onClose, onLogged }: Props) {
  const { t } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const [channel, setChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<Direction>('inbound');
  const [outcome, setOutcome] = useState<InteractionOutcome>('reached');
  const [note, setNote] = useState('');
  const [survey, setSurvey] = useState<SurveyDraft>(EMPTY_SURVEY);
  const [surveyError, setSurveyError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const hasDirection = channel !== 'note';
  const hasOutcome = channel === 'phone' && direction === 'outbound';
  const canAnswer = channel !== 'note' && (!hasOutcome || outcome === 'reached');

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isBusy) return;
    const answer = canAnswer ? surveyAnswerOf(survey) : { ok: true as const, answer: null };
    if (!answer.ok) return setSurveyError(t('survey.scoreRequired'));
    const input: InputOf<'contacts:log'> = {
      customerId: customer.id,
      channel,
      staffId: settings.currentStaffId,
      ...(hasDirection && { direction }),
      ...(hasOutcome && { outcome }),
      ...(channel === 'phone' && direction === 'inbound' && { outcome: 'reached' as const }),
      ...(note.trim() !== '' && { note: note.trim() }),
      ...(answer.answer && { survey: answer.answer }),
    };
    setBusy(true);
    setFormError(null);
    try {
      onLogged(await api.call('contacts:log', input));
    } catch (error) {
      setFormError(errorText(t, error));
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
      title={t('today.contact.title', { name: customer.name })}
      onClose={onClose}
      isDismissible={!isBusy}
      size="large"
      testId="log-contact-dialog"
    >
      <p className="dialog-lead muted">{t('today.contact.lead')}</p>
      <form
        className="form log-form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={onKeyDown}
        noValidate
      >
        <fieldset className="field fieldset">
          <legend className="field-label">{t('today.contact.channel')}</legend>
          <div className="chip-row">
            {CHANNELS.map((choice) => (
              <label key={choice} className="chip-radio">
                <input
                  type="radio"
                  name="contact-channel"
                  checked={channel === choice}
                  onChange={() => setChannel(choice)}
                  data-autofocus={choice === 'phone' ? true : undefined}
                  data-testid={`contact-channel-${choice}`}
                />
                <span>{t(`interaction.channel.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {hasDirection ? (
          <fieldset className="field fieldset">
            <legend className="field-label">{t('today.contact.direction')}</legend>
            <div className="segmented contact-direction">
              {(['inbound', 'outbound'] as const).map((choice) => (
                <label key={choice} className="segmented-radio">
                  <input
                    type="radio"
                    name="contact-direction"
                    checked={direction === choice}
                    onChange={() => setDirection(choice)}
                    data-testid={`contact-direction-${choice}`}
                  />
                  <span>{t(`today.contact.${choice}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {hasOutcome ? (
          <fieldset className="field fieldset">
            <legend className="field-label">{t('today.contact.outcome')}</legend>
            <div className="chip-row">
              {OUTCOMES.map((choice) => (
                <label key={choice} className="chip-radio">
                  <input
                    type="radio"
                    name="contact-outcome"
                    checked={outcome === choice}
                    onChange={() => setOutcome(choice)}
                    data-testid={`contact-outcome-${choice}`}
                  />
                  <span>{t(`interaction.outcome.${choice}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
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
              data-testid="contact-note"
            />
          )}
        </Field>
        {canAnswer ? (
          <SurveyFields
            value={survey}
            onChange={(value) => {
              setSurvey(value);
              setSurveyError(null);
            }}
            error={surveyError}
          />
        ) : null}
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('common.save')}
          submitTestId="contact-save"
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
