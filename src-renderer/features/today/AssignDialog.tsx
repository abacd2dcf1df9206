import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Task, TodayTask } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { useSettings } from '../../app/use-settings.ts';
import { useStaff } from '../../app/use-staff.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { TaskSummary } from './TaskSummary.tsx';

type Props = { task: TodayTask; onClose: () => void; onAssigned: (task: Task) => void };

/** Gives a task to a staff member, or to nobody in particular. */
export function AssignDialog({ task, onClose, onAssigned }: Props) {
  const { t } = useLocale();
  const { settings } = useSettings();
  const staff = useStaff();
  const api = useApi();
  const [assigneeId, setAssigneeId] = useState<string | null>(task.assigneeId);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      onAssigned(
        await api.call('tasks:assign', {
          id: task.id,
          assigneeId,
          staffId: settings.currentStaffId,
        }),
      );
    } catch (error) {
      setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  const choices: { id: string | null; name: string; isCurrent: boolean }[] = [
    { id: null, name: t('today.assign.nobody'), isCurrent: false },
    ...staff.active.map((member) => ({
      id: member.id,
      name: member.name,
      isCurrent: member.id === settings.currentStaffId,
    })),
  ];
  const checked = choices.some((choice) => choice.id === assigneeId) ? assigneeId : null;

  return (
    <Dialog
      title={t('today.assign.title')}
      onClose={onClose}
      isDismissible={!isBusy}
      testId="assign-dialog"
    >
      <TaskSummary task={task} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="field fieldset">
          <legend className="visually-hidden">{t('today.assign.title')}</legend>
          <div className="option-list">
            {choices.map((choice) => (
              <label key={choice.id ?? ''} className="option">
                <input
                  type="radio"
                  name="assignee"
                  checked={checked === choice.id}
                  onChange={() => setAssigneeId(choice.id)}
                  data-autofocus={checked === choice.id ? true : undefined}
                  data-testid={`assign-${choice.id ?? 'nobody'}`}
                />
                <span className="option-label">{choice.name}</span>
                {choice.isCurrent ? (
                  <span className="option-detail">{t('staff.workingNow')}</span>
                ) : null}
              </label>
            ))}
          </div>
        </fieldset>
        {staff.active.length === 0 ? (
          <p className="muted">
            {t('today.assign.noStaff')}{' '}
            <a href={hrefOf({ name: 'settings' })}>{t('staff.addInSettings')}</a>
          </p>
        ) : null}
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('today.assign.submit')}
          submitTestId="assign-submit"
        />
      </form>
    </Dialog>
  );
}
