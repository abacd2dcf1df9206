import { useState } from 'react';
import type { Locale } from '../../src-shared/i18n/locale.ts';
import { useToast } from '../components/use-toast.ts';
import { errorText } from './i18n/error-text.ts';
import { useLocale } from './i18n/use-t.ts';
import { whenLeaveAllowed } from './leave-guard.ts';
import { useSettings } from './use-settings.ts';

// Each language names itself, so a user who cannot read the current one still finds theirs.
const LANGUAGES: readonly { locale: Locale; label: string }[] = [
  { locale: 'fa', label: 'فارسی' },
  { locale: 'en', label: 'English' },
];

/** fa/en toggle; the choice is saved, so it overrides the operating system's language. */
export function LanguageSwitch() {
  const { locale, t } = useLocale();
  const { update } = useSettings();
  const toast = useToast();
  const [isBusy, setBusy] = useState(false);
  const choose = async (next: Locale) => {
    if (next === locale) return;
    setBusy(true);
    try {
      await update({ locale: next });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="segmented" role="group" aria-label={t('settings.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language.locale}
          type="button"
          lang={language.locale}
          className="segmented-option"
          aria-pressed={language.locale === locale}
          disabled={isBusy}
          // Forms start again in the new language, so unsaved edits are confirmed away first.
          onClick={() => {
            if (language.locale !== locale) whenLeaveAllowed(() => void choose(language.locale));
          }}
          data-testid={`language-${language.locale}`}
        >
          {language.label}
        </button>
      ))}
    </div>
  );
}
