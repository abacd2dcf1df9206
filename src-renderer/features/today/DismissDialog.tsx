import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DismissReason, Task, TodayTask } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { TaskSummary } from './TaskSummary.tsx';

const REASONS: readonly DismissReason[] = [
  'not_relevant',
  'already_contacted',
  'customer_request',
  'duplicate',
  'other',
];

type Props = { task: TodayTask; onClose: () => void; onDismissed: (task: Task) => void };

/** Closes a task without a call, saying why. */
export function DismissDialog({ task, onClose, onDismissed }: Props) {
  const { t } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const [reason, setReason] = useState<DismissReason>('not_relevant');
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      onDismissed(
        await api.call('tasks:dismiss', {
          id: task.id,
          reason,
          staffId: settings.currentStaffId,
          ...(note.trim() !== '' && { note: note.trim() }),
        }),
      );
    } catch (error) {
      setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('today.dismiss.title')}
      onClose={onClose}
      isDismissible={!isBusy}
      testId="dismiss-dialog"
    >
      <TaskSummary task={task} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="field fieldset">
          <legend className="field-label">{t('today.dismiss.lead')}</legend>
          <div className="option-list">
            {REASONS.map((choice) => (
              <label key={choice} className="option">
                <input
                  type="radio"
                  name="dismiss-reason"
                  checked={reason === choice}
                  onChange={() => setReason(choice)}
                  data-autofocus={choice === reason ? true : undefined}
                  data-testid={`dismiss-${choice}`}
                />
                <span className="option-label">{t(`today.dismiss.reason.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('today.dismiss.note')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={note}
              maxLength={5000}
              onChange={(event) => setNote(event.target.value)}
              data-testid="dismiss-note"
            />
          )}
        </Field>
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('today.dismiss.submit')}
          tone="danger"
          submitTestId="dismiss-submit"
        />
      </form>
    </Dialog>
  );
}
