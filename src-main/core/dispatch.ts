import type { z } from 'zod';
import { contract, isChannelName } from '../../src-shared/contract/channels.ts';
import type { Envelope } from '../../src-shared/contract/envelope.ts';
import { AppError } from '../../src-shared/contract/errors.ts';
import { toDatabaseError } from '../db/open.ts';
import type { Handlers } from './handlers.ts';

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry for every transport: checks the channel is in the contract, validates the input
 * against its schema, runs the handler and wraps the outcome in the ok/error envelope. Unexpected
 * errors are reported through `onUnexpected` and never leak stack traces to the caller.
 */
export const createDispatch = (
  handlers: Handlers,
  options: { databasePath: string; onUnexpected?: (error: unknown, channel: string) => void },
): Dispatch => {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return failure(
        new AppError('unknown_channel', `Unknown channel ${JSON.stringify(channel)}.`),
      );
    }
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) return failure(fromZod(parsed.error));
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      if (isSqliteError(error)) {
        const mapped = toDatabaseError(error, options.databasePath);
        if (mapped.code !== 'internal') return failure(mapped);
      }
      options.onUnexpected?.(error, channel);
      return failure(new AppError('internal', 'Something went wrong; the details are in the log.'));
    }
  };
};

const failure = (error: AppError): Envelope<never> => ({
  ok: false,
  error: { code: error.code, message: error.message, details: error.details },
});

const fromZod = (error: z.ZodError): AppError => {
  const [first] = error.issues;
  const path = first?.path ?? [];
  const field = path.filter((part) => typeof part === 'string').at(-1);
  return new AppError(
    'bad_input',
    first ? `${path.join('.') || 'input'}: ${first.message}` : 'Invalid input.',
    {
      ...(field !== undefined && { field }),
      reason: first?.code ?? 'invalid',
      issues: error.issues.map((issue) => ({
        path: issue.path.map(String),
        message: issue.message,
      })),
    },
  );
};

const isSqliteError = (error: unknown): boolean =>
  typeof (error as { code?: unknown })?.code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_');
