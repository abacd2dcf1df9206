import type { WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';

/** Only our own page, loaded from app://bazgasht, may call the core. */
export const isTrustedSenderUrl = (url: string | undefined): boolean => {
  if (!url) return false;
  try {
    // URL.origin is 'null' for custom schemes, so compare scheme and host themselves.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & {
  session: Pick<
    WebContents['session'],
    'setPermissionRequestHandler' | 'setPermissionCheckHandler'
  >;
};

/**
 * No navigation away from the app, no new windows, no webviews and no permissions (camera,
 * notifications from the page, …): the renderer has no reason to need any of them.
 */
export const hardenWebContents = (contents: HardenableContents): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  contents.session.setPermissionCheckHandler(() => false);
};
