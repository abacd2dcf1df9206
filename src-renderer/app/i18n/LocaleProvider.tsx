import { createContext, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { CalendarKind, Locale, MoneySettings } from '../../../src-shared/i18n/locale.ts';
import { createFormatter } from './format.ts';
import type { Formatter } from './format.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';

export type LocaleValue = {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  calendar: CalendarKind;
  t: T;
  fmt: Formatter;
};

export const LocaleContext = createContext<LocaleValue | null>(null);

type Props = {
  locale: Locale;
  calendar: CalendarKind;
  timeZone: string;
  money: MoneySettings;
  children: ReactNode;
};

/** Language, direction, calendar and money for everything below; keeps <html lang dir> in step. */
export function LocaleProvider({ locale, calendar, timeZone, money, children }: Props) {
  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  const { currency, displayUnit } = money;
  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      dir,
      calendar,
      t: createTranslator(locale),
      fmt: createFormatter({ locale, calendar, timeZone }, { currency, displayUnit }),
    }),
    [locale, dir, calendar, timeZone, currency, displayUnit],
  );

  useEffect(() => {
    const html = document.documentElement;
    html.lang = locale;
    html.dir = dir;
    document.title = value.t('app.name');
  }, [locale, dir, value]);

  return <LocaleContext value={value}>{children}</LocaleContext>;
}
