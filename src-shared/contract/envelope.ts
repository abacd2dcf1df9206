import type { ErrorCode, ErrorDetails } from './errors.ts';
import type { ChannelName, InputOf, OutputOf } from './channels.ts';

/** What every call resolves to, on every transport (Electron's invoke drops custom error fields). */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; details: ErrorDetails } };

/** The renderer's view of the core: one typed call per contract channel. */
export type Api = {
  call: <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
};

/** A transport moves an envelope; the API client on top of it unwraps or throws. */
export type Transport = (channel: ChannelName, input: unknown) => Promise<Envelope<unknown>>;

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'bazgasht';

export type PreloadBridge = { invoke: Transport };
