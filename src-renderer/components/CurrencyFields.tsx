import { useId } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import type { CurrencyChoice } from './currency-choice.ts';

type Props = {
  value: CurrencyChoice;
  onChange: (value: CurrencyChoice) => void;
  error?: string | null;
};

/** Toman / Rial / another ISO code, as radio buttons with a code input for the last. */
export function CurrencyFields({ value, onChange, error }: Props) {
  const t = useT();
  const name = useId();
  const codeId = useId();
  const errorId = useId();
  const code = value.kind === 'other' ? value.code : '';
  return (
    <fieldset className="field fieldset">
      <legend className="field-label">{t('settings.currency')}</legend>
      <div className="choice-row">
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={value.kind === 'toman'}
            onChange={() => onChange({ kind: 'toman' })}
            data-testid="currency-toman"
          />
          <span>{t('currency.toman')}</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={value.kind === 'rial'}
            onChange={() => onChange({ kind: 'rial' })}
            data-testid="currency-rial"
          />
          <span>{t('currency.rial')}</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={value.kind === 'other'}
            onChange={() => onChange({ kind: 'other', code })}
            data-testid="currency-other"
          />
          <span>{t('currency.other')}</span>
        </label>
        {value.kind === 'other' ? (
          <input
            id={codeId}
            className="input input-code"
            dir="ltr"
            value={code}
            maxLength={3}
            placeholder="EUR"
            aria-label={t('currency.code')}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? errorId : undefined}
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(event) =>
              onChange({ kind: 'other', code: event.target.value.toUpperCase() })
            }
            data-testid="currency-code"
          />
        ) : null}
      </div>
      <div className="field-hint">{t('currency.hint')}</div>
      {error ? (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
