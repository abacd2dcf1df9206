import { SECURITY_HEADERS } from '../csp.ts';
import { contentTypeOf, rendererFileFor } from '../renderer-files.ts';

/** The renderer is served from app://bazgasht/…, a privileged standard scheme, not file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bazgasht';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Maps an app:// URL to a file inside the renderer folder, or null for anything else (another
 * host, a path escaping the folder). Pure so it is tested without Electron.
 */
export const resolveAppFile = (url: string, rootDir: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return rendererFileFor(rootDir, parsed.pathname);
};

export const responseHeadersFor = (file: string): Record<string, string> => ({
  ...SECURITY_HEADERS,
  'Content-Type': contentTypeOf(file),
});
