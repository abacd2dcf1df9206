import type { Transport } from '../../src-shared/contract/index.ts';
import { createElectronTransport, findPreloadBridge } from './transport-electron.ts';
import { createHttpTransport, takeTokenFromLocation } from './transport-http.ts';

/** The desktop app's preload bridge when present; otherwise the loopback HTTP bridge. */
export const selectTransport = (): Transport => {
  const bridge = findPreloadBridge();
  if (bridge) return createElectronTransport(bridge);
  return createHttpTransport({ token: takeTokenFromLocation() });
};
