import { createContext, useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Staff } from '../../src-shared/contract/index.ts';
import { useApi } from '../api/use-api.ts';

export type StaffValue = {
  /** Everyone, archived included, by name; empty until loaded. */
  all: readonly Staff[];
  /** Who can be picked now (not archived). */
  active: readonly Staff[];
  /** A name for any staff id the core sends (archived people keep their history). */
  nameOf: (id: string | null | undefined) => string | null;
  /** Loads the list again after a change. */
  reload: () => Promise<void>;
  /** Adopts a staff member a call returned, without waiting for the list. */
  upsert: (staff: Staff) => void;
};

export const StaffContext = createContext<StaffValue | null>(null);

/** The shop's staff, loaded once for the whole window: the picker, Today and the timelines. */
export function StaffProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [all, setAll] = useState<readonly Staff[]>([]);

  const reload = useCallback(async () => {
    try {
      setAll(await api.call('staff:list', {}));
    } catch {
      // The names are a nicety around the real work: a screen still works without them.
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const upsert = useCallback((staff: Staff) => {
    setAll((current) => {
      const others = current.filter((member) => member.id !== staff.id);
      return [...others, staff].sort((a, b) => a.name.localeCompare(b.name));
    });
  }, []);

  const value = useMemo<StaffValue>(() => {
    const byId = new Map(all.map((member) => [member.id, member]));
    return {
      all,
      active: all.filter((member) => member.archivedAt === null),
      nameOf: (id) => (id ? (byId.get(id)?.name ?? null) : null),
      reload,
      upsert,
    };
  }, [all, reload, upsert]);

  return <StaffContext value={value}>{children}</StaffContext>;
}
