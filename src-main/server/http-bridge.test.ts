import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import { RENDERER_CSP } from '../csp.ts';
import { API_PATH, createBridgeServer, listenOnLoopback } from './http-bridge.ts';

const token = 'test-token-0123456789';
const temp = makeTempDir();
let server: Server;
let base: string;
const calls: unknown[] = [];

beforeAll(async () => {
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Bazgasht</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'do not serve');
  server = createBridgeServer({
    staticDir,
    token,
    dispatch: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, data: { echoed: channel } };
    },
  });
  base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
});
afterAll(() => {
  server.close();
  temp.remove();
});

const call = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${API_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });

describe('HTTP bridge', () => {
  it('listens on the loopback address only', () => {
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('passes an authorised call to dispatch and returns its envelope', async () => {
    const response = await call({ channel: 'settings:get', input: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: { echoed: 'settings:get' } });
    expect(calls.at(-1)).toEqual(['settings:get', {}]);
  });

  it.each([
    ['no token', { authorization: '' }],
    ['a wrong token', { authorization: 'Bearer test-token-0123456780' }],
    ['a token of another length', { authorization: 'Bearer x' }],
  ])('refuses a call with %s', async (_name, headers) => {
    const before = calls.length;
    const response = await call({ channel: 'settings:get', input: {} }, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(calls.length).toBe(before);
  });

  it('refuses cross-origin calls, wrong hosts, non-JSON and GET on the API', async () => {
    expect((await call({ channel: 'x' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call({ channel: 'x' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${base}${API_PATH}`)).status).toBe(405);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${base}/`, { headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with the strict CSP and nothing outside it', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('Bazgasht');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await fetch(`${base}/../secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`)).status).toBe(404);
  });

  it('keeps the CSP free of inline scripts, eval and remote origins', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('malformed requests', () => {
  it('answers a malformed percent-encoding with 404, not a crash', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});
