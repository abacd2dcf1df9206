import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from '../csp.ts';

/** The renderer is served from app://bazgasht/…, a privileged standard scheme, not file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bazgasht';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

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
  const relative = normalize(decodeURIComponent(parsed.pathname)).replace(/^([/\\])+/, '');
  const file = join(rootDir, relative === '' ? 'index.html' : relative);
  return file.startsWith(rootDir + sep) ? file : null;
};

export const responseHeadersFor = (file: string): Record<string, string> => ({
  ...SECURITY_HEADERS,
  'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
});
