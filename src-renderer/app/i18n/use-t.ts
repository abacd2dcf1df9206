import { useContext } from 'react';
import { LocaleContext } from './LocaleProvider.tsx';
import type { LocaleValue } from './LocaleProvider.tsx';
import type { T } from '../../../src-shared/i18n/translate.ts';

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() needs a <LocaleProvider> above it.');
  return value;
}

export function useT(): T {
  return useLocale().t;
}
