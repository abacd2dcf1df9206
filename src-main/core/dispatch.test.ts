import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src-shared/contract/channels.ts';
import { AppError } from '../../src-shared/contract/errors.ts';
import { makeTestContext } from '../../tests/fixtures/core.ts';
import { LATEST_SCHEMA_VERSION } from '../db/open.ts';
import { createDispatch } from './dispatch.ts';
import type { Dispatch } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import type { Handlers } from './handlers.ts';
import { createImportService } from './imports/imports.service.ts';

let dispatch: Dispatch;
let handlers: Handlers;
let remove: () => Promise<void>;
const onUnexpected = vi.fn();

beforeEach(() => {
  const test = makeTestContext();
  const imports = createImportService(test.ctx, 'test');
  remove = async () => {
    await imports.close();
    await test.remove();
  };
  handlers = createHandlers(
    test.ctx,
    { version: '9.9.9', host: 'browser', systemLocale: 'fa' },
    imports,
  );
  dispatch = createDispatch(handlers, { databasePath: '/tmp/shop.db', onUnexpected });
  onUnexpected.mockReset();
});
afterEach(() => remove());

describe('dispatch', () => {
  it('has a handler for every channel in the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses a channel that is not in the contract', async () => {
    for (const channel of ['fs:read', '__proto__', 'toString', 42, undefined]) {
      expect(await dispatch(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('validates input against the schema and names the field', async () => {
    expect(await dispatch('customers:create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: { field: 'name' } },
    });
    expect(await dispatch('customers:list', { limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: { field: 'limit' } },
    });
    expect(await dispatch('customers:list', { unexpected: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(
      await dispatch('customers:update', { id: 'x', patch: { birthday: '2025-02-30' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: { field: 'birthday' } },
    });
  });

  it('wraps results and expected errors in the envelope', async () => {
    const created = await dispatch('customers:create', { name: 'Leila', phone: '09351234567' });
    expect(created).toMatchObject({ ok: true, data: { name: 'Leila', phone: '+989351234567' } });
    expect(await dispatch('customers:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch('app:info', {})).toMatchObject({
      ok: true,
      data: {
        version: '9.9.9',
        systemLocale: 'fa',
        host: 'browser',
        schemaVersion: LATEST_SCHEMA_VERSION,
      },
    });
  });

  it('hides unexpected errors behind a generic message and reports them', async () => {
    const broken = createDispatch(
      { ...handlers, 'settings:get': () => Promise.reject(new TypeError('secret stack detail')) },
      { databasePath: '/tmp/shop.db', onUnexpected },
    );
    const result = await broken('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(onUnexpected).toHaveBeenCalledOnce();
  });

  it('maps SQLite damage and lock errors to their codes', async () => {
    const failing = (code: string) =>
      createDispatch(
        {
          ...handlers,
          'settings:get': () => Promise.reject(Object.assign(new Error('x'), { code })),
        },
        { databasePath: '/tmp/shop.db' },
      )('settings:get', {});
    expect(await failing('SQLITE_CORRUPT')).toMatchObject({ error: { code: 'db_corrupt' } });
    expect(await failing('SQLITE_BUSY')).toMatchObject({ error: { code: 'db_busy' } });
    const passthrough = createDispatch(
      { ...handlers, 'settings:get': () => Promise.reject(new AppError('conflict', 'no')) },
      { databasePath: '/tmp/shop.db' },
    );
    expect(await passthrough('settings:get', {})).toMatchObject({
      error: { code: 'conflict', message: 'no' },
    });
  });

  it('saves and validates settings', async () => {
    expect(
      await dispatch('settings:update', { shopName: 'Gol', currency: 'GBP', calendar: 'gregory' }),
    ).toMatchObject({
      ok: true,
      data: { shopName: 'Gol', currency: 'GBP', calendar: 'gregory', timeZone: 'Asia/Tehran' },
    });
    expect(await dispatch('settings:update', { currency: 'ABC' })).toMatchObject({
      error: { code: 'bad_input', details: { field: 'currency' } },
    });
    expect(await dispatch('settings:update', { timeZone: 'Mars/Olympus' })).toMatchObject({
      error: { code: 'bad_input', details: { field: 'timeZone' } },
    });
    expect(await dispatch('settings:update', { isDemo: true })).toMatchObject({
      error: { code: 'bad_input' },
    });
  });
});
