import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/contract/channels.ts';
import { RENDERER_CSP } from '../csp.ts';
import { APP_ENTRY_URL, resolveAppFile, responseHeadersFor } from './app-protocol.ts';
import { IPC_CALL, registerIpc } from './ipc.ts';
import type { IpcMainLike } from './ipc.ts';
import { createPreloadBridge } from './preload-bridge.ts';
import { hardenWebContents, isTrustedSenderUrl } from './security.ts';
import { createWindowOptions } from './window-options.ts';

// The Electron binary cannot run on CI machines, so every decision the shell makes lives in these
// plain modules and is tested here; main.ts only wires them together.

describe('window options', () => {
  it('isolate the renderer: context isolation, sandbox, no Node, web security on', () => {
    const { webPreferences } = createWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('app:// protocol', () => {
  const root = '/opt/bazgasht/renderer';
  it('maps app URLs into the renderer folder only', () => {
    expect(resolveAppFile(APP_ENTRY_URL, root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://bazgasht/assets/a.js', root)).toBe(`${root}/assets/a.js`);
    expect(resolveAppFile('app://bazgasht/', root)).toBe(`${root}/index.html`);
    // Dot segments are resolved against the root, never above it.
    expect(resolveAppFile('app://bazgasht/%2e%2e/%2e%2e/etc/passwd', root)).toBe(
      `${root}/etc/passwd`,
    );
    expect(resolveAppFile('app://bazgasht/a/..%2f..%2f..%2fx', root)).toBe(`${root}/x`);
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull();
  });
  it('answers with the strict CSP', () => {
    expect(responseHeadersFor(`${root}/index.html`)).toMatchObject({
      'Content-Security-Policy': RENDERER_CSP,
      'Content-Type': 'text/html; charset=utf-8',
    });
  });
});

describe('web contents hardening', () => {
  const fakeContents = () => {
    const listeners = new Map<
      string,
      (event: { preventDefault: () => void }, url?: string) => void
    >();
    let openHandler: (() => { action: string }) | undefined;
    let permissionHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const contents = {
      on: (
        name: string,
        listener: (event: { preventDefault: () => void }, url?: string) => void,
      ) => {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler: (handler: () => { action: string }) => {
        openHandler = handler;
      },
      session: {
        setPermissionRequestHandler: (handler: typeof permissionHandler) => {
          permissionHandler = handler;
        },
        setPermissionCheckHandler: (handler: typeof checkHandler) => {
          checkHandler = handler;
        },
      },
    };
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0]);
    const fire = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return {
      fire,
      openHandler: () => openHandler?.(),
      permissionHandler: () => permissionHandler,
      checkHandler: () => checkHandler?.(),
    };
  };

  it('blocks navigation away from the app and webviews, allows in-app navigation', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(fire('will-navigate', 'app://bazgasht/index.html#/customers')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies new windows and every permission', () => {
    const { openHandler, permissionHandler, checkHandler } = fakeContents();
    expect(openHandler()).toEqual({ action: 'deny' });
    const answer = vi.fn();
    permissionHandler()?.(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(checkHandler()).toBe(false);
  });
});

describe('IPC', () => {
  const setup = () => {
    let registered: Parameters<IpcMainLike['handle']>[1] | undefined;
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        expect(channel).toBe(IPC_CALL);
        registered = listener;
      },
    };
    const dispatch = vi.fn(async (channel: unknown) => ({ ok: true as const, data: channel }));
    registerIpc(ipcMain, dispatch);
    return {
      invoke: (url: string | null, ...args: unknown[]) =>
        registered!({ senderFrame: url === null ? null : { url } }, ...args),
      dispatch,
    };
  };

  it('dispatches calls from the app page', async () => {
    const { invoke, dispatch } = setup();
    expect(await invoke('app://bazgasht/index.html', 'settings:get', {})).toEqual({
      ok: true,
      data: 'settings:get',
    });
    expect(dispatch).toHaveBeenCalledWith('settings:get', {});
  });

  it('refuses calls from any other sender', async () => {
    const { invoke, dispatch } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/', '', null]) {
      expect(await invoke(url, 'settings:get', {})).toMatchObject({
        ok: false,
        error: { code: 'unauthorised' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('trusts only the app origin', () => {
    expect(isTrustedSenderUrl('app://bazgasht/x')).toBe(true);
    expect(isTrustedSenderUrl('app://bazgasht.evil/x')).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });
});

describe('preload bridge', () => {
  it('forwards only contract channels over the one IPC channel', async () => {
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, data: 1 })) };
    const bridge = createPreloadBridge(ipcRenderer);
    expect(Object.keys(bridge)).toEqual(['invoke']);
    for (const channel of CHANNEL_NAMES) {
      await bridge.invoke(channel, {});
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CALL, channel, {});
    }
    const calls = ipcRenderer.invoke.mock.calls.length;
    expect(await bridge.invoke('shell:exec' as never, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(ipcRenderer.invoke.mock.calls.length).toBe(calls);
  });
});
