import type { Api, ChannelName, Envelope, Transport } from '../../src-shared/contract/index.ts';
import type { ErrorCode, ErrorDetails } from '../../src-shared/contract/errors.ts';
import { ERROR_CODES } from '../../src-shared/contract/errors.ts';

/** A failed call as the UI sees it: a stable code to translate, plus the core's details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly channel: ChannelName;

  constructor(channel: ChannelName, code: ErrorCode, message: string, details: ErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.channel = channel;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

const isEnvelope = (value: unknown): value is Envelope<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Wraps a transport into the typed API: resolves with the data of an ok envelope, throws an
 * ApiError for an error envelope, and turns a broken transport (network, malformed reply) into
 * an ApiError too, so callers handle exactly one kind of failure.
 */
export const createApi = (transport: Transport): Api => ({
  call: async (channel, input) => {
    let envelope: unknown;
    try {
      envelope = await transport(channel, input);
    } catch (error) {
      throw new ApiError(channel, 'internal', String(error), { transport: true });
    }
    if (!isEnvelope(envelope)) {
      throw new ApiError(channel, 'internal', 'The core sent a reply the app cannot read.', {});
    }
    if (envelope.ok) return envelope.data as never;
    const { code, message, details } = envelope.error;
    throw new ApiError(
      channel,
      isErrorCode(code) ? code : 'internal',
      typeof message === 'string' ? message : '',
      typeof details === 'object' && details !== null ? details : {},
    );
  },
});
