/**
 * Stable error codes shared by the core, the bridge and the UI (which translates them).
 * A code never changes meaning once released; add new ones instead.
 */
export const ERROR_CODES = [
  'bad_input',
  'not_found',
  'conflict',
  'unknown_channel',
  'unauthorised',
  'db_missing',
  'db_not_a_database',
  'db_foreign',
  'db_corrupt',
  'db_too_new',
  'db_busy',
  'disk_full',
  'cancelled',
  'smtp_not_configured',
  'smtp_failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, unknown>;

/** An expected failure with a stable code and a one-line message that names the problem. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
