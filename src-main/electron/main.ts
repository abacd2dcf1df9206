import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Notification, app, dialog, ipcMain, protocol, safeStorage } from 'electron';
import { isAppError } from '../../src-shared/contract/errors.ts';
import { startCore } from '../core/core.ts';
import type { Core } from '../core/core.ts';
import { sealedPasswordSlot } from '../core/messages/smtp-settings.ts';
import { DATABASE_FILE } from '../core/paths.ts';
import { APP_ENTRY_URL, APP_SCHEME, resolveAppFile, responseHeadersFor } from './app-protocol.ts';
import { registerIpc } from './ipc.ts';
import { createCoreReminder } from './reminder.ts';
import { createSafeStorageSecretStore } from './safe-storage-secrets.ts';
import type { Reminder } from './reminder.ts';
import { hardenWebContents } from './security.ts';
import { createWindowOptions } from './window-options.ts';

// The shell only wires things together; everything it decides is in tested modules beside it.
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | undefined;
let window: BrowserWindow | undefined;
let reminder: Reminder | undefined;

const createWindow = async () => {
  window = new BrowserWindow(createWindowOptions(join(here, 'preload.cjs')));
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(APP_ENTRY_URL);
};

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the first window forward: two writers on one shop are refused.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    reminder?.stop();
    void core?.close();
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(request.url, rendererDir);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        return new Response(await readFile(file), { headers: responseHeadersFor(file) });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });
    const databasePath = join(app.getPath('userData'), DATABASE_FILE);
    const systemLocale = app.getLocale().startsWith('fa') ? 'fa' : 'en';
    try {
      core = startCore({
        databasePath,
        host: 'desktop',
        create: true,
        systemLocale,
        onUnexpected: (error, channel) => console.error(`[${channel}]`, error),
        // The SMTP password, sealed by the operating system (ready: safeStorage needs the app).
        secrets: (context) =>
          createSafeStorageSecretStore(safeStorage, sealedPasswordSlot(context)),
      });
    } catch (error) {
      // A refused database (damaged, newer version, not ours) is left as it is and explained.
      dialog.showErrorBox('Bazgasht', isAppError(error) ? error.message : String(error));
      app.exit(2);
      return;
    }
    registerIpc(ipcMain, core.dispatch);
    const shown = createWindow();
    // While the renderer process loads, prepare what the customer book asks for first.
    await core.warmUp();
    await shown;
    // The day's follow-ups at the owner's chosen time; a click brings the window (Today) forward.
    reminder = createCoreReminder({
      handlers: core.handlers,
      systemLocale,
      now: () => new Date(),
      onError: (error) => console.error('[reminder]', error),
      notify: ({ title, body }) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body });
        notification.on('click', () => {
          if (window?.isMinimized()) window.restore();
          window?.show();
          window?.focus();
        });
        notification.show();
      },
    });
    await reminder.start();
  });
}
