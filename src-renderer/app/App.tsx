import { useCallback, useEffect, useState } from 'react';
import type { Api, AppInfo, Settings } from '../../src-shared/contract/index.ts';
import type { Locale } from '../../src-shared/i18n/locale.ts';
import { DEFAULT_TIME_ZONE } from '../../src-shared/i18n/locale.ts';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { isApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { ToastProvider } from '../components/ToastProvider.tsx';
import { FirstRun } from '../features/onboarding/FirstRun.tsx';
import { AppFrame } from './AppFrame.tsx';
import logoUrl from './logo.svg';
import { errorText } from './i18n/error-text.ts';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { useT } from './i18n/use-t.ts';
import { SettingsProvider } from './SettingsProvider.tsx';
import { useSettings } from './use-settings.ts';

type BootState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; info: AppInfo; settings: Settings };

export function App({ api }: { api: Api }) {
  return (
    <ApiProvider api={api}>
      <Boot />
    </ApiProvider>
  );
}

// Before the settings arrive, the browser's language is the best guess for the splash screen.
const guessLocale = (): Locale => (navigator.language.toLowerCase().startsWith('fa') ? 'fa' : 'en');

function Boot() {
  const api = useApi();
  const [state, setState] = useState<BootState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const [info, settings] = await Promise.all([
        api.call('app:info', {}),
        api.call('settings:get', {}),
      ]);
      setState({ status: 'ready', info, settings });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status !== 'ready') {
    const locale = guessLocale();
    return (
      <LocaleProvider
        locale={locale}
        calendar={locale === 'fa' ? 'persian' : 'gregory'}
        timeZone={DEFAULT_TIME_ZONE}
        money={{ currency: 'IRR', displayUnit: 'toman' }}
      >
        {state.status === 'loading' ? (
          <div className="splash" aria-busy="true">
            <img className="splash-logo" src={logoUrl} alt="" />
          </div>
        ) : (
          <BootError
            error={state.error}
            onRetry={() => {
              setState({ status: 'loading' });
              void load();
            }}
          />
        )}
      </LocaleProvider>
    );
  }

  return (
    <SettingsProvider initial={state.settings} info={state.info}>
      <Shell />
    </SettingsProvider>
  );
}

function Shell() {
  const { settings, info } = useSettings();
  return (
    <LocaleProvider
      locale={settings.locale ?? info.systemLocale}
      calendar={settings.calendar}
      timeZone={settings.timeZone}
      money={{ currency: settings.currency, displayUnit: settings.displayUnit }}
    >
      <ToastProvider>{settings.isOnboarded ? <AppFrame /> : <FirstRun />}</ToastProvider>
    </LocaleProvider>
  );
}

function BootError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const isUnauthorised = isApiError(error) && error.code === 'unauthorised';
  return (
    <main className="boot-error" data-testid="boot-error">
      <h1>{t('boot.failedTitle')}</h1>
      <p>{isUnauthorised ? t('boot.unauthorised') : errorText(t, error)}</p>
      {isUnauthorised ? null : (
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </main>
  );
}
