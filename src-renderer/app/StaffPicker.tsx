import { useId, useState } from 'react';
import { useToast } from '../components/use-toast.ts';
import { errorText } from './i18n/error-text.ts';
import { useLocale } from './i18n/use-t.ts';
import { hrefOf } from './router.ts';
import { useSettings } from './use-settings.ts';
import { useStaff } from './use-staff.ts';

/**
 * "Who is working": the staff member this computer records on every call logged, task changed
 * and score recorded (Settings.currentStaffId), or nobody in particular.
 */
export function StaffPicker() {
  const { t } = useLocale();
  const { settings, update } = useSettings();
  const staff = useStaff();
  const toast = useToast();
  const id = useId();
  const [isBusy, setBusy] = useState(false);
  const current = settings.currentStaffId;
  // Someone archived elsewhere still shows by name until the settings catch up.
  const isListed = current === null || staff.active.some((member) => member.id === current);

  const choose = async (value: string) => {
    setBusy(true);
    try {
      await update({ currentStaffId: value === '' ? null : value });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
      await staff.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`staff-picker${current ? ' is-set' : ''}`}>
      <svg className="staff-picker-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="8" r="3.6" />
        <path d="M4.5 20c.9-4 3.9-6 7.5-6s6.6 2 7.5 6" />
      </svg>
      <label className="staff-picker-label" htmlFor={id}>
        {t('staff.workingLabel')}
      </label>
      <select
        id={id}
        className="input staff-picker-select"
        value={current ?? ''}
        disabled={isBusy}
        onChange={(event) => void choose(event.target.value)}
        data-testid="staff-picker"
      >
        <option value="">{t('staff.nobody')}</option>
        {staff.active.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
        {isListed ? null : (
          <option value={current ?? ''}>{staff.nameOf(current) ?? current}</option>
        )}
      </select>
      {staff.all.length === 0 ? (
        <a className="staff-picker-add" href={hrefOf({ name: 'settings' })}>
          {t('staff.addInSettings')}
        </a>
      ) : null}
    </div>
  );
}
