import { timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Envelope } from '../../src-shared/contract/envelope.ts';
import type { ErrorCode } from '../../src-shared/contract/errors.ts';
import { SECURITY_HEADERS } from '../csp.ts';
import { contentTypeOf, rendererFileFor } from '../renderer-files.ts';

export type BridgeOptions = {
  /** Validates, runs and wraps one call (the core's dispatch). */
  dispatch: (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;
  /** The built renderer (vite build output). */
  staticDir: string;
  /** The per-run secret every API call must carry as `Authorization: Bearer <token>`. */
  token: string;
};

const MAX_BODY_BYTES = 1024 * 1024;
export const API_PATH = '/api/call';

/**
 * The loopback HTTP bridge: the built renderer plus one POST endpoint over the same dispatch the
 * desktop app uses. It must be listened on 127.0.0.1 only (see listenOnLoopback); requests whose
 * Host is not our loopback address are refused (DNS rebinding), and API calls need the token.
 */
export const createBridgeServer = (options: BridgeOptions): Server => {
  const expectedToken = Buffer.from(options.token, 'utf8');
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, internalError);
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const port = (server.address() as { port?: number } | null)?.port;
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(response, 421, refusal('unauthorised', 'Wrong host.'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === API_PATH) {
      await handleApi(request, response, host);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, refusal('bad_input', 'Method not allowed.'));
      return;
    }
    serveStatic(url.pathname, response);
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, host: string) => {
    if (request.method !== 'POST') {
      sendJson(response, 405, refusal('bad_input', 'Use POST.'));
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      sendJson(response, 403, refusal('unauthorised', 'Cross-origin calls are refused.'));
      return;
    }
    if (!hasToken(request.headers.authorization, expectedToken)) {
      sendJson(response, 401, refusal('unauthorised', 'Missing or wrong access token.'));
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, refusal('bad_input', 'Expected application/json.'));
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      sendJson(response, 413, refusal('bad_input', 'Request too large.'));
      return;
    }
    let call: { channel?: unknown; input?: unknown };
    try {
      call = JSON.parse(body) as { channel?: unknown; input?: unknown };
    } catch {
      sendJson(response, 400, refusal('bad_input', 'The request body is not JSON.'));
      return;
    }
    sendJson(response, 200, await options.dispatch(call?.channel, call?.input));
  };

  const serveStatic = (pathname: string, response: ServerResponse) => {
    const file = rendererFileFor(options.staticDir, pathname);
    if (file === null || !isFile(file)) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const isHtml = file.endsWith('.html');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(response);
  };

  return server;
};

/** Listens on 127.0.0.1 only; port 0 picks a free port. Resolves with the port in use. */
export const listenOnLoopback = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });

const hasToken = (header: string | undefined, expected: Buffer): boolean => {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const readBody = async (request: IncomingMessage): Promise<string | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const refusal = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message, details: {} },
});

const internalError = refusal('internal', 'Internal error.');

const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
};
