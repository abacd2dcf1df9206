import { extname, join, normalize, sep } from 'node:path';

/**
 * Serving the built renderer, shared by the desktop app's app:// protocol and the HTTP bridge:
 * which file a URL path names (never one outside the renderer folder) and its content type.
 */
export const rendererFileFor = (rootDir: string, pathname: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Dot segments resolve against the folder itself, never above it.
  const relative = normalize(`/${decoded}`).replace(/^([/\\])+/, '');
  const file = join(rootDir, relative === '' ? 'index.html' : relative);
  return file.startsWith(rootDir + sep) ? file : null;
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
