import type { Envelope, Transport } from '../../src-shared/contract/index.ts';

const TOKEN_STORAGE_KEY = 'bazgasht.token';

/**
 * The bridge prints `http://127.0.0.1:PORT/#token=…`. The token is moved from the address into
 * sessionStorage (so a reload keeps working) and removed from the address bar, so it does not
 * end up in the history, a bookmark or a screenshot.
 */
export const takeTokenFromLocation = (
  location: Location = window.location,
  history: History = window.history,
  storage: Storage = window.sessionStorage,
): string | null => {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
    return fromHash;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
};

export const createHttpTransport =
  (options: { token: string | null; endpoint?: string }): Transport =>
  async (channel, input) => {
    const response = await fetch(options.endpoint ?? '/api/call', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ channel, input }),
    });
    // The bridge answers errors (401 included) with an envelope; anything else is a broken reply.
    const body: unknown = await response.json().catch(() => null);
    if (body === null) {
      return {
        ok: false,
        error: {
          code: response.status === 401 ? 'unauthorised' : 'internal',
          message: `HTTP ${response.status}`,
          details: { status: response.status },
        },
      } satisfies Envelope<never>;
    }
    return body as Envelope<unknown>;
  };
