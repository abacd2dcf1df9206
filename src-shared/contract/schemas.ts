import { z } from 'zod';
import { FOCUS_FIGURES, isValidTarget } from '../domain/focus-figure.ts';
import { IMPORT_FIELDS } from '../domain/import-fields.ts';
import type { ImportField } from '../domain/import-fields.ts';
import { RFM_SEGMENTS } from '../domain/kpis.ts';
import { isValidGregorianDate } from '../i18n/jalali.ts';
import { LOYALTY_LIMITS } from '../domain/loyalty.ts';
import { MESSAGE_CHANNELS, TEMPLATE_LIMITS, TEMPLATE_MOMENTS } from '../domain/message-template.ts';
import { PLAYBOOK_NUMBER_BOUNDS } from '../domain/playbook-rules.ts';
import type { PlaybookNumberKey } from '../domain/playbook-rules.ts';

/** Runtime validation of every input that crosses the bridge (the UI, HTTP and CLI are untrusted). */

/** A real Gregorian calendar day as YYYY-MM-DD (2025-02-30 is refused). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    return isValidGregorianDate(y ?? 0, m ?? 0, d ?? 0);
  }, 'not a real date');
const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const emptyInput = z.object({}).strict();

export const settingsPatch = z
  .object({
    shopName: z.string().trim().max(120),
    locale: z.enum(['fa', 'en']).nullable(),
    calendar: z.enum(['persian', 'gregory']),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
    displayUnit: z.enum(['toman', 'rial']).nullable(),
    timeZone: z.string().min(1).max(64),
    isOnboarded: z.boolean(),
    /** Who is working: a staff id, or null for nobody in particular. */
    currentStaffId: z.string().min(1).max(64).nullable(),
    /** The desktop reminder's time of day ('HH:MM', 24-hour, shop time), or null for none. */
    reminderTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
      .nullable(),
    /** The Insights screen's focus figure and its target (shares as fractions), or null. */
    focusFigure: z
      .object({ figure: z.enum(FOCUS_FIGURES), target: z.number() })
      .strict()
      .refine((focus) => isValidTarget(focus.figure, focus.target), {
        message: 'the target is out of range for this figure',
        path: ['target'],
      })
      .nullable(),
  })
  .partial()
  .strict();

export const demoCreate = z
  .object({
    customers: z.number().int().min(100).max(100_000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
    locale: z.enum(['fa', 'en']),
    asOf: isoDate.optional(),
  })
  .strict();

export const customerSort = z.enum([
  'name',
  'phone',
  'orders',
  'totalSpent',
  'firstPurchaseAt',
  'lastPurchaseAt',
  'createdAt',
]);

export const customersList = z
  .object({
    search: z.string().max(200).optional(),
    sort: customerSort.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    tag: z.string().max(60).optional(),
    /** Only the customers this import created (the import result links here). */
    importBatchId: z.string().min(1).max(64).optional(),
    /** Only the customers in this loyalty tier (its id). */
    tier: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a tier id')
      .optional(),
    /** Only the customers in this RFM segment as of today (DESIGN.md §3). */
    rfmSegment: z.enum(RFM_SEGMENTS).optional(),
    archived: z.enum(['exclude', 'only', 'include']).optional(),
  })
  .strict();

export const byId = z.object({ id }).strict();

const customerFields = {
  name: z.string().trim().min(1).max(200),
  phone: z.string().max(40).nullable(),
  email: z.string().max(254).nullable(),
  birthday: isoDate.nullable(),
  preferredChannel: z.enum(['phone', 'sms', 'email', 'none']),
  doNotContact: z.boolean(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
  notes: z.string().max(20_000),
};

export const customerCreate = z.object(customerFields).partial().required({ name: true }).strict();

export const customerUpdate = z
  .object({ id, patch: z.object(customerFields).partial().strict() })
  .strict();

export const customerArchive = z.object({ id, archived: z.boolean() }).strict();

export const customerMerge = z
  .object({ keepId: id, mergeId: id })
  .strict()
  .refine((value) => value.keepId !== value.mergeId, {
    message: 'a customer cannot be merged into itself',
    path: ['mergeId'],
  });

export const orderItemInput = z
  .object({
    productName: z.string().trim().min(1).max(300),
    sku: z.string().max(100).nullable().optional(),
    category: z.string().max(100).nullable().optional(),
    quantity: z.number().positive().max(1_000_000),
    unitPrice: money,
  })
  .strict();

const orderFields = {
  customerId: id.nullable(),
  orderedAt: isoInstant,
  total: money,
  refunded: money,
  status: z.enum(['completed', 'refunded', 'partially_refunded', 'void']),
  staffId: id.nullable(),
  note: z.string().max(5000),
  externalId: z.string().max(100).nullable(),
  items: z.array(orderItemInput).max(1000),
};

export const orderCreate = z
  .object(orderFields)
  .partial()
  .required({ orderedAt: true, total: true })
  .strict();

export const orderUpdate = z
  .object({ id, patch: z.object(orderFields).partial().strict() })
  .strict();

export const orderArchive = z.object({ id, archived: z.boolean() }).strict();

export const ordersList = z
  .object({
    customerId: id.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

// --- Sales import -------------------------------------------------------------------------------

const fileId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a file id');
const importField = z.enum(IMPORT_FIELDS as [ImportField, ...ImportField[]]);
const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252']);
const delimiter = z.enum([',', ';', '\t', '|']);
const columnMapping = z.partialRecord(importField, z.number().int().min(0).max(10_000));

export const importOptions = z
  .object({
    calendar: z.enum(['auto', 'persian', 'gregory']),
    dayOrder: z.enum(['auto', 'dmy', 'mdy']),
    decimalMark: z.enum(['.', ',']),
    amountUnit: z.enum(['toman', 'rial', 'major']),
    source: z.string().trim().min(1).max(60),
    returnPrefix: z.string().trim().max(10),
  })
  .strict();

export const importPlan = z
  .object({
    read: z
      .object({
        format: z.enum(['delimited', 'xlsx']),
        encoding,
        delimiter,
        sheet: z.string().max(200).nullable(),
        headerLine: z.number().int().min(0).max(10_000_000),
      })
      .strict(),
    mapping: columnMapping,
    options: importOptions,
  })
  .strict();

export const uploadBegin = z
  .object({
    name: z.string().trim().min(1).max(255),
    size: z
      .number()
      .int()
      .min(0)
      .max(4 * 1024 ** 3),
  })
  .strict();

/** At most 512 KiB of file per call (as base64), under the HTTP bridge's 1 MiB body limit. */
export const uploadChunk = z
  .object({
    fileId,
    offset: z.number().int().min(0),
    data: z
      .string()
      .max(700_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict();

export const byFileId = z.object({ fileId }).strict();

export const importPreview = z
  .object({
    fileId,
    read: z
      .object({ encoding, delimiter, sheet: z.string().max(200) })
      .partial()
      .strict()
      .optional(),
    headerLine: z.number().int().min(0).max(10_000_000).optional(),
    mapping: columnMapping.optional(),
    options: importOptions.partial().optional(),
    presetId: z.string().min(1).max(64).optional(),
  })
  .strict();

export const importStart = z.object({ fileId, plan: importPlan, dryRun: z.boolean() }).strict();

export const byJobId = z.object({ jobId: id }).strict();

export const byBatchId = z.object({ batchId: id }).strict();

export const importRejected = z
  .object({
    batchId: id,
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const presetSave = z
  .object({
    name: z.string().trim().min(1).max(80),
    fields: z.partialRecord(importField, z.string().trim().min(1).max(200)),
    options: importOptions.partial(),
  })
  .strict();

// --- Staff --------------------------------------------------------------------------------------

const staffName = z.string().trim().min(1).max(120);
const staffRole = z.string().trim().max(60).nullable();

export const staffCreate = z
  .object({
    name: staffName,
    role: staffRole.optional(),
    phone: z.string().max(40).nullable().optional(),
  })
  .strict();

export const staffUpdate = z
  .object({
    id,
    patch: z
      .object({ name: staffName, role: staffRole, phone: z.string().max(40).nullable() })
      .partial()
      .strict(),
  })
  .strict();

export const staffArchive = z.object({ id, archived: z.boolean() }).strict();

// --- The daily follow-up (DESIGN.md §4) --------------------------------------------------------

export const TASK_RULES = [
  'post_purchase_checkin',
  'first_survey',
  'second_purchase_nudge',
  'recovery',
  'churn_warning',
  'vip_opportunity',
  'birthday',
  'near_next_tier',
] as const;
export const CALL_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'call_back_later',
  'not_interested',
] as const;
export const CONTACT_CHANNELS = [
  'phone',
  'sms',
  'email',
  'in_person',
  'messenger',
  'note',
] as const;
export const SURVEY_CHANNELS = [
  'phone',
  'in_person',
  'sms',
  'email',
  'messenger',
  'import',
  'other',
] as const;
export const DISMISS_REASONS = [
  'not_relevant',
  'already_contacted',
  'customer_request',
  'duplicate',
  'other',
] as const;

const taskRule = z.enum(TASK_RULES);
const note = z.string().max(5000);
/** The staff member acting; defaults to the settings' current staff. */
const actingStaff = id.nullable().optional();

/** A satisfaction answer given during a contact (NPS 0–10, CSAT 1–5). */
export const surveyAnswer = z
  .object({
    kind: z.enum(['nps', 'csat']),
    score: z.number().int().min(0).max(10),
    comment: z.string().max(2000).optional(),
    reasonCategory: z.string().trim().min(1).max(60).nullable().optional(),
  })
  .strict()
  .refine((answer) => answer.kind === 'nps' || (answer.score >= 1 && answer.score <= 5), {
    message: 'a CSAT score is from 1 to 5',
    path: ['score'],
  });

export const playbookRun = z.object({ date: isoDate.optional() }).strict();

const ruleToggle = { enabled: z.boolean() };
/** A playbook number with the bounds the settings form shows (src-shared/domain/playbook-rules). */
const playbookNumber = (key: PlaybookNumberKey) => {
  const { min, max, isInteger } = PLAYBOOK_NUMBER_BOUNDS[key];
  const base = isInteger ? z.number().int() : z.number();
  return base.min(min).max(max);
};
const rule = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...ruleToggle, ...shape })
    .partial()
    .strict();
export const playbookSettingsPatch = z
  .object({
    frequencyCapDays: playbookNumber('frequencyCapDays'),
    catchUpDays: playbookNumber('catchUpDays'),
    maxAttempts: playbookNumber('maxAttempts'),
    weekendDays: z.array(z.number().int().min(0).max(6)).max(6).nullable(),
    rules: z
      .object({
        post_purchase_checkin: rule({ days: playbookNumber('rules.post_purchase_checkin.days') }),
        first_survey: rule({ days: playbookNumber('rules.first_survey.days') }),
        second_purchase_nudge: rule({
          fromDays: playbookNumber('rules.second_purchase_nudge.fromDays'),
          toDays: playbookNumber('rules.second_purchase_nudge.toDays'),
        }),
        recovery: rule({
          npsMax: playbookNumber('rules.recovery.npsMax'),
          csatMax: playbookNumber('rules.recovery.csatMax'),
        }),
        churn_warning: rule({
          days: playbookNumber('rules.churn_warning.days'),
          gapFactor: playbookNumber('rules.churn_warning.gapFactor'),
        }),
        vip_opportunity: rule({
          percentile: playbookNumber('rules.vip_opportunity.percentile'),
          windowDays: playbookNumber('rules.vip_opportunity.windowDays'),
          ownAverageFactor: playbookNumber('rules.vip_opportunity.ownAverageFactor'),
        }),
        birthday: rule({ daysBefore: playbookNumber('rules.birthday.daysBefore') }),
        near_next_tier: rule({
          withinPercent: playbookNumber('rules.near_next_tier.withinPercent'),
        }),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const tasksToday = z
  .object({
    date: isoDate.optional(),
    assigneeId: id.optional(),
    rule: taskRule.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

// --- Exports (DESIGN.md §6) ---------------------------------------------------------------------

const exportCommon = {
  format: z.enum(['csv', 'xlsx']),
  /** Headers and dates in this language (default: the shop's). */
  locale: z.enum(['fa', 'en']).optional(),
  /** Dates, and in CSV numbers, in Persian digits. */
  persianDigits: z.boolean().optional(),
};

/** A list to export as a file: which one, with its screen's filters. */
export const exportFile = z.discriminatedUnion('dataset', [
  z
    .object({
      dataset: z.literal('customers'),
      filters: customersList.omit({ offset: true, limit: true }).optional(),
      ...exportCommon,
    })
    .strict(),
  z.object({ dataset: z.literal('orders'), ...exportCommon }).strict(),
  z
    .object({
      dataset: z.literal('today'),
      date: isoDate.optional(),
      /** The Today screen's filters. */
      assigneeId: id.optional(),
      rule: taskRule.optional(),
      ...exportCommon,
    })
    .strict(),
  z
    .object({
      dataset: z.literal('cohorts'),
      asOf: isoDate.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...exportCommon,
    })
    .strict(),
  z.object({ dataset: z.literal('rfm'), ...exportCommon }).strict(),
  z.object({ dataset: z.literal('rejected'), batchId: id, ...exportCommon }).strict(),
]);

export const taskComplete = z.object({ id, note: note.optional(), staffId: actingStaff }).strict();

export const taskSnooze = z
  .object({
    id,
    /** tomorrow, next week (7 days), or a day (YYYY-MM-DD) after today. */
    until: z.union([z.enum(['tomorrow', 'next_week']), isoDate]),
    staffId: actingStaff,
  })
  .strict();

export const taskAssign = z
  .object({ id, assigneeId: id.nullable(), staffId: actingStaff })
  .strict();

export const taskDismiss = z
  .object({ id, reason: z.enum(DISMISS_REASONS), note: note.optional(), staffId: actingStaff })
  .strict();

export const taskLogCall = z
  .object({
    id,
    outcome: z.enum(CALL_OUTCOMES),
    note: note.optional(),
    /** Required with call_back_later: when the customer asked to be called. */
    callBackAt: isoInstant.optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
    staffId: actingStaff,
    /** An answer the customer gave in the same call (only when reached). */
    survey: surveyAnswer.optional(),
  })
  .strict()
  .refine((input) => input.outcome !== 'call_back_later' || input.callBackAt !== undefined, {
    message: 'say when to call back',
    path: ['callBackAt'],
  })
  .refine((input) => input.survey === undefined || input.outcome === 'reached', {
    message: 'a survey answer needs a call that reached the customer',
    path: ['survey'],
  });

export const contactLog = z
  .object({
    customerId: id,
    channel: z.enum(CONTACT_CHANNELS),
    direction: z.enum(['inbound', 'outbound']).optional(),
    outcome: z.enum(CALL_OUTCOMES).nullable().optional(),
    note: note.optional(),
    occurredAt: isoInstant.optional(),
    staffId: actingStaff,
    survey: surveyAnswer.optional(),
  })
  .strict();

export const surveyRecord = z
  .object({
    customerId: id,
    kind: z.enum(['nps', 'csat']),
    score: z.number().int().min(0).max(10),
    comment: z.string().max(2000).optional(),
    reasonCategory: z.string().trim().min(1).max(60).nullable().optional(),
    collectedVia: z.enum(SURVEY_CHANNELS).optional(),
    orderId: id.nullable().optional(),
    interactionId: id.nullable().optional(),
    taskId: id.nullable().optional(),
    answeredAt: isoInstant.optional(),
    staffId: actingStaff,
  })
  .strict()
  .refine((answer) => answer.kind === 'nps' || (answer.score >= 1 && answer.score <= 5), {
    message: 'a CSAT score is from 1 to 5',
    path: ['score'],
  });

/** A survey CSV (phone or email, date, kind, score, comment), at most 512 KiB, as base64. */
export const surveyImport = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    data: z
      .string()
      .max(700_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
    dryRun: z.boolean().optional(),
    staffId: actingStaff,
  })
  .strict();

// --- Loyalty (DESIGN.md §2) --------------------------------------------------------------------

const tierId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a tier id');

/**
 * A full set of loyalty rules, as saved or previewed. The shape is checked here; what makes the
 * tiers a ladder (the base at 0, thresholds rising, names unique) is checked by the core with
 * src-shared/domain/loyalty's loyaltyProblems, which names the tier at fault.
 */
export const loyaltyRules = z
  .object({
    window: z.enum(['rolling12', 'jalaliYear']),
    earn: z
      .object({
        per: z.number().int().min(1).max(LOYALTY_LIMITS.earnPerMax),
        points: z.number().int().min(0).max(LOYALTY_LIMITS.earnPointsMax),
      })
      .strict(),
    expiryMonths: z
      .number()
      .int()
      .min(LOYALTY_LIMITS.expiryMonthsMin)
      .max(LOYALTY_LIMITS.expiryMonthsMax)
      .nullable(),
    tiers: z
      .array(
        z
          .object({
            id: tierId,
            name: z.string().trim().min(1).max(LOYALTY_LIMITS.nameMax),
            threshold: z.number().int().min(0).max(LOYALTY_LIMITS.maxThreshold),
          })
          .strict(),
      )
      .min(LOYALTY_LIMITS.minTiers)
      .max(LOYALTY_LIMITS.maxTiers),
  })
  .strict();

export const loyaltyCustomer = z.object({ customerId: id }).strict();

const points = z.number().int().min(-LOYALTY_LIMITS.pointsMax).max(LOYALTY_LIMITS.pointsMax);

/** A manual change of a customer's points, with the reason staff give. */
export const loyaltyAdjust = z
  .object({
    customerId: id,
    points: points.refine((value) => value !== 0, 'an adjustment changes the balance'),
    reason: z.string().trim().min(1).max(LOYALTY_LIMITS.reasonMax),
    staffId: actingStaff,
  })
  .strict();

/** Points spent by the customer (never more than their balance). */
export const loyaltyRedeem = z
  .object({
    customerId: id,
    points: z.number().int().min(1).max(LOYALTY_LIMITS.pointsMax),
    reason: z.string().trim().max(LOYALTY_LIMITS.reasonMax).optional(),
    staffId: actingStaff,
  })
  .strict();

export const loyaltyNearNextTier = z
  .object({
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

// --- Retention figures (DESIGN.md §3) -----------------------------------------------------------

/** As of a day (default today) over a period (default the 12 months to it): both ends or neither. */
export const kpisGet = z
  .object({ asOf: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((input) => (input.from === undefined) === (input.to === undefined), {
    message: 'give both from and to, or neither',
    path: ['from'],
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'from is after to',
    path: ['from'],
  });

// --- Message templates (DESIGN.md §6) -----------------------------------------------------------

const messageChannel = z.enum(MESSAGE_CHANNELS);
const messageLocale = z.enum(['fa', 'en']);

export const templatesList = z
  .object({ channel: messageChannel.optional(), locale: messageLocale.optional() })
  .strict();

/** A template's text: an email has a subject, an SMS has none (null). */
const templateDraft = z
  .object({
    channel: messageChannel,
    locale: messageLocale,
    subject: z.string().trim().max(TEMPLATE_LIMITS.subjectMax).nullable(),
    body: z.string().max(TEMPLATE_LIMITS.bodyMax),
  })
  .strict()
  .refine((draft) => (draft.channel === 'email') === (draft.subject !== null), {
    message: 'an email template needs a subject (may be empty while drafting); an SMS has none',
    path: ['subject'],
  });

/** Creates (no id) or replaces (id) a template; unknown placeholders are refused by the core. */
export const templateSave = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(TEMPLATE_LIMITS.nameMax),
    channel: messageChannel,
    locale: messageLocale,
    subject: z.string().trim().min(1).max(TEMPLATE_LIMITS.subjectMax).nullable(),
    body: z.string().trim().min(1).max(TEMPLATE_LIMITS.bodyMax),
    moment: z.enum(TEMPLATE_MOMENTS).nullable().optional(),
  })
  .strict()
  .refine((input) => (input.channel === 'email') === (input.subject !== null), {
    message: 'an email template needs a subject; an SMS template has none (null)',
    path: ['subject'],
  });

/** A saved template, or the editor's unsaved draft, filled for one customer. */
export const templatePreview = z
  .object({ templateId: id.optional(), draft: templateDraft.optional(), customerId: id })
  .strict()
  .refine((input) => (input.templateId === undefined) !== (input.draft === undefined), {
    message: 'give templateId or draft, not both',
    path: ['templateId'],
  });

// --- Messages: audiences, email over SMTP, .eml files, SMS lists (DESIGN.md §6) ----------------

/**
 * Who a message goes to: the customer book's filters (search, tag, tier, RFM segment, import), as
 * the Customers screen and exports give them, or chosen customers. Do-not-contact customers and
 * those without an address for the channel are counted and skipped, never messaged.
 */
export const messageAudience = z.union([
  z.object({ filters: customersList.omit({ offset: true, limit: true }) }).strict(),
  z.object({ customerIds: z.array(id).min(1).max(100_000) }).strict(),
]);

export const messagesAudience = z.object({ templateId: id, audience: messageAudience }).strict();

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;

/**
 * The shop's outgoing mail server. The password is optional: left out, the one kept stays; an empty
 * string forgets it. It is never stored in the database in clear (Electron's safeStorage in the
 * desktop app; memory only in serve mode and the CLI).
 */
export const smtpSave = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65_535),
    security: z.enum(SMTP_SECURITY),
    user: z.string().trim().max(254),
    password: z.string().max(1024).optional(),
    fromAddress: z.string().trim().min(3).max(254),
    fromName: z.string().trim().max(200),
  })
  .strict();

export const smtpTest = z.object({ to: z.string().trim().min(3).max(254) }).strict();

/** Sends a template to an audience by email, at most ratePerMinute messages a minute. */
export const messagesSend = z
  .object({
    templateId: id,
    audience: messageAudience,
    ratePerMinute: z.number().int().min(1).max(600).optional(),
  })
  .strict();

export const SEND_RESULT_STATUSES = [
  'pending',
  'sent',
  'skipped_do_not_contact',
  'skipped_no_address',
  'failed',
  'cancelled',
] as const;

export const messagesResults = z
  .object({
    jobId: id,
    status: z.enum(SEND_RESULT_STATUSES).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

/**
 * The most .eml files one .zip holds: the zip travels whole to the renderer, and a mail program
 * is no place to open more; a larger audience is sent over SMTP or split.
 */
export const EML_MAX_FILES = 2_000;

/** One .eml file per recipient (handed back as one .zip), or an SMS list as .csv or .xlsx. */
export const messagesEml = messagesAudience;
export const messagesSmsList = z
  .object({ templateId: id, audience: messageAudience, format: z.enum(['csv', 'xlsx']) })
  .strict();
