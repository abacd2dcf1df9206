import type { PreloadBridge, Transport } from '../../src-shared/contract/index.ts';
import { BRIDGE_GLOBAL } from '../../src-shared/contract/envelope.ts';

/** The preload's bridge, when the renderer runs inside the desktop app. */
export const findPreloadBridge = (): PreloadBridge | null => {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return null;
  const invoke = (candidate as { invoke?: unknown }).invoke;
  return typeof invoke === 'function' ? (candidate as PreloadBridge) : null;
};

export const createElectronTransport =
  (bridge: PreloadBridge): Transport =>
  (channel, input) =>
    bridge.invoke(channel, input);
