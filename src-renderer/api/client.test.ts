import { describe, expect, it } from 'vitest';
import type { Transport } from '../../src-shared/contract/index.ts';
import { ApiError, createApi } from './client.ts';

describe('createApi', () => {
  it('unwraps the data of an ok envelope', async () => {
    const transport: Transport = async () => ({ ok: true, data: ['vip'] });
    await expect(createApi(transport).call('customers:tags', {})).resolves.toEqual(['vip']);
  });

  it('throws an ApiError with the code and details of an error envelope', async () => {
    const transport: Transport = async () => ({
      ok: false,
      error: { code: 'bad_input', message: 'nope', details: { field: 'email' } },
    });
    const error = await createApi(transport)
      .call('customers:update', { id: 'x', patch: { email: 'nope' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'bad_input', details: { field: 'email' } });
  });

  it('turns a broken transport into an internal ApiError', async () => {
    const transport: Transport = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(createApi(transport).call('app:info', {})).rejects.toMatchObject({
      code: 'internal',
      details: { transport: true },
    });
  });
});
