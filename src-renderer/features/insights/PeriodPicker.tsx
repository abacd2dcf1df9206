import { useState } from 'react';
import type { FormEvent } from 'react';
import { parseDateInput } from '../../../src-shared/i18n/locale.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import { reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { DayField, dayInputValue } from '../today/DayField.tsx';
import { PERIOD_PRESETS, presetPeriod } from './period.ts';
import type { Period, PeriodPreset } from './period.ts';

const PRESET_NAMES: Record<PeriodPreset | 'custom', MessageKey> = {
  thisMonth: 'insights.period.thisMonth',
  last3Months: 'insights.period.last3Months',
  last12Months: 'insights.period.last12Months',
  thisYear: 'insights.period.thisYear',
  custom: 'insights.period.custom',
};

type Props = {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
};

/**
 * The period the figures are over, in the shop's calendar: this month, the last 3 or 12 months
 * and this year run from the first day of their first month to today; "custom" takes two days
 * typed in either calendar.
 */
export function PeriodPicker({ period, today, onChange }: Props) {
  const { t, fmt, calendar } = useLocale();
  const [isCustom, setCustom] = useState(period.preset === 'custom');
  const [from, setFrom] = useState(() => dayInputValue(fmt, period.from));
  const [to, setTo] = useState(() => dayInputValue(fmt, period.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const choose = (preset: PeriodPreset) => {
    setCustom(false);
    setErrors({});
    onChange(presetPeriod(preset, today, calendar));
  };

  const openCustom = () => {
    setFrom(dayInputValue(fmt, period.from));
    setTo(dayInputValue(fmt, period.to));
    setCustom(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsedFrom = parseDateInput(from, calendar);
    const parsedTo = parseDateInput(to, calendar);
    const problem = (parsed: ReturnType<typeof parseDateInput>) =>
      parsed.ok
        ? undefined
        : parsed.reason === 'empty'
          ? t('validation.required')
          : reasonText(t, parsed.reason);
    const next = { from: problem(parsedFrom), to: problem(parsedTo) };
    if (parsedFrom.ok && parsedTo.ok) {
      if (parsedFrom.date > parsedTo.date) next.to = t('insights.period.reversed');
      else if (parsedFrom.date > today) next.from = t('insights.period.future');
    }
    setErrors(next);
    if (next.from || next.to || !parsedFrom.ok || !parsedTo.ok) return;
    onChange({ preset: 'custom', from: parsedFrom.date, to: parsedTo.date });
  };

  const shown: PeriodPreset | 'custom' = isCustom ? 'custom' : period.preset;
  return (
    <div className="insights-period">
      <div
        className="segmented insights-period-presets"
        role="group"
        aria-label={t('insights.period.label')}
      >
        {[...PERIOD_PRESETS, 'custom' as const].map((preset) => (
          <button
            key={preset}
            type="button"
            className="segmented-option"
            aria-pressed={shown === preset}
            onClick={() => (preset === 'custom' ? openCustom() : choose(preset))}
            data-testid={`insights-period-${preset}`}
          >
            {t(PRESET_NAMES[preset])}
          </button>
        ))}
      </div>
      {isCustom ? (
        <form className="insights-period-custom" onSubmit={apply} noValidate>
          <DayField
            label={t('insights.period.from')}
            value={from}
            onChange={setFrom}
            error={errors.from ?? null}
            testId="insights-period-from"
          />
          <DayField
            label={t('insights.period.to')}
            value={to}
            onChange={setTo}
            error={errors.to ?? null}
            testId="insights-period-to"
          />
          <button
            type="submit"
            className="button button-primary"
            data-testid="insights-period-apply"
          >
            {t('insights.period.apply')}
          </button>
        </form>
      ) : null}
      <p className="insights-period-range" data-testid="insights-period-range">
        {t('insights.period.range', { from: fmt.date(period.from), to: fmt.date(period.to) })}
      </p>
    </div>
  );
}
