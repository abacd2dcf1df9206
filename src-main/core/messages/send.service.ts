import { setTimeout as delay } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import type { z } from 'zod';
import { AppError, isAppError } from '../../../src-shared/contract/errors.ts';
import type {
  messagesAudience,
  messagesResults,
  messagesSend,
  smtpTest,
} from '../../../src-shared/contract/schemas.ts';
import type {
  AudienceSummary,
  MessageTemplate,
  Page,
  SendJob,
  SendResult,
  SmtpSettings,
} from '../../../src-shared/contract/types.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
import { resolveAudience, summariseAudience } from './audience.ts';
import type { Recipient } from './audience.ts';
import { composeEmail, createEmailComposer, mailOptionsOf } from './email-message.ts';
import type { MailParty } from './email-message.ts';
import { logMessages } from './message-log.ts';
import type { SecretStore } from './secret-store.ts';
import {
  DEFAULT_SMTP_TIMEOUTS,
  getSmtpSettings,
  isEmailAddress,
  requireSmtp,
  saveSmtpSettings,
  transportOptionsOf,
} from './smtp-settings.ts';
import type { SmtpAccess, SmtpSaveInput, SmtpTimeouts } from './smtp-settings.ts';
import { getTemplate } from './templates.service.ts';

/**
 * Email over the shop's SMTP server (DESIGN.md §6): its settings and test email, and sends to an
 * audience in the background — one connection, a rate limit, progress, cancel, and a result per
 * recipient. Nothing is marked sent unless the server accepted it: each accepted message is
 * logged on the customer's timeline at once, and when the connection drops the message in flight
 * and every one after it are failed, never sent.
 */

export type EmailService = {
  smtpGet: () => SmtpSettings;
  smtpSave: (input: SmtpSaveInput) => SmtpSettings;
  smtpTest: (input: z.output<typeof smtpTest>) => Promise<{ accepted: string[]; response: string }>;
  send: (input: z.output<typeof messagesSend>) => Promise<SendJob>;
  job: (jobId: string) => SendJob;
  /** Stops a send before its next message (the one with the server finishes). */
  cancel: (jobId: string) => SendJob;
  results: (input: z.output<typeof messagesResults>) => Page<SendResult>;
  /** The job once it has ended (the CLI waits on it rather than polling). */
  settled: (jobId: string) => Promise<SendJob>;
  /** Cancels a running send and waits for it to close its connection. */
  close: () => Promise<void>;
};

export type EmailServiceOptions = {
  secrets: SecretStore;
  /** The language of the test email when the shop follows the operating system's. */
  systemLocale: Locale;
  timeouts?: SmtpTimeouts;
  /** Waits between messages; resolves early when the signal aborts (cancel). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A clock for spacing messages, in ms; tests pass one that only the fake sleep moves. */
  monotonicMs?: () => number;
};

export const DEFAULT_RATE_PER_MINUTE = 60;

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  delay(ms, undefined, { signal }).catch(() => undefined);

/** How a template's channel reaches an audience: who can be sent to, who is skipped and why. */
export const audienceSummary = async (
  ctx: CoreContext,
  input: z.output<typeof messagesAudience>,
): Promise<AudienceSummary> => {
  const template = await getTemplate(ctx, input.templateId);
  return summariseAudience(await resolveAudience(ctx, input.audience, template.channel));
};

/** An email template, or bad_input: an SMS template cannot be emailed. */
export const requireEmailTemplate = async (
  ctx: CoreContext,
  templateId: string,
): Promise<MessageTemplate> => {
  const template = await getTemplate(ctx, templateId);
  if (template.channel !== 'email') {
    throw new AppError('bad_input', `“${template.name}” is an SMS template, not an email.`, {
      field: 'templateId',
      reason: 'not_email',
    });
  }
  return template;
};

/** The recipients who can be emailed, or bad_input when there is no one. */
export const requireReachable = (recipients: readonly Recipient[]): void => {
  if (!recipients.some((recipient) => recipient.skip === null)) {
    throw new AppError('bad_input', 'No one in this audience can be emailed.', {
      field: 'audience',
      reason: 'no_recipients',
    });
  }
};

/** Who the shop's emails come from: the saved sender, named as saved or by the shop. */
export const senderOf = (
  config: { fromAddress: string; fromName: string },
  shopName: string,
): MailParty | null =>
  config.fromAddress === ''
    ? null
    : { name: config.fromName || shopName.trim(), address: config.fromAddress };

type MailError = { code?: unknown; responseCode?: unknown; response?: unknown };

/** The server's reply when there is one (e.g. "550 5.1.1 No such user"), else the error. */
export const reasonOf = (error: unknown): string => {
  const { response } = (error ?? {}) as MailError;
  if (typeof response === 'string' && response.trim() !== '') return response.trim();
  return error instanceof Error ? error.message : String(error);
};

/**
 * A refusal of this one message (its recipient or its content) on a connection that stays up,
 * as opposed to the connection failing (refused, dropped, timed out, login refused), after which
 * nothing more is tried. 421 is the server closing the session.
 */
export const isMessageRefusal = (error: unknown): boolean => {
  const { code, responseCode } = (error ?? {}) as MailError;
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && responseCode !== 421;
};

const smtpFailure = (error: unknown): AppError => {
  const { responseCode } = (error ?? {}) as MailError;
  const reason = reasonOf(error);
  return new AppError('smtp_failed', reason, {
    reason,
    ...(typeof responseCode === 'number' && { responseCode }),
  });
};

const isAccepted = (accepted: readonly unknown[], address: string): boolean =>
  accepted.some(
    (entry) => typeof entry === 'string' && entry.toLowerCase() === address.toLowerCase(),
  );

type SendState = {
  job: Omit<SendJob, 'position' | 'sent' | 'skipped' | 'failed' | 'secondsLeft'>;
  results: SendResult[];
  intervalMs: number;
  cancelRequested: boolean;
  abort: AbortController;
  done: Promise<void>;
};

const SKIP_STATUS = {
  do_not_contact: 'skipped_do_not_contact',
  no_address: 'skipped_no_address',
} as const;

export const createEmailService = (
  ctx: CoreContext,
  options: EmailServiceOptions,
): EmailService => {
  const { secrets } = options;
  const timeouts = options.timeouts ?? DEFAULT_SMTP_TIMEOUTS;
  const sleep = options.sleep ?? abortableSleep;
  const clock = options.monotonicMs ?? (() => performance.now());
  const jobs = new Map<string, SendState>();

  const openTransport = (access: SmtpAccess) =>
    nodemailer.createTransport(transportOptionsOf(access, timeouts));

  const view = (state: SendState): SendJob => {
    let sent = 0;
    let skipped = 0;
    let failed = 0;
    let pending = 0;
    for (const { status } of state.results) {
      if (status === 'sent') sent += 1;
      else if (status === 'failed') failed += 1;
      else if (status === 'pending') pending += 1;
      else if (status !== 'cancelled') skipped += 1;
    }
    const cancelled = state.results.length - sent - skipped - failed - pending;
    return {
      ...state.job,
      position: state.results.length - pending - cancelled,
      sent,
      skipped,
      failed,
      secondsLeft:
        state.job.state === 'running' ? Math.ceil((pending * state.intervalMs) / 1000) : null,
    };
  };

  const stateOf = (jobId: string): SendState => {
    const state = jobs.get(jobId);
    if (!state) throw new AppError('not_found', `No send ${jobId}.`, { id: jobId });
    return state;
  };

  /** Sends to each pending recipient in turn, spaced by the rate; see the file comment. */
  const run = async (
    state: SendState,
    template: MessageTemplate,
    access: SmtpAccess,
    sender: MailParty,
  ): Promise<void> => {
    const transport = openTransport(access);
    const compose = await createEmailComposer(ctx, template);
    let nextAt = -Infinity;
    const markPending = (status: 'failed' | 'cancelled', reason: string | null) => {
      for (const result of state.results) {
        if (result.status === 'pending') Object.assign(result, { status, reason });
      }
    };
    try {
      for (const result of state.results) {
        if (result.status !== 'pending' || result.address === null) continue;
        const wait = nextAt - clock();
        if (!state.cancelRequested && wait > 0) await sleep(wait, state.abort.signal);
        if (state.cancelRequested) break;
        nextAt = Math.max(clock(), nextAt) + state.intervalMs;
        const email = compose(result.customerId);
        const to = { name: result.name, address: result.address };
        let accepted: readonly unknown[];
        let response: string;
        try {
          ({ accepted, response } = await transport.sendMail(
            mailOptionsOf(email, { from: sender, to }),
          ));
        } catch (error) {
          Object.assign(result, { status: 'failed', reason: reasonOf(error) });
          if (isMessageRefusal(error)) continue;
          throw smtpFailure(error);
        }
        if (!isAccepted(accepted, to.address)) {
          Object.assign(result, { status: 'failed', reason: response || null });
          continue;
        }
        result.status = 'sent';
        logMessages(ctx, state.job.id, [
          {
            customerId: result.customerId,
            channel: 'email',
            delivery: 'smtp',
            templateId: template.id,
            address: to.address,
            subject: email.subject,
            body: email.body,
          },
        ]);
      }
      // A cancel that came after the last message leaves nothing undone: the send is done.
      if (state.cancelRequested && state.results.some((result) => result.status === 'pending')) {
        markPending('cancelled', null);
        state.job = { ...state.job, state: 'cancelled' };
      } else {
        state.job = { ...state.job, state: 'done' };
      }
    } catch (caught) {
      const error = isAppError(caught) ? caught : null;
      if (!error) console.error('[send]', caught);
      const message = error?.message ?? 'The send stopped; the details are in the log.';
      // Not one of them reached the server after the failure: they stay unsent.
      markPending('failed', message);
      state.job = {
        ...state.job,
        state: 'failed',
        error: { code: error?.code ?? 'internal', message },
      };
    } finally {
      transport.close();
      state.job = { ...state.job, finishedAt: nowIso(ctx) };
    }
  };

  return {
    smtpGet: () => getSmtpSettings(ctx, secrets),
    smtpSave: (input) => saveSmtpSettings(ctx, secrets, input),

    smtpTest: async ({ to }) => {
      if (!isEmailAddress(to)) {
        throw new AppError('bad_input', `${to} is not an email address.`, {
          field: 'to',
          reason: 'invalid_email',
        });
      }
      const access = requireSmtp(ctx, secrets);
      const settings = await getSettings(ctx);
      const locale = settings.locale ?? options.systemLocale;
      const t = createTranslator(locale);
      const app = t('app.name');
      const email = composeEmail({
        locale,
        subject: t('email.test.subject', { app }),
        body: t('email.test.body', {
          app,
          shop: settings.shopName.trim() || app,
          host: access.config.host,
        }),
      });
      const transport = openTransport(access);
      try {
        const info = await transport.sendMail(
          mailOptionsOf(email, {
            from: senderOf(access.config, settings.shopName),
            to: { name: '', address: to },
          }),
        );
        const accepted = info.accepted.filter(
          (entry): entry is string => typeof entry === 'string',
        );
        if (!isAccepted(accepted, to)) throw smtpFailure({ response: info.response });
        return { accepted, response: info.response };
      } catch (error) {
        throw isAppError(error) ? error : smtpFailure(error);
      } finally {
        transport.close();
      }
    },

    send: async (input) => {
      if ([...jobs.values()].some((state) => state.job.state === 'running')) {
        throw new AppError('conflict', 'Another send is running; wait for it or cancel it.', {
          reason: 'send_running',
        });
      }
      const template = await requireEmailTemplate(ctx, input.templateId);
      const access = requireSmtp(ctx, secrets);
      const recipients = await resolveAudience(ctx, input.audience, 'email');
      requireReachable(recipients);
      const settings = await getSettings(ctx);
      // requireSmtp saw a sender address, so there is a sender.
      const sender = senderOf(access.config, settings.shopName) as MailParty;
      const ratePerMinute = input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
      const id = ctx.newId();
      const state: SendState = {
        job: {
          id,
          templateId: template.id,
          state: 'running',
          total: recipients.length,
          ratePerMinute,
          startedAt: nowIso(ctx),
          finishedAt: null,
          error: null,
        },
        results: recipients.map((recipient) => ({
          customerId: recipient.customerId,
          name: recipient.name,
          address: recipient.address,
          status: recipient.skip ? SKIP_STATUS[recipient.skip] : 'pending',
          reason: null,
        })),
        intervalMs: 60_000 / ratePerMinute,
        cancelRequested: false,
        abort: new AbortController(),
        done: Promise.resolve(),
      };
      jobs.set(id, state);
      state.done = run(state, template, access, sender);
      return view(state);
    },

    job: (jobId) => view(stateOf(jobId)),

    cancel: (jobId) => {
      const state = stateOf(jobId);
      if (state.job.state === 'running') {
        state.cancelRequested = true;
        state.abort.abort();
      }
      return view(state);
    },

    results: ({ jobId, status, offset = 0, limit = 100 }) => {
      const { results } = stateOf(jobId);
      const rows = status ? results.filter((result) => result.status === status) : results;
      return {
        rows: rows.slice(offset, offset + limit).map((row) => ({ ...row })),
        total: rows.length,
      };
    },

    settled: async (jobId) => {
      const state = stateOf(jobId);
      await state.done;
      return view(state);
    },

    close: async () => {
      for (const state of jobs.values()) {
        if (state.job.state === 'running') {
          state.cancelRequested = true;
          state.abort.abort();
        }
      }
      await Promise.all([...jobs.values()].map((state) => state.done));
    },
  };
};
