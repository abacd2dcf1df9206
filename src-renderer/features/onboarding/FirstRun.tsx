import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CalendarKind, Locale } from '../../../src-shared/i18n/locale.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf, reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import logoUrl from '../../app/logo.svg';
import { navigate } from '../../app/router.ts';
import { useSettings } from '../../app/use-settings.ts';
import { CalendarFields } from '../../components/CalendarFields.tsx';
import { CurrencyFields } from '../../components/CurrencyFields.tsx';
import { currencyChoiceOf, currencyPatchOf } from '../../components/currency-choice.ts';
import type { CurrencyChoice } from '../../components/currency-choice.ts';
import { Field } from '../../components/Field.tsx';
import './first-run.css';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';

/** Size of the generated demo shop: enough to feel real, quick to create. */
const DEMO_CUSTOMERS = 2000;

type Step = 'language' | 'choice' | 'own' | 'demo';

/** The first-run screen: pick a language, then explore a demo shop or start with your own data. */
export function FirstRun() {
  const { t } = useLocale();
  const { settings } = useSettings();
  // A saved language means the user already passed the first step (e.g. after clearing a demo).
  const [step, setStep] = useState<Step>(settings.locale === null ? 'language' : 'choice');

  return (
    <div className="first-run" data-testid="first-run">
      <div className="first-run-card">
        <div className="first-run-brand">
          <img src={logoUrl} alt="" width={56} height={56} />
          <h1 className="first-run-title">{t('app.name')}</h1>
          <p className="first-run-tagline">{t('app.tagline')}</p>
        </div>
        {step === 'language' ? <LanguageStep onDone={() => setStep('choice')} /> : null}
        {step === 'choice' ? (
          <ChoiceStep
            onDemo={() => setStep('demo')}
            onOwn={() => setStep('own')}
            onBack={() => setStep('language')}
          />
        ) : null}
        {step === 'demo' ? <DemoStep onBack={() => setStep('choice')} /> : null}
        {step === 'own' ? <OwnDataStep onBack={() => setStep('choice')} /> : null}
      </div>
    </div>
  );
}

const LANGUAGE_OPTIONS: readonly { locale: Locale; label: string; hint: string }[] = [
  { locale: 'fa', label: 'فارسی', hint: 'تقویم شمسی، تومان' },
  { locale: 'en', label: 'English', hint: 'Gregorian calendar' },
];

function LanguageStep({ onDone }: { onDone: () => void }) {
  const { t, locale } = useLocale();
  const { update } = useSettings();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Locale | null>(null);
  const choose = async (next: Locale) => {
    setBusy(next);
    setError(null);
    try {
      await update({ locale: next, calendar: next === 'fa' ? 'persian' : 'gregory' });
      onDone();
    } catch (caught) {
      setError(caught);
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="first-run-language">
      <h2 id="first-run-language" className="step-title">
        {/* Both languages: the reader may not read the current one yet. */}
        <span lang="fa">زبان را انتخاب کنید</span>
        <span className="step-title-sep" aria-hidden="true">
          ·
        </span>
        <span lang="en">Choose your language</span>
      </h2>
      <div className="language-grid">
        {LANGUAGE_OPTIONS.map((option) => (
          <button
            key={option.locale}
            type="button"
            lang={option.locale}
            dir={option.locale === 'fa' ? 'rtl' : 'ltr'}
            className={`language-card${option.locale === locale ? ' is-suggested' : ''}`}
            onClick={() => void choose(option.locale)}
            disabled={busy !== null}
            aria-busy={busy === option.locale}
            data-testid={`first-run-language-${option.locale}`}
          >
            <span className="language-card-label">{option.label}</span>
            <span className="language-card-hint">{option.hint}</span>
          </button>
        ))}
      </div>
      <FormError message={error ? errorText(t, error) : null} />
    </section>
  );
}

function ChoiceStep({
  onDemo,
  onOwn,
  onBack,
}: {
  onDemo: () => void;
  onOwn: () => void;
  onBack: () => void;
}) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="first-run-choice">
      <h2 id="first-run-choice" className="step-title">
        {t('firstRun.choiceTitle')}
      </h2>
      <div className="choice-grid">
        <button
          type="button"
          className="choice-card"
          onClick={onDemo}
          data-testid="first-run-demo"
          autoFocus
        >
          <span className="choice-card-icon" aria-hidden="true">
            ✦
          </span>
          <span className="choice-card-title">{t('firstRun.demoTitle')}</span>
          <span className="choice-card-body">
            {t('firstRun.demoBody', { count: DEMO_CUSTOMERS })}
          </span>
        </button>
        <button type="button" className="choice-card" onClick={onOwn} data-testid="first-run-own">
          <span className="choice-card-icon" aria-hidden="true">
            ⌂
          </span>
          <span className="choice-card-title">{t('firstRun.ownTitle')}</span>
          <span className="choice-card-body">{t('firstRun.ownBody')}</span>
        </button>
      </div>
      <div className="step-actions">
        <button type="button" className="button button-ghost" onClick={onBack}>
          {t('firstRun.changeLanguage')}
        </button>
      </div>
    </section>
  );
}

function DemoStep({ onBack }: { onBack: () => void }) {
  const { t, locale } = useLocale();
  const api = useApi();
  const { replace } = useSettings();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      // The core plans the demo's follow-ups before answering: Today opens with its list.
      await api.call('demo:create', { customers: DEMO_CUSTOMERS, locale });
      const settings = await api.call('settings:get', {});
      navigate({ name: 'today' });
      replace(settings);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="first-run-demo" className="demo-step">
      <h2 id="first-run-demo" className="step-title">
        {t('firstRun.demoTitle')}
      </h2>
      <p className="step-lead">{t('firstRun.demoExplain', { count: DEMO_CUSTOMERS })}</p>
      {isBusy ? (
        <div className="progress-block" role="status" data-testid="demo-progress">
          <div className="progress-bar" aria-hidden="true">
            <div className="progress-bar-fill" />
          </div>
          <span>{t('firstRun.demoCreating')}</span>
        </div>
      ) : null}
      <FormError message={error ? errorText(t, error) : null} />
      <div className="step-actions">
        <button type="button" className="button button-ghost" onClick={onBack} disabled={isBusy}>
          {t('common.back')}
        </button>
        <BusyButton
          type="button"
          className="button button-primary button-large"
          onClick={() => void create()}
          data-testid="first-run-demo-create"
          autoFocus
          isBusy={isBusy}
          busyLabel={t('common.working')}
        >
          {t('firstRun.demoCreate')}
        </BusyButton>
      </div>
    </section>
  );
}

function OwnDataStep({ onBack }: { onBack: () => void }) {
  const { t, locale } = useLocale();
  const { settings, update } = useSettings();
  // Never the demo shop's name, which a cleared demo leaves behind.
  const [shopName, setShopName] = useState('');
  // What the settings hold (Toman on a new database, the demo's currency after clearing one).
  const [currency, setCurrency] = useState<CurrencyChoice>(() =>
    currencyChoiceOf(settings.currency, settings.displayUnit),
  );
  const [calendar, setCalendar] = useState<CalendarKind>(settings.calendar);
  const [errors, setErrors] = useState<{ shopName?: string; currency?: string; form?: string }>({});
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (shopName.trim() === '') next.shopName = reasonText(t, 'required');
    const money = currencyPatchOf(currency);
    if (!money) next.currency = reasonText(t, 'invalid_currency');
    setErrors(next);
    if (next.shopName || next.currency || !money) return;
    setBusy(true);
    try {
      await update({ shopName: shopName.trim(), ...money, calendar, locale, isOnboarded: true });
      navigate({ name: 'today' });
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field?.field === 'currency') setErrors({ currency: reasonText(t, field.reason) });
      else setErrors({ form: errorText(t, error) });
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="first-run-own">
      <h2 id="first-run-own" className="step-title">
        {t('firstRun.ownTitle')}
      </h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('settings.shopName')} error={errors.shopName} testId="own-shop-name">
          {(control) => (
            <input
              {...control}
              className="input"
              value={shopName}
              maxLength={120}
              onChange={(event) => setShopName(event.target.value)}
              data-testid="own-shop-name"
              autoFocus
            />
          )}
        </Field>
        <CurrencyFields value={currency} onChange={setCurrency} error={errors.currency} />
        <CalendarFields value={calendar} onChange={setCalendar} />
        <FormError message={errors.form} />
        <div className="step-actions">
          <button type="button" className="button button-ghost" onClick={onBack} disabled={isBusy}>
            {t('common.back')}
          </button>
          <BusyButton
            type="submit"
            className="button button-primary button-large"
            data-testid="own-submit"
            isBusy={isBusy}
            busyLabel={t('common.working')}
          >
            {t('firstRun.ownSubmit')}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
