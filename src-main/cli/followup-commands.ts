import { accessSync, constants, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../src-shared/contract/errors.ts';
import {
  CALL_OUTCOMES,
  CONTACT_CHANNELS,
  SURVEY_CHANNELS,
  contactLog,
  surveyRecord,
  taskLogCall,
} from '../../src-shared/contract/schemas.ts';
import type { ContactResult, Settings } from '../../src-shared/contract/types.ts';
import { normaliseEmail } from '../../src-shared/domain/email.ts';
import { normaliseForSearch } from '../../src-shared/domain/persian-text.ts';
import { normalisePhone } from '../../src-shared/domain/phone.ts';
import { renderTaskReason } from '../../src-shared/i18n/task-reason.ts';
import type { Core } from '../core/core.ts';
import { logContact } from '../core/playbook/contacts.service.ts';
import { afterSalesChanged } from '../core/loyalty/after-sales.ts';
import { importSurveyFile } from '../core/playbook/survey-import.ts';
import { recordSurvey } from '../core/playbook/surveys.service.ts';
import { listToday, logCall } from '../core/playbook/tasks.service.ts';
import { getSettings } from '../core/settings/settings.service.ts';
import type { Command } from './cli.ts';
import { isIsoDate, UsageError } from './usage-error.ts';

/** The daily follow-up on the command line: the inbox, and scripted check-ins and answers. */

export const FOLLOWUP_USAGE = `  inbox [--date YYYY-MM-DD] [--json]
        run the follow-up playbook as of the day (default today; running it again changes
        nothing) and list that day's open tasks, due and overdue, most urgent first
  log-contact (--task ID | --customer ID|PHONE|EMAIL) [--outcome OUTCOME] [--note TEXT]
        [--channel phone|sms|email|in_person|messenger|note] [--direction inbound|outbound]
        [--call-back-at DATE-TIME] [--at DATE-TIME] [--staff ID|NAME]
        [--nps 0-10 | --csat 1-5] [--comment TEXT] [--reason TEXT] [--json]
        log a call on a task (OUTCOME: reached, no_answer, busy, wrong_number,
        call_back_later with --call-back-at, not_interested; no answer and busy retry it the
        next working day), or a contact with a customer that no task asked for; a score given
        in the same contact is recorded with it (a low one plans the recovery call)
  survey --customer ID|PHONE|EMAIL (--nps 0-10 | --csat 1-5) [--comment TEXT] [--reason TEXT]
        [--via phone|in_person|sms|email|messenger|other] [--at DATE-TIME] [--staff ID|NAME]
        [--json]
  survey --import FILE [--dry-run] [--staff ID|NAME] [--json]
        record a satisfaction answer, or import answers from a CSV (columns: phone or email,
        date, kind NPS/CSAT, score, comment); a file with any bad line imports nothing
  (DATE-TIME: ISO 8601 with an offset, e.g. 2026-11-05T14:30+03:30)`;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** A zod failure as the one line a user needs. */
const usageFrom = (command: string, error: z.ZodError): UsageError => {
  const [issue] = error.issues;
  const field = issue?.path.map(String).join('.') ?? '';
  const option = OPTION_OF[field] ?? field;
  return new UsageError(`${command}: ${option ? `${option}: ` : ''}${issue?.message ?? 'invalid'}`);
};

const OPTION_OF: Record<string, string> = {
  outcome: '--outcome',
  channel: '--channel',
  direction: '--direction',
  note: '--note',
  callBackAt: '--call-back-at',
  occurredAt: '--at',
  answeredAt: '--at',
  score: '--nps/--csat',
  survey: '--nps/--csat',
  'survey.score': '--nps/--csat',
  comment: '--comment',
  'survey.comment': '--comment',
  reasonCategory: '--reason',
  'survey.reasonCategory': '--reason',
  collectedVia: '--via',
};

const scoreOption = (values: Record<string, unknown>, command: string) => {
  const nps = text(values.nps);
  const csat = text(values.csat);
  if (nps !== undefined && csat !== undefined) {
    throw new UsageError(`${command}: give --nps or --csat, not both`);
  }
  const raw = nps ?? csat;
  if (raw === undefined) return undefined;
  const kind = nps !== undefined ? ('nps' as const) : ('csat' as const);
  const score = Number(raw);
  const [min, max] = kind === 'nps' ? [0, 10] : [1, 5];
  if (!/^\d+$/.test(raw) || score < min || score > max) {
    throw new UsageError(
      `${command}: --${kind} "${raw}" must be a whole number from ${min} to ${max}`,
    );
  }
  return {
    kind,
    score,
    ...(text(values.comment) !== undefined && { comment: text(values.comment) }),
    ...(text(values.reason) !== undefined && { reasonCategory: text(values.reason) }),
  };
};

/** A customer by id, phone (any form) or email; exactly one must match. */
const resolveCustomer = (core: Core, given: string): string => {
  const { sqlite } = core.database;
  const byId = sqlite
    .prepare('SELECT coalesce(merged_into_id, id) FROM customers WHERE id = ?')
    .pluck()
    .get(given) as string | undefined;
  if (byId) return byId;
  const phone = normalisePhone(given)?.e164;
  const email = phone ? null : normaliseEmail(given);
  const matches = (
    phone
      ? sqlite.prepare(
          'SELECT id FROM customers WHERE phone_e164 = ? AND merged_into_id IS NULL ORDER BY id',
        )
      : sqlite.prepare(
          'SELECT id FROM customers WHERE email = ? AND merged_into_id IS NULL ORDER BY id',
        )
  )
    .pluck()
    .all(phone ?? email ?? '') as string[];
  if (matches.length === 1) return matches[0] as string;
  if (matches.length === 0) {
    throw new AppError(
      'not_found',
      `no customer matches "${given}" (an id, phone number or email)`,
    );
  }
  throw new AppError(
    'bad_input',
    `${matches.length} customers have ${phone ? 'the phone number' : 'the email'} "${given}"; give the customer's id`,
  );
};

/** A staff member by id or name (active ones only); undefined: whoever settings say is working. */
const resolveStaff = (core: Core, given: string | undefined): string | undefined => {
  if (given === undefined) return undefined;
  const rows = core.database.sqlite
    .prepare('SELECT id, name FROM staff WHERE archived_at IS NULL')
    .all() as { id: string; name: string }[];
  const key = normaliseForSearch(given);
  const found = rows.filter((row) => row.id === given || normaliseForSearch(row.name) === key);
  if (found.length !== 1) {
    throw new AppError('bad_input', `--staff: no active staff member "${given}"`);
  }
  return found[0]?.id;
};

const reasonContext = (settings: Settings) => ({
  locale: 'en' as const,
  calendar: 'gregory' as const,
  timeZone: settings.timeZone,
  currency: settings.currency,
  displayUnit: settings.displayUnit,
});

export const inboxCommand: Command = {
  options: { date: { type: 'string' }, json: { type: 'boolean' } },
  creates: false,
  prepare: (values, io) => {
    const date = values.date;
    if (date !== undefined && !isIsoDate(date)) {
      throw new UsageError(`inbox: --date "${String(date)}" is not a date (YYYY-MM-DD)`);
    }
    return async (core) => {
      // Tiers first: the near-next-tier rule reads them.
      const report = await afterSalesChanged(core.context, date ? { date } : {});
      const today = await listToday(core.context, { date: report.date, limit: 1000 });
      const tasks = today.groups.flatMap((group) => group.tasks);
      while (tasks.length < today.counts.open) {
        const page = await listToday(core.context, {
          date: report.date,
          offset: tasks.length,
          limit: 1000,
        });
        const more = page.groups.flatMap((group) => group.tasks);
        if (more.length === 0) break;
        tasks.push(...more);
      }
      const settings = await getSettings(core.context);
      const rows = tasks.map((task) => ({
        id: task.id,
        customerId: task.customerId,
        customerName: task.customerName,
        phone: task.phone,
        rule: task.rule,
        priority: task.priority,
        dueDate: task.dueDate,
        reason: renderTaskReason(task.reason, reasonContext(settings)),
      }));
      if (values.json) {
        io.stdout(JSON.stringify(rows, null, 2));
        return;
      }
      io.stdout(formatInbox(rows, report.date, today.counts));
    };
  },
};

type InboxRow = {
  customerName: string;
  phone: string | null;
  priority: string;
  dueDate: string;
  reason: string;
};

const formatInbox = (
  rows: InboxRow[],
  date: string,
  counts: { done: number; total: number },
): string => {
  if (rows.length === 0) return `Nothing to follow up on ${date}.`;
  const lines = rows.map((row) => [
    row.priority,
    row.customerName,
    row.phone ?? '',
    row.dueDate < date ? `${row.dueDate} (overdue)` : row.dueDate,
    row.reason,
  ]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (cells: string[]) =>
    cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  return [
    ...lines.map(render),
    `${rows.length} open on ${date}; ${counts.done} of ${counts.total} done`,
  ].join('\n');
};

const describeContact = (result: ContactResult): string => {
  const parts: string[] = [];
  if (result.interaction) {
    parts.push(
      `Logged ${result.interaction.channel.replace('_', ' ')} contact` +
        (result.interaction.outcome ? ` (${result.interaction.outcome.replaceAll('_', ' ')})` : ''),
    );
  }
  if (result.task) {
    parts.push(
      result.task.status === 'open' || result.task.status === 'snoozed'
        ? `task due again ${result.task.dueDate} (attempt ${result.task.attempts})`
        : `task ${result.task.status} (${result.task.resolution ?? ''})`,
    );
  }
  if (result.survey) {
    parts.push(`${result.survey.kind.toUpperCase()} ${result.survey.score} recorded`);
  }
  if (result.recoveryTask) parts.push('urgent recovery call planned for today');
  return `${parts.join('; ')}.`;
};

export const logContactCommand: Command = {
  options: {
    task: { type: 'string' },
    customer: { type: 'string' },
    outcome: { type: 'string' },
    channel: { type: 'string' },
    direction: { type: 'string' },
    note: { type: 'string' },
    'call-back-at': { type: 'string' },
    at: { type: 'string' },
    staff: { type: 'string' },
    nps: { type: 'string' },
    csat: { type: 'string' },
    comment: { type: 'string' },
    reason: { type: 'string' },
    json: { type: 'boolean' },
  },
  creates: false,
  prepare: (values, io) => {
    const command = 'log-contact';
    const taskId = text(values.task);
    const customer = text(values.customer);
    if ((taskId === undefined) === (customer === undefined)) {
      throw new UsageError(`${command}: give --task ID or --customer ID|PHONE|EMAIL (one of them)`);
    }
    const survey = scoreOption(values, command);
    if (!survey && (values.comment !== undefined || values.reason !== undefined)) {
      throw new UsageError(`${command}: --comment and --reason go with --nps or --csat`);
    }
    const common = {
      ...(text(values.outcome) !== undefined && { outcome: text(values.outcome) }),
      ...(text(values.note) !== undefined && { note: text(values.note) }),
      ...(text(values.channel) !== undefined && { channel: text(values.channel) }),
      ...(survey && { survey }),
    };
    if (taskId !== undefined) {
      if (values.outcome === undefined) {
        throw new UsageError(`${command}: --outcome is needed (${CALL_OUTCOMES.join(', ')})`);
      }
      if (values.at !== undefined || values.direction !== undefined) {
        throw new UsageError(`${command}: --at and --direction are for a contact without a task`);
      }
      const parsed = taskLogCall.safeParse({
        id: taskId,
        ...common,
        ...(text(values['call-back-at']) !== undefined && {
          callBackAt: text(values['call-back-at']),
        }),
      });
      if (!parsed.success) throw usageFrom(command, parsed.error);
      return async (core) => {
        const staffId = resolveStaff(core, text(values.staff));
        const result = await logCall(core.context, {
          ...parsed.data,
          ...(staffId && { staffId }),
        });
        io.stdout(values.json ? JSON.stringify(result, null, 2) : describeContact(result));
      };
    }
    if (values['call-back-at'] !== undefined) {
      throw new UsageError(`${command}: --call-back-at goes with --task`);
    }
    const channel = text(values.channel) ?? 'phone';
    if (!(CONTACT_CHANNELS as readonly string[]).includes(channel)) {
      throw new UsageError(`${command}: --channel must be one of ${CONTACT_CHANNELS.join(', ')}`);
    }
    const parsed = contactLog.safeParse({
      customerId: 'placeholder',
      ...common,
      channel,
      ...(text(values.direction) !== undefined && { direction: text(values.direction) }),
      ...(text(values.at) !== undefined && { occurredAt: text(values.at) }),
    });
    if (!parsed.success) throw usageFrom(command, parsed.error);
    return async (core) => {
      const customerId = resolveCustomer(core, customer as string);
      const staffId = resolveStaff(core, text(values.staff));
      const result = await logContact(core.context, {
        ...parsed.data,
        customerId,
        ...(staffId && { staffId }),
      });
      io.stdout(values.json ? JSON.stringify(result, null, 2) : describeContact(result));
    };
  },
};

export const surveyCommand: Command = {
  options: {
    customer: { type: 'string' },
    nps: { type: 'string' },
    csat: { type: 'string' },
    comment: { type: 'string' },
    reason: { type: 'string' },
    via: { type: 'string' },
    at: { type: 'string' },
    staff: { type: 'string' },
    import: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  creates: false,
  prepare: (values, io) => {
    const command = 'survey';
    const file = text(values.import);
    if (file !== undefined) {
      const single = ['customer', 'nps', 'csat', 'comment', 'reason', 'via', 'at'].find(
        (name) => values[name] !== undefined,
      );
      if (single) throw new UsageError(`${command}: --${single} does not go with --import`);
      checkReadable(file);
      return async (core) => {
        const staffId = resolveStaff(core, text(values.staff));
        const report = await importSurveyFile(core.context, file, basename(file), {
          dryRun: values['dry-run'] === true,
          ...(staffId && { staffId }),
        });
        const [first] = report.rejected;
        if (first) {
          const more = report.rejected.length - 1;
          throw new UsageError(
            `${report.fileName} line ${first.line}: ${first.message}` +
              (more > 0 ? ` (and ${more} more line${more === 1 ? '' : 's'})` : '') +
              '; nothing was imported',
          );
        }
        if (values.json) {
          io.stdout(JSON.stringify(report, null, 2));
        } else {
          io.stdout(
            `${report.fileName}: ${report.imported} answers ${report.dryRun ? 'to import' : 'imported'}` +
              `, ${report.alreadyPresent} already there, ${report.recoveryTasksCreated} recovery calls planned` +
              (report.dryRun ? ' (dry run: nothing written)' : ''),
          );
        }
      };
    }
    if (values['dry-run'] !== undefined)
      throw new UsageError(`${command}: --dry-run goes with --import`);
    const customer = text(values.customer);
    if (customer === undefined) {
      throw new UsageError(`${command}: give --customer ID|PHONE|EMAIL, or --import FILE`);
    }
    const answer = scoreOption(values, command);
    if (!answer) throw new UsageError(`${command}: give the score with --nps N or --csat N`);
    const via = text(values.via);
    if (via !== undefined && !(SURVEY_CHANNELS as readonly string[]).includes(via)) {
      throw new UsageError(`${command}: --via must be one of ${SURVEY_CHANNELS.join(', ')}`);
    }
    const parsed = surveyRecord.safeParse({
      customerId: 'placeholder',
      ...answer,
      ...(via !== undefined && { collectedVia: via }),
      ...(text(values.at) !== undefined && { answeredAt: text(values.at) }),
    });
    if (!parsed.success) throw usageFrom(command, parsed.error);
    return async (core) => {
      const customerId = resolveCustomer(core, customer);
      const staffId = resolveStaff(core, text(values.staff));
      const result = await recordSurvey(core.context, {
        ...parsed.data,
        customerId,
        ...(staffId && { staffId }),
      });
      io.stdout(values.json ? JSON.stringify(result, null, 2) : describeContact(result));
    };
  },
};

const checkReadable = (path: string): void => {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`survey: ${path} is not a file`);
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`survey: cannot read ${path}`);
  }
};
