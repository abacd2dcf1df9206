import { useContext } from 'react';
import { SettingsContext } from './SettingsProvider.tsx';
import type { SettingsValue } from './SettingsProvider.tsx';

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return value;
}
