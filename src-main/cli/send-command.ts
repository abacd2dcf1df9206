import type { MessageTemplate, SendResult } from '../../src-shared/contract/types.ts';
import { normaliseForSearch } from '../../src-shared/domain/persian-text.ts';
import type { Core } from '../core/core.ts';
import { audienceSummary, DEFAULT_RATE_PER_MINUTE } from '../core/messages/send.service.ts';
import { listTemplates } from '../core/messages/templates.service.ts';
import type { Command } from './cli.ts';
import { segmentFilter } from './export-command.ts';
import { UsageError } from './usage-error.ts';

/** `send`: an email template to a segment over the shop's SMTP server (DESIGN.md §6 and §9). */

export const SEND_USAGE = `  send --template NAME --segment NAME [--dry-run] [--rate N]
        email a template (an email template's name, any case, or its id) to the customers of
        a segment (an RFM segment or a loyalty tier, as for export) through the mail server
        saved in the app's settings; the password is read from BAZGASHT_SMTP_PASSWORD and is
        never saved. Do-not-contact customers and those without an email are skipped.
        --dry-run counts who would be emailed and skipped, and sends nothing; --rate N caps
        the messages a minute (1 to 600, default ${DEFAULT_RATE_PER_MINUTE}). Prints each failure and a
        summary; exits 1 if the server refused any message or the connection failed (what it
        accepted stays sent and on the customers' timelines)`;

export const sendCommand: Command = {
  options: {
    template: { type: 'string' },
    segment: { type: 'string' },
    'dry-run': { type: 'boolean' },
    rate: { type: 'string' },
  },
  creates: false,
  prepare: (values, io) => {
    const { template, segment } = values;
    if (typeof template !== 'string' || template.trim() === '') {
      throw new UsageError('send: --template NAME is required (an email template)');
    }
    if (typeof segment !== 'string' || segment.trim() === '') {
      throw new UsageError('send: --segment NAME is required (an RFM segment or a loyalty tier)');
    }
    const rate = values.rate === undefined ? DEFAULT_RATE_PER_MINUTE : Number(values.rate);
    if (!Number.isInteger(rate) || rate < 1 || rate > 600) {
      throw new UsageError(
        `send: --rate "${String(values.rate)}" must be a whole number from 1 to 600`,
      );
    }
    return async (core) => {
      const { id: templateId } = await findEmailTemplate(core, template);
      const audience = {
        filters: { ...segmentFilter(core, segment, 'send'), sort: 'name', direction: 'asc' },
      } as const;
      if (values['dry-run'] === true) {
        const summary = await audienceSummary(core.context, { templateId, audience });
        io.stdout(
          `Would email ${summary.sendable} of ${summary.total} customers; skipped: ` +
            `${summary.skipped.doNotContact} do not contact, ${summary.skipped.noAddress} without an email. Nothing sent.`,
        );
        return 0;
      }
      const started = await core.email.send({ templateId, audience, ratePerMinute: rate });
      const job = await core.email.settled(started.id);
      const failures = core.email.results({ jobId: job.id, status: 'failed', limit: 500 });
      for (const result of failures.rows) io.stdout(failureLine(result));
      if (failures.total > failures.rows.length) {
        io.stdout(`… and ${failures.total - failures.rows.length} more failed.`);
      }
      const skipped = core.email.results({
        jobId: job.id,
        status: 'skipped_do_not_contact',
        limit: 1,
      });
      io.stdout(
        `Sent ${job.sent}, skipped ${job.skipped} (${skipped.total} do not contact, ` +
          `${job.skipped - skipped.total} without an email), failed ${job.failed}.`,
      );
      if (job.error) io.stderr(`bazgasht: send stopped: ${job.error.message}`);
      return job.failed > 0 || job.state === 'failed' ? 1 : 0;
    };
  },
};

const failureLine = (result: SendResult): string =>
  `failed  ${result.name} <${result.address ?? ''}>: ${result.reason ?? 'not accepted'}`;

/** An email template by id, else by name (any case, any digits), else a UsageError. */
const findEmailTemplate = async (core: Core, wanted: string): Promise<MessageTemplate> => {
  const all = await listTemplates(core.context);
  const key = normaliseForSearch(wanted);
  const matches = all.filter(
    (template) => template.id === wanted || normaliseForSearch(template.name) === key,
  );
  const email = matches.find((template) => template.channel === 'email');
  if (email) return email;
  if (matches.length > 0) {
    throw new UsageError(`send: "${wanted}" is an SMS template; send takes an email template`);
  }
  const names = all.filter((t) => t.channel === 'email').map((t) => t.name);
  throw new UsageError(
    `send: no email template "${wanted}" (email templates: ${names.join(', ')})`,
  );
};
