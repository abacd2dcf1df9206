import { parseDateInput } from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import type { Formatter } from '../../app/i18n/format.ts';
import { Field } from '../../components/Field.tsx';

/**
 * A day as the field starts with it: the shop's short date, without the era ICU writes after a
 * Jalali date in English ("16/09/1405 AP"), so it reads back as it is shown.
 */
export const dayInputValue = (fmt: Formatter, day: string): string =>
  fmt.date(day, 'short').replace(/\s*\p{L}+\.?$/u, '');

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  testId: string;
  isAutoFocus?: boolean;
};

/**
 * A day typed in either calendar, in any digits (1405/9/20, 11/12/2026, ۱۴۰۵/۹/۲۰), read back in
 * words as it is typed so a slip shows before it is saved.
 */
export function DayField({ label, value, onChange, error, testId, isAutoFocus }: Props) {
  const { t, fmt, calendar } = useLocale();
  const parsed = parseDateInput(value, calendar);
  const echo = parsed.ok ? t('today.day.echo', { date: fmt.date(parsed.date, 'full') }) : null;
  return (
    <Field
      label={label}
      error={error}
      hint={<span data-testid={`${testId}-echo`}>{echo ?? t('today.day.hint')}</span>}
      testId={testId}
    >
      {(control) => (
        <input
          {...control}
          className="input input-day"
          value={value}
          inputMode="numeric"
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
          data-autofocus={isAutoFocus ? true : undefined}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
