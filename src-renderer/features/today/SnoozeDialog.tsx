import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Task, TodayTask } from '../../../src-shared/contract/index.ts';
import { addDays, parseDateInput, todayIn } from '../../../src-shared/i18n/locale.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { DayField, dayInputValue } from './DayField.tsx';
import { TaskSummary } from './TaskSummary.tsx';

type Choice = 'tomorrow' | 'next_week' | 'day';
type Props = { task: TodayTask; onClose: () => void; onSnoozed: (task: Task) => void };

/** Moves a task to tomorrow, a week from today, or a day the caller picks. */
export function SnoozeDialog({ task, onClose, onSnoozed }: Props) {
  const { t, fmt, calendar } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const today = todayIn(new Date(), settings.timeZone);
  const [choice, setChoice] = useState<Choice>('tomorrow');
  const [day, setDay] = useState(() => dayInputValue(fmt, addDays(today, 2)));
  const [dayError, setDayError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let until: 'tomorrow' | 'next_week' | string = choice;
    if (choice === 'day') {
      const parsed = parseDateInput(day, calendar);
      if (!parsed.ok) return setDayError(t('validation.date'));
      if (parsed.date <= today) return setDayError(t('today.day.notFuture'));
      until = parsed.date;
    }
    setBusy(true);
    setFormError(null);
    try {
      onSnoozed(
        await api.call('tasks:snooze', { id: task.id, until, staffId: settings.currentStaffId }),
      );
    } catch (error) {
      if (fieldErrorOf(error)?.field === 'until') setDayError(t('today.day.notFuture'));
      else setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  const options: { value: Choice; label: string; date: string | null }[] = [
    { value: 'tomorrow', label: t('today.snooze.tomorrow'), date: addDays(today, 1) },
    { value: 'next_week', label: t('today.snooze.nextWeek'), date: addDays(today, 7) },
    { value: 'day', label: t('today.snooze.date'), date: null },
  ];

  return (
    <Dialog
      title={t('today.snooze.title')}
      onClose={onClose}
      isDismissible={!isBusy}
      testId="snooze-dialog"
    >
      <TaskSummary task={task} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="field fieldset">
          <legend className="visually-hidden">{t('today.snooze.title')}</legend>
          <div className="option-list">
            {options.map((option) => (
              <label key={option.value} className="option">
                <input
                  type="radio"
                  name="snooze"
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                  data-autofocus={option.value === 'tomorrow' ? true : undefined}
                  data-testid={`snooze-option-${option.value}`}
                />
                <span className="option-label">{option.label}</span>
                {option.date ? (
                  <span className="option-detail">{fmt.date(option.date, 'full')}</span>
                ) : null}
              </label>
            ))}
          </div>
        </fieldset>
        {choice === 'day' ? (
          <DayField
            label={t('today.snooze.dayLabel')}
            value={day}
            onChange={(value) => {
              setDay(value);
              setDayError(null);
            }}
            error={dayError}
            testId="snooze-day"
          />
        ) : null}
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('today.snooze.submit')}
          submitTestId="snooze-submit"
        />
      </form>
    </Dialog>
  );
}
