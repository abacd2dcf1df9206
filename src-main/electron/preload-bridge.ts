import { isKnownChannelName } from '../../src-shared/contract/channel-names.ts';
import type { Envelope, PreloadBridge } from '../../src-shared/contract/envelope.ts';
import { IPC_CALL } from './ipc.ts';

export type IpcRendererLike = {
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
};

/**
 * What the preload exposes: one function that forwards contract channels and nothing else (no raw
 * ipcRenderer, no event emitters, no Node objects).
 */
export const createPreloadBridge = (ipcRenderer: IpcRendererLike): PreloadBridge => ({
  invoke: async (channel, input) => {
    if (!isKnownChannelName(channel)) {
      return {
        ok: false,
        error: {
          code: 'unknown_channel',
          message: `Unknown channel ${String(channel)}.`,
          details: {},
        },
      };
    }
    return (await ipcRenderer.invoke(IPC_CALL, channel, input)) as Envelope<unknown>;
  },
});
