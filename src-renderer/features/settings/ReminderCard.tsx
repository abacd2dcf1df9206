import { useId, useMemo, useState } from 'react';
import { formatTimeOfDay } from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Field } from '../../components/Field.tsx';
import { DEFAULT_REMINDER_TIME, reminderTimes } from './reminder-times.ts';

/**
 * The desktop reminder (Settings.reminderTime): on or off and its time of day. The notification
 * is the desktop shell's, so a browser is told where to find it instead.
 */
export function ReminderCard({
  value,
  saved,
  onChange,
}: {
  value: string | null;
  saved: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t, locale } = useLocale();
  const { info } = useSettings();
  const hintId = useId();
  // Switched off and on again, the reminder comes back at the time it had.
  const [offTime, setOffTime] = useState(value ?? saved ?? DEFAULT_REMINDER_TIME);
  const times = useMemo(() => reminderTimes(saved), [saved]);
  const isOn = value !== null;

  return (
    <section
      className="card reminder-card"
      aria-labelledby="settings-reminder"
      data-testid="settings-reminder"
    >
      <h2 id="settings-reminder" className="card-title">
        {t('settings.reminder.title')}
      </h2>
      {info.host !== 'desktop' ? (
        <p className="muted" data-testid="settings-reminder-browser">
          {t('settings.reminder.browser')}
        </p>
      ) : (
        <>
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={isOn}
              aria-describedby={hintId}
              onChange={(event) => {
                if (event.target.checked) return onChange(offTime);
                if (value !== null) setOffTime(value);
                onChange(null);
              }}
              data-testid="settings-reminder-enabled"
            />
            <span className="switch-track" aria-hidden="true" />
            <span>{t('settings.reminder.enable')}</span>
          </label>
          <Field label={t('settings.reminder.time')} className="reminder-time">
            {(control) => (
              <select
                {...control}
                className="input"
                value={value ?? offTime}
                disabled={!isOn}
                onChange={(event) => onChange(event.target.value)}
                data-testid="settings-reminder-time"
              >
                {times.map((time) => (
                  <option key={time} value={time}>
                    {formatTimeOfDay(time, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="field-hint" id={hintId}>
            {t('settings.reminder.hint')}
          </p>
        </>
      )}
    </section>
  );
}
