import { createContext, useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppInfo, InputOf, Settings } from '../../src-shared/contract/index.ts';
import { useApi } from '../api/use-api.ts';

export type SettingsValue = {
  settings: Settings;
  info: AppInfo;
  /** Saves the given fields through the core and adopts the settings it returns. */
  update: (patch: InputOf<'settings:update'>) => Promise<Settings>;
  /** Adopts settings another call returned (demo:create, demo:clear). */
  replace: (settings: Settings) => void;
};

export const SettingsContext = createContext<SettingsValue | null>(null);

type Props = { initial: Settings; info: AppInfo; children: ReactNode };

export function SettingsProvider({ initial, info, children }: Props) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const update = useCallback(
    async (patch: InputOf<'settings:update'>) => {
      const next = await api.call('settings:update', patch);
      setSettings(next);
      return next;
    },
    [api],
  );
  const value = useMemo<SettingsValue>(
    () => ({ settings, info, update, replace: setSettings }),
    [settings, info, update],
  );
  return <SettingsContext value={value}>{children}</SettingsContext>;
}
