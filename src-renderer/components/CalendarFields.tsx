import { useId } from 'react';
import type { CalendarKind } from '../../src-shared/i18n/locale.ts';
import { useT } from '../app/i18n/use-t.ts';

/** Jalali or Gregorian, as two radio buttons. */
export function CalendarFields({
  value,
  onChange,
}: {
  value: CalendarKind;
  onChange: (value: CalendarKind) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="field fieldset">
      <legend className="field-label">{t('settings.calendar')}</legend>
      <div className="choice-row">
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={value === 'persian'}
            onChange={() => onChange('persian')}
            data-testid="calendar-persian"
          />
          <span>{t('calendar.persian')}</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={value === 'gregory'}
            onChange={() => onChange('gregory')}
            data-testid="calendar-gregory"
          />
          <span>{t('calendar.gregory')}</span>
        </label>
      </div>
    </fieldset>
  );
}
