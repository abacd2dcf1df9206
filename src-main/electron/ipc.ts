import type { Envelope } from '../../src-shared/contract/envelope.ts';
import { isTrustedSenderUrl } from './security.ts';

/** The one IPC channel; the contract channel travels as its first argument. */
export const IPC_CALL = 'bazgasht:call';

/** The part of Electron's ipcMain we use, so registration is tested without Electron. */
export type IpcMainLike = {
  handle: (
    channel: string,
    listener: (
      event: { senderFrame: { url: string } | null },
      ...args: unknown[]
    ) => Promise<unknown>,
  ) => void;
};

/** Every renderer call goes through dispatch, and only from our own page. */
export const registerIpc = (
  ipcMain: IpcMainLike,
  dispatch: (channel: unknown, input: unknown) => Promise<Envelope<unknown>>,
): void => {
  ipcMain.handle(IPC_CALL, async (event, channel, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSenderUrl(event.senderFrame?.url)) {
      return {
        ok: false,
        error: {
          code: 'unauthorised',
          message: 'Calls are accepted only from the app.',
          details: {},
        },
      };
    }
    return dispatch(channel, input);
  });
};
