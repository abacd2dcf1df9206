import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import { isApiError } from '../../api/client.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';

export type FieldError = { field: string; reason: string };

// Reasons the core (and the client-side checks) give for a rejected field, and zod's issue codes.
const REASONS: Readonly<Record<string, MessageKey>> = {
  required: 'validation.required',
  too_small: 'validation.required',
  too_big: 'validation.tooLong',
  invalid_email: 'validation.email',
  invalid_phone: 'validation.phone',
  invalid_date: 'validation.date',
  'invalid-date': 'validation.date',
  format: 'validation.dateFormat',
  invalid_format: 'validation.format',
  invalid_time_zone: 'validation.timeZone',
  invalid_currency: 'validation.currency',
  staff_archived: 'staff.error.archived',
  unknown_staff: 'staff.error.archived',
  past: 'today.day.past',
  not_future: 'today.day.notFuture',
};

export function reasonText(t: T, reason: string): string {
  return t(REASONS[reason] ?? 'validation.invalid');
}

/** The field and reason of a `bad_input` failure, when the core named one. */
export function fieldErrorOf(error: unknown): FieldError | null {
  if (!isApiError(error) || error.code !== 'bad_input') return null;
  const { field, reason } = error.details;
  if (typeof field !== 'string') return null;
  return { field, reason: typeof reason === 'string' ? reason : 'invalid' };
}

/** One translated sentence for any failure: each stable error code has its own message. */
export function errorText(t: T, error: unknown): string {
  if (!isApiError(error)) return t('error.internal');
  if (error.details['transport'] === true) return t('error.offline');
  if (error.code === 'conflict') {
    const reason = error.details['reason'];
    if (reason === 'merged') return t('error.conflict.merged');
    if (reason === 'not_empty') return t('error.conflict.notEmpty');
    if (reason === 'not_demo') return t('error.conflict.notDemo');
    if (reason === 'import_running') return t('import.error.import_running');
    if (reason === 'already_undone') return t('import.error.already_undone');
    if (reason === 'task_closed') return t('today.error.taskClosed');
    if (reason === 'duplicate_name') return t('staff.error.duplicateName');
    if (reason === 'staff_archived') return t('staff.error.archived');
  }
  const field = fieldErrorOf(error);
  if (field) return `${t('error.bad_input')} ${reasonText(t, field.reason)}`;
  return t(`error.${error.code}`);
}
