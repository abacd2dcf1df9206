import type { SendJob, SendResultStatus } from '../../../src-shared/contract/index.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';

/** The default pace of a send: gentle enough for a shop's mail server or a free mail account. */
export const DEFAULT_RATE_PER_MINUTE = 30;
export const MAX_RATE_PER_MINUTE = 600;

/** How often a running send is asked where it is. */
export const POLL_MS = 1_000;

/** The rate the owner typed (Persian or Latin digits), or null unless a whole number in range. */
export function parseRate(text: string): number | null {
  const digits = normaliseDigits(text).trim();
  if (!/^\d{1,4}$/.test(digits)) return null;
  const rate = Number(digits);
  return rate >= 1 && rate <= MAX_RATE_PER_MINUTE ? rate : null;
}

/** The time left as one translatable phrase; whole minutes once it is over a minute. */
export function timeLeftText(
  seconds: number | null,
): { key: MessageKey; params: Record<string, number> } | null {
  if (seconds === null || seconds < 0) return null;
  if (seconds < 60)
    return { key: 'send.progress.secondsLeft', params: { count: Math.ceil(seconds) } };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return { key: 'send.progress.minutesLeft', params: { count: minutes } };
  return {
    key: 'send.progress.hoursLeft',
    params: { hours: Math.floor(minutes / 60), minutes: minutes % 60 },
  };
}

/** How long a send will take at a rate: the first message goes at once, then one per interval. */
export function estimatedSeconds(recipients: number, ratePerMinute: number): number {
  return recipients <= 1 ? 0 : ((recipients - 1) * 60) / ratePerMinute;
}

/** Done out of total, as a whole percentage for the progress bar (never 100 before the end). */
export function progressPercent(job: Pick<SendJob, 'position' | 'total' | 'state'>): number {
  if (job.state !== 'running') return 100;
  if (job.total === 0) return 0;
  return Math.min(99, Math.floor((job.position / job.total) * 100));
}

export const isRunning = (job: Pick<SendJob, 'state'>): boolean => job.state === 'running';

/** The statuses the results table can be filtered by, in the order the owner thinks of them. */
export const RESULT_FILTERS = [
  'sent',
  'failed',
  'skipped_do_not_contact',
  'skipped_no_address',
  'cancelled',
  'pending',
] as const satisfies readonly SendResultStatus[];

export const RESULT_STATUS_TEXT: Record<SendResultStatus, MessageKey> = {
  pending: 'send.status.pending',
  sent: 'send.status.sent',
  skipped_do_not_contact: 'send.status.skippedDoNotContact',
  skipped_no_address: 'send.status.skippedNoAddress',
  failed: 'send.status.failed',
  cancelled: 'send.status.cancelled',
};

/**
 * Sends started in this window, by template: leaving the Messages screen and coming back finds
 * the send still running (or its results) instead of an empty panel.
 */
const jobsByTemplate = new Map<string, string>();

export const rememberJob = (templateId: string, jobId: string | null): void => {
  if (jobId === null) jobsByTemplate.delete(templateId);
  else jobsByTemplate.set(templateId, jobId);
};

export const rememberedJob = (templateId: string): string | null =>
  jobsByTemplate.get(templateId) ?? null;
