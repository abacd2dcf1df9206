import { useCallback, useEffect, useState } from 'react';
import type { ImportPreset } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';

export type Presets = {
  presets: readonly ImportPreset[];
  /** Asks the core again (after a save). */
  reload: () => Promise<void>;
  /** Adopts a list the core returned (after a delete). */
  replace: (presets: ImportPreset[]) => void;
};

/**
 * The built-in and saved presets, loaded once for the screen so each file's preview shows the
 * picker complete at once.
 */
export function usePresets(): Presets {
  const api = useApi();
  const [presets, setPresets] = useState<readonly ImportPreset[]>([]);
  const reload = useCallback(async () => {
    try {
      setPresets(await api.call('import:presets', {}));
    } catch {
      // Presets are a convenience: without them the columns still map by their names.
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { presets, reload, replace: setPresets };
}
