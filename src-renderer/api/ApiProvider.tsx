import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { Api } from '../../src-shared/contract/index.ts';

export const ApiContext = createContext<Api | null>(null);

/** Gives components the core's API; tests pass a fake. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}
