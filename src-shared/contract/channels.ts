import type { z } from 'zod';
import * as s from './schemas.ts';
import type {
  AppInfo,
  AudienceSummary,
  ContactResult,
  Customer,
  CustomerProfile,
  CustomerRow,
  DemoSummary,
  ExportJob,
  ExportedFile,
  ImportBatch,
  ImportJob,
  ImportPreset,
  ImportPreview,
  Kpis,
  LoyaltyCustomer,
  LoyaltyRules,
  MessageTemplate,
  NearTierCustomer,
  KpiSeries,
  Order,
  Page,
  PlaybookRunReport,
  PlaybookSettings,
  Settings,
  RejectedRow,
  SendJob,
  SendResult,
  SmtpSettings,
  Staff,
  SurveyImportReport,
  Task,
  TemplatePreview,
  TierDistribution,
  TodayList,
  UploadedFile,
} from './types.ts';

/** A channel: its input schema (checked at runtime on the core side) and its output type. */
type Channel<I extends z.ZodType, O> = { input: I; output?: O };
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

/**
 * The one contract between the UI and the core. Every call the renderer makes, over Electron IPC
 * or the HTTP bridge, is one of these; the list of names is data, so the preload and the bridge
 * reject anything else.
 */
export const contract = {
  /** Version, database location and host; never fails once the database is open. */
  'app:info': channel<AppInfo>()(s.emptyInput),
  'settings:get': channel<Settings>()(s.emptyInput),
  /** Saves the given fields and returns the whole settings. */
  'settings:update': channel<Settings>()(s.settingsPatch),
  /** Fills an empty database with a generated shop (refused with `conflict` when data exists). */
  'demo:create': channel<DemoSummary>()(s.demoCreate),
  /** Empties a demo shop so the owner can start with their own data (refused unless isDemo). */
  'demo:clear': channel<Settings>()(s.emptyInput),
  /** The customer book: Persian- and phone-aware search, sort, filter and paging. */
  'customers:list': channel<Page<CustomerRow>>()(s.customersList),
  'customers:get': channel<CustomerProfile>()(s.byId),
  'customers:create': channel<Customer>()(s.customerCreate),
  'customers:update': channel<Customer>()(s.customerUpdate),
  /** Archives (hides) or restores a customer; archiving is undone by restoring. */
  'customers:archive': channel<Customer>()(s.customerArchive),
  /** Moves orders, contacts, notes, tags and ids of mergeId into keepId; mergeId is archived. */
  'customers:merge': channel<CustomerProfile>()(s.customerMerge),
  /** Distinct tags in use, for the filter. */
  'customers:tags': channel<string[]>()(s.emptyInput),
  'orders:list': channel<Page<Order>>()(s.ordersList),
  'orders:get': channel<Order>()(s.byId),
  'orders:create': channel<Order>()(s.orderCreate),
  'orders:update': channel<Order>()(s.orderUpdate),
  'orders:archive': channel<Order>()(s.orderArchive),
  /** Everyone, archived included (archivedAt set), by name. */
  'staff:list': channel<Staff[]>()(s.emptyInput),
  'staff:create': channel<Staff>()(s.staffCreate),
  /** Renames (or changes the role or phone of) a staff member. */
  'staff:update': channel<Staff>()(s.staffUpdate),
  /** Archived staff keep their history but cannot be picked; restoring undoes it. */
  'staff:archive': channel<Staff>()(s.staffArchive),

  /** Runs the follow-up playbook as of a day (default today); idempotent. */
  'playbook:run': channel<PlaybookRunReport>()(s.playbookRun),
  'playbook:settings': channel<PlaybookSettings>()(s.emptyInput),
  /** Saves the given rules' parameters and returns all of them. */
  'playbook:settings-update': channel<PlaybookSettings>()(s.playbookSettingsPatch),
  /**
   * Today: open tasks due on the day or overdue, by priority then rule, a page at a time (default
   * 500), with every group's size and the day's progress.
   */
  'tasks:today': channel<TodayList>()(s.tasksToday),
  'tasks:get': channel<Task>()(s.byId),
  'tasks:complete': channel<Task>()(s.taskComplete),
  'tasks:snooze': channel<Task>()(s.taskSnooze),
  /** Gives the task to a staff member (null: to nobody in particular). */
  'tasks:assign': channel<Task>()(s.taskAssign),
  'tasks:dismiss': channel<Task>()(s.taskDismiss),
  /**
   * Logs a call on a task: its outcome (no answer and busy retry the next working day, up to the
   * playbook's maxAttempts), a note, and a survey answer given in the same call.
   */
  'tasks:log-call': channel<ContactResult>()(s.taskLogCall),
  /** A contact no task asked for (an incoming call, a talk at the counter), with an answer. */
  'contacts:log': channel<ContactResult>()(s.contactLog),
  /** Records an NPS or CSAT answer; a low score creates the urgent recovery task at once. */
  'surveys:record': channel<ContactResult>()(s.surveyRecord),
  /** Imports survey answers from a CSV, all or nothing; rejected lines name line and reason. */
  'surveys:import': channel<SurveyImportReport>()(s.surveyImport),

  /**
   * Every retention figure of DESIGN.md §3 as of a day (default today in the shop's zone) for a
   * period (default the 12 months to it), cohorts in the user's calendar.
   */
  'kpis:get': channel<Kpis>()(s.kpisGet),
  /**
   * The Insights screen's series for the same as-of day and period: the figures month by month
   * (months of the user's calendar), NPS and CSAT per staff member, and the as-of figures on the
   * day before the period.
   */
  'kpis:series': channel<KpiSeries>()(s.kpisGet),

  /** The loyalty rules: tiers, their window, points earned and their expiry (DESIGN.md §2). */
  'loyalty:settings': channel<LoyaltyRules>()(s.emptyInput),
  /**
   * Saves the whole set of rules (refused with `bad_input` naming the tier at fault) and puts
   * every customer in their tier under them at once.
   */
  'loyalty:settings-update': channel<LoyaltyRules>()(s.loyaltyRules),
  /** How many customers each tier would hold under these rules today; nothing is saved. */
  'loyalty:preview': channel<TierDistribution>()(s.loyaltyRules),
  /** How many customers each tier holds. */
  'loyalty:distribution': channel<TierDistribution>()(s.emptyInput),
  /**
   * Customers within the playbook's near-next-tier margin of the tier above theirs, closest
   * first (the default margin is 10 %).
   */
  'loyalty:near-next-tier': channel<Page<NearTierCustomer>>()(s.loyaltyNearNextTier),
  /** A customer's tier, how long it is held, the next tier, points balance and ledger. */
  'loyalty:customer': channel<LoyaltyCustomer>()(s.loyaltyCustomer),
  /** Adds or takes away points by hand, with a reason; the balance never goes below 0. */
  'loyalty:adjust': channel<LoyaltyCustomer>()(s.loyaltyAdjust),
  /** Spends points (refused with `conflict` when the balance is too low). */
  'loyalty:redeem': channel<LoyaltyCustomer>()(s.loyaltyRedeem),

  /** Message templates (not deleted), by channel, language, moment then name; filters optional. */
  'templates:list': channel<MessageTemplate[]>()(s.templatesList),
  /**
   * Creates or replaces a template; refused with `bad_input` (details: field, name, offset) when
   * the subject or body has a name in braces that is not a placeholder.
   */
  'templates:save': channel<MessageTemplate>()(s.templateSave),
  /** Deletes (soft) a template; returns the templates left. */
  'templates:delete': channel<MessageTemplate[]>()(s.byId),
  /** Fills a saved template or a draft for one customer, with what it cannot fill. */
  'templates:preview': channel<TemplatePreview>()(s.templatePreview),

  /** Starts handing a file to the core; the bytes follow in chunks (any transport carries JSON). */
  'import:upload-begin': channel<UploadedFile>()(s.uploadBegin),
  /** Appends the next chunk (base64) at `offset`; returns the bytes received so far. */
  'import:upload-chunk': channel<{ received: number }>()(s.uploadChunk),
  'import:upload-end': channel<UploadedFile>()(s.byFileId),
  /** Detection, mapping and a parsed sample from the file's first rows; each setting overridable. */
  'import:preview': channel<ImportPreview>()(s.importPreview),
  /** Starts a run (dry: validate and count, then roll back) in the background; poll import:job. */
  'import:start': channel<ImportJob>()(s.importStart),
  'import:job': channel<ImportJob>()(s.byJobId),
  /** Stops a run within a second; nothing it did is kept. */
  'import:cancel': channel<ImportJob>()(s.byJobId),
  /** The run still going, if any, so a screen that was left can find it again. */
  'import:current': channel<{ job: ImportJob | null }>()(s.emptyInput),
  /** Forgets a handed-over file the user will not import after all (its copy is deleted). */
  'import:discard': channel<{ discarded: boolean }>()(s.byFileId),
  'import:history': channel<ImportBatch[]>()(s.emptyInput),
  'import:batch': channel<ImportBatch>()(s.byBatchId),
  /** Removes exactly the batch's orders and refunds, and the customers only it created. */
  'import:undo': channel<ImportBatch>()(s.byBatchId),
  'import:rejected': channel<{ rows: RejectedRow[]; total: number }>()(s.importRejected),
  /** The rejected rows as a CSV file's text, with their line numbers and reasons. */
  'import:rejected-csv': channel<{ fileName: string; content: string }>()(s.byBatchId),
  /**
   * Starts writing a list (customers with the list's filters, orders, Today, the Insights tables,
   * an import's rejected rows) as .csv or .xlsx in the background; poll exports:job.
   */
  'exports:start': channel<ExportJob>()(s.exportFile),
  'exports:job': channel<ExportJob>()(s.byJobId),
  /** Stops an export; no file is kept. */
  'exports:cancel': channel<ExportJob>()(s.byJobId),
  /** A finished export's file (base64), handed over once. */
  'exports:take': channel<ExportedFile>()(s.byJobId),
  /** How many of an audience a template's channel reaches, and who is skipped and why. */
  'messages:audience': channel<AudienceSummary>()(s.messagesAudience),
  /** Starts emailing a template to an audience (rate-limited, in the background). */
  'messages:send': channel<SendJob>()(s.messagesSend),
  'messages:job': channel<SendJob>()(s.byJobId),
  /** Stops a send before its next message; what was accepted stays sent. */
  'messages:cancel': channel<SendJob>()(s.byJobId),
  /** A send's recipients and what happened to each, in the audience's order. */
  'messages:results': channel<Page<SendResult>>()(s.messagesResults),
  /** One .eml file per reachable recipient, in one .zip, logged as sent by file. */
  'messages:eml': channel<ExportedFile>()(s.messagesEml),
  /** A recipient/message list for a bulk-SMS panel (.csv or .xlsx), logged per recipient. */
  'messages:sms-list': channel<ExportedFile>()(s.messagesSmsList),
  /** The outgoing mail server settings (never the password). */
  'smtp:get': channel<SmtpSettings>()(s.emptyInput),
  'smtp:save': channel<SmtpSettings>()(s.smtpSave),
  /** Sends a test email with the saved settings; refused with the server's reason. */
  'smtp:test': channel<{ accepted: string[]; response: string }>()(s.smtpTest),
  'import:presets': channel<ImportPreset[]>()(s.emptyInput),
  'import:preset-save': channel<ImportPreset>()(s.presetSave),
  'import:preset-delete': channel<ImportPreset[]>()(s.byId),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.hasOwn(contract, value);
