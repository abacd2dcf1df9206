import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useApi } from '../api/use-api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { CustomersSection } from '../features/customers/CustomersSection.tsx';
import { TodayScreen } from '../features/today/TodayScreen.tsx';
import { todayIn } from '../../src-shared/i18n/locale.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLocale } from './i18n/use-t.ts';
import logoUrl from './logo.svg';
import { hrefOf, navigate, useRoute } from './router.ts';
import type { Route } from './router.ts';
import { SearchFocusContext } from './search-focus.ts';
import type { SearchFocus } from './search-focus.ts';
import { StaffPicker } from './StaffPicker.tsx';
import { StaffProvider } from './StaffProvider.tsx';
import { useSettings } from './use-settings.ts';

/**
 * A screen loaded when it is first opened: the app starts with Today and the customer book only,
 * and the charts (chart.js) come with Insights and Loyalty.
 */
const lazyScreen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const InsightsScreen = lazyScreen(
  () => import('../features/insights/InsightsScreen.tsx'),
  'InsightsScreen',
);
const LoyaltyScreen = lazyScreen(
  () => import('../features/loyalty/LoyaltyScreen.tsx'),
  'LoyaltyScreen',
);
const ImportScreen = lazyScreen(
  () => import('../features/import/ImportScreen.tsx'),
  'ImportScreen',
);
const SurveyImportScreen = lazyScreen(
  () => import('../features/import/SurveyImportScreen.tsx'),
  'SurveyImportScreen',
);
const MessagesScreen = lazyScreen(
  () => import('../features/messages/MessagesScreen.tsx'),
  'MessagesScreen',
);
const SettingsScreen = lazyScreen(
  () => import('../features/settings/SettingsScreen.tsx'),
  'SettingsScreen',
);

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The window: sidebar navigation, the header, the demo banner and the current screen. */
export function AppFrame() {
  return (
    <StaffProvider>
      <Frame />
    </StaffProvider>
  );
}

function Frame() {
  const { t } = useLocale();
  const { settings } = useSettings();
  const route = useRoute();
  const searchInput = useRef<HTMLInputElement | null>(null);
  const isSearchPending = useRef(false);

  const searchFocus = useMemo<SearchFocus>(
    () => ({
      register: (input) => {
        searchInput.current = input;
        if (input && isSearchPending.current) {
          isSearchPending.current = false;
          input.focus();
        }
      },
      focus: () => {
        if (searchInput.current?.isConnected) {
          searchInput.current.focus();
          searchInput.current.select();
        } else {
          isSearchPending.current = true;
          navigate({ name: 'customers' });
        }
      },
    }),
    [],
  );

  // A new screen starts at its top, as a new page would.
  const screenKey =
    route.name === 'customer'
      ? `customer/${route.id}`
      : route.name === 'import' && route.kind
        ? `import/${route.kind}`
        : route.name;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screenKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      // Physical key codes, so the shortcuts also work with a Persian keyboard layout.
      const isCtrlK = (event.ctrlKey || event.metaKey) && event.code === 'KeyK';
      const isSlash = event.code === 'Slash' && !event.ctrlKey && !isEditable(event.target);
      if (isCtrlK || isSlash) {
        event.preventDefault();
        searchFocus.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchFocus]);

  return (
    <SearchFocusContext value={searchFocus}>
      <div className={`frame${route.name === 'customers' ? ' frame-fill' : ''}`}>
        {/* Focus only: following "#main" would change the hash, and the hash is the route. */}
        <a
          className="skip-link"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('frame.skipToContent')}
        </a>
        <aside className="sidebar">
          <div className="sidebar-inner">
            <div className="brand">
              <img className="brand-logo" src={logoUrl} alt="" width={36} height={36} />
              <div className="brand-text">
                <span className="brand-name">{t('app.name')}</span>
                {settings.shopName ? (
                  <span className="brand-shop" data-testid="shop-name">
                    {settings.shopName}
                  </span>
                ) : null}
              </div>
            </div>
            <nav className="nav" aria-label={t('frame.navigation')}>
              <NavLink route={{ name: 'today' }} current={route} icon={<TodayIcon />}>
                {t('today.nav')}
              </NavLink>
              <NavLink route={{ name: 'customers' }} current={route} icon={<PeopleIcon />}>
                {t('nav.customers')}
              </NavLink>
              <NavLink route={{ name: 'import' }} current={route} icon={<ImportIcon />}>
                {t('nav.import')}
              </NavLink>
              <NavLink route={{ name: 'loyalty' }} current={route} icon={<StarIcon />}>
                {t('nav.loyalty')}
              </NavLink>
              <NavLink route={{ name: 'insights' }} current={route} icon={<ChartIcon />}>
                {t('nav.insights')}
              </NavLink>
              <NavLink route={{ name: 'messages' }} current={route} icon={<MessageIcon />}>
                {t('nav.messages')}
              </NavLink>
              <NavLink route={{ name: 'settings' }} current={route} icon={<GearIcon />}>
                {t('nav.settings')}
              </NavLink>
            </nav>
            <div className="sidebar-footer">
              <LanguageSwitch />
              <p className="shortcut-hint">{t('frame.searchShortcut')}</p>
            </div>
          </div>
        </aside>
        <div className="workspace">
          {settings.isDemo ? <DemoBanner /> : null}
          <AppHeader />
          <main id="main" className="main" tabIndex={-1}>
            <Suspense fallback={<div className="grid-loading" aria-busy="true" />}>
              {route.name === 'today' ? (
                <TodayScreen />
              ) : route.name === 'settings' ? (
                <SettingsScreen />
              ) : route.name === 'loyalty' ? (
                <LoyaltyScreen />
              ) : route.name === 'insights' ? (
                <InsightsScreen />
              ) : route.name === 'messages' ? (
                <MessagesScreen />
              ) : route.name === 'import' ? (
                route.kind === 'surveys' ? (
                  <SurveyImportScreen />
                ) : (
                  <ImportScreen />
                )
              ) : (
                <CustomersSection route={route} />
              )}
            </Suspense>
          </main>
        </div>
      </div>
    </SearchFocusContext>
  );
}

function NavLink({
  route,
  current,
  icon,
  children,
}: {
  route: Route;
  current: Route;
  icon: ReactNode;
  children: ReactNode;
}) {
  const isCurrent =
    route.name === current.name || (route.name === 'customers' && current.name === 'customer');
  return (
    <a
      className="nav-link"
      href={hrefOf(route)}
      aria-current={isCurrent ? 'page' : undefined}
      data-testid={`nav-${route.name}`}
    >
      {icon}
      <span>{children}</span>
    </a>
  );
}

/** The day and who is working at this computer, above every screen. */
function AppHeader() {
  const { t, fmt } = useLocale();
  const { settings } = useSettings();
  const today = todayIn(new Date(), settings.timeZone);
  return (
    <header className="app-header" aria-label={t('today.headerLabel')}>
      <span className="app-header-date" data-testid="header-date">
        {fmt.date(today, 'full')}
      </span>
      <StaffPicker />
    </header>
  );
}

function DemoBanner() {
  const { t } = useLocale();
  const api = useApi();
  const { replace } = useSettings();
  const [isConfirming, setConfirming] = useState(false);
  const clear = useCallback(async () => {
    const settings = await api.call('demo:clear', {});
    navigate({ name: 'customers' });
    replace(settings);
  }, [api, replace]);
  return (
    <div
      className="demo-banner"
      role="region"
      aria-label={t('demo.bannerLabel')}
      data-testid="demo-banner"
    >
      <span>{t('demo.banner')}</span>
      <button
        type="button"
        className="button button-small demo-banner-action"
        onClick={() => setConfirming(true)}
        data-testid="demo-clear"
      >
        {t('demo.startOwn')}
      </button>
      {isConfirming ? (
        <ConfirmDialog
          title={t('demo.clearTitle')}
          confirmLabel={t('demo.clearConfirm')}
          tone="danger"
          onConfirm={clear}
          onClose={() => setConfirming(false)}
          testId="demo-clear-dialog"
        >
          <p>{t('demo.clearBody')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function TodayIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="3.5" y="5" width="17" height="15.5" rx="2.5" />
      <path d="M3.5 9.5h17M8 3v4M16 3v4" />
      <path d="M8.5 14.5l2.3 2.3 4.7-4.6" />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 19.5c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M16.5 14c2.6.2 4.4 1.9 5 4.5" />
    </svg>
  );
}

function ImportIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5" />
      <path d="M4 14.5v3.75A1.75 1.75 0 0 0 5.75 20h12.5A1.75 1.75 0 0 0 20 18.25V14.5" />
    </svg>
  );
}

function StarIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
    </svg>
  );
}

function ChartIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 20h16" />
      <path d="M7 16.5v-4M11.5 16.5V8M16 16.5v-6.5" />
      <path d="M5.5 9.5 10 5.5l3.5 2.5 5-4" />
    </svg>
  );
}

function MessageIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="3" y="5" width="18" height="14" rx="2.5" />
      <path d="M3.5 7l8.5 6 8.5-6" />
    </svg>
  );
}

function GearIcon() {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.8v2.4M12 18.8v2.4M4.6 4.6l1.7 1.7M17.7 17.7l1.7 1.7M2.8 12h2.4M18.8 12h2.4M4.6 19.4l1.7-1.7M17.7 6.3l1.7-1.7" />
    </svg>
  );
}
