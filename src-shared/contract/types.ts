/** Data that crosses the bridge between the UI and the core: plain JSON, camelCase. */

import type {
  ColumnMapping,
  ImportField,
  ImportOptions,
  RejectReason,
} from '../domain/import-fields.ts';
import type { FocusFigure } from '../domain/focus-figure.ts';
import type { RfmSegment } from '../domain/kpis.ts';
import type { LoyaltyRules, LoyaltyTier, LoyaltyWindow } from '../domain/loyalty.ts';
import type { CalendarKind, Locale } from '../i18n/locale.ts';
import type {
  MessageChannel,
  Placeholder,
  RecipientValues,
  TemplateError,
  TemplateMoment,
} from '../domain/message-template.ts';
import type { SmsCount } from '../domain/sms.ts';
import type { MessageKey } from '../i18n/messages/index.ts';

export type { CalendarKind, Locale };
export type DisplayUnit = 'toman' | 'rial';
export type PreferredChannel = 'phone' | 'sms' | 'email' | 'none';

export type Settings = {
  shopName: string;
  /** null: follow the operating system's language. */
  locale: Locale | null;
  calendar: CalendarKind;
  /** ISO 4217 code of the stored amounts; Iranian shops store Rial ('IRR'). */
  currency: string;
  /** Only for IRR: show amounts in Toman (÷10) or Rial. */
  displayUnit: DisplayUnit | null;
  timeZone: string;
  /** The first-run choice (demo or own data) has been made. */
  isOnboarded: boolean;
  /** The data is a generated demo shop, which "start with my own data" clears. */
  isDemo: boolean;
  /** Who is working at this computer: recorded on contacts, task changes and survey answers. */
  currentStaffId: string | null;
  /**
   * When the desktop app reminds the owner of the day's follow-ups: 'HH:MM' (24-hour) in the
   * shop's time zone, or null for no reminder.
   */
  reminderTime: string | null;
  /** The figure the owner follows on the Insights screen, with its target; null: none chosen. */
  focusFigure: FocusFigure | null;
};

export type AppInfo = {
  version: string;
  schemaVersion: number;
  databasePath: string;
  /** The OS language, used when settings.locale is null. */
  systemLocale: Locale;
  host: 'desktop' | 'browser';
};

export type CustomerSort =
  'name' | 'phone' | 'orders' | 'totalSpent' | 'firstPurchaseAt' | 'lastPurchaseAt' | 'createdAt';

/** One row of the customer book. Money is integer minor units of settings.currency. */
export type CustomerRow = {
  id: string;
  name: string;
  /** E.164, or null when unknown. */
  phone: string | null;
  email: string | null;
  tags: string[];
  /** Orders with a positive net amount. */
  orders: number;
  /** Σ (total − refunded) of the customer's orders. */
  totalSpent: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  doNotContact: boolean;
  archivedAt: string | null;
  /** The loyalty tier (customers:list sets it; 0 is the base tier). */
  tier?: TierBadge | null;
};

export type Customer = CustomerRow & {
  phoneRaw: string | null;
  birthday: string | null;
  preferredChannel: PreferredChannel;
  notes: string;
  externalIds: { source: string; externalId: string }[];
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type OrderItem = {
  /** 1, 2, … within its order. */
  line: number;
  productName: string;
  sku: string | null;
  category: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
};

export type OrderStatus = 'completed' | 'refunded' | 'partially_refunded' | 'void';

export type Order = {
  id: string;
  source: string;
  externalId: string | null;
  customerId: string | null;
  orderedAt: string;
  localDate: string;
  total: number;
  refunded: number;
  status: OrderStatus;
  staffId: string | null;
  note: string;
  archivedAt: string | null;
  items: OrderItem[];
};

export type InteractionChannel =
  'phone' | 'sms' | 'email' | 'in_person' | 'messenger' | 'note' | 'system';
export type InteractionOutcome =
  'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'call_back_later' | 'not_interested';

export type Interaction = {
  id: string;
  customerId: string;
  channel: InteractionChannel;
  direction: 'inbound' | 'outbound' | 'internal';
  outcome: InteractionOutcome | null;
  note: string;
  staffId: string | null;
  occurredAt: string;
  /** The follow-up task the contact was made for, if any. */
  taskId: string | null;
};

export type CustomerProfile = {
  customer: Customer;
  orders: Order[];
  /** Contacts and events, newest first. */
  timeline: Interaction[];
  /** Follow-up tasks, open first, then newest first. */
  tasks: Task[];
  /** Satisfaction answers, newest first. */
  surveys: SurveyResponse[];
};

export type Page<T> = { rows: T[]; total: number };

export type Staff = { id: string; name: string; role: string | null; archivedAt: string | null };

export type DemoSummary = { customers: number; orders: number; items: number; staff: number };

// --- Sales import (DESIGN.md §5) ---------------------------------------------------------------

export type { ColumnMapping, ImportField, ImportOptions, RejectReason };

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';
export type ImportDelimiter = ',' | ';' | '\t' | '|';

/** A file handed to the core for importing (uploaded in chunks, or a path on the CLI). */
export type UploadedFile = { fileId: string; name: string; size: number };

/** How the file is read: detected on the preview, each overridable. */
export type ImportReadSettings = {
  format: 'delimited' | 'xlsx';
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  sheet: string | null;
  /** Physical line (xlsx: sheet row) of the header row; the data starts after it. */
  headerLine: number;
};

/** Everything the run needs besides the file: the preview's settings as the user confirmed them. */
export type ImportPlan = {
  read: ImportReadSettings;
  mapping: ColumnMapping;
  options: ImportOptions;
};

export type ImportWarning = { code: string; params: Record<string, string | number> };

/** One cell of the live sample: the text and what it will be read as (or why it cannot be). */
export type ImportSampleCell = {
  line: number;
  raw: string;
  /** Display value: an ISO date-time, a number in the file's unit, or the text as stored. */
  parsed: string | null;
  problem: string | null;
};

export type ImportPreview = {
  file: UploadedFile;
  plan: ImportPlan;
  /** What detection found, shown next to the settings the user may change. */
  detected: {
    encoding: ImportEncoding;
    hasBom: boolean;
    delimiter: ImportDelimiter;
    sepLine: boolean;
    calendar: 'persian' | 'gregory' | 'mixed' | null;
    dayOrder: 'dmy' | 'mdy' | null;
    shape: 'line' | 'receipt';
    preset: string | null;
  };
  sheets: string[];
  headers: string[];
  /** The first data rows (up to 50) as read. */
  rows: { line: number; fields: string[] }[];
  /** Per mapped field, the parsed sample of its column. */
  samples: Partial<Record<ImportField, ImportSampleCell[]>>;
  warnings: ImportWarning[];
  /** The same file (by content) was imported before. */
  previousImport: { batchId: string; startedAt: string; status: 'committed' | 'undone' } | null;
};

export type RejectedRow = {
  line: number;
  reason: RejectReason;
  params: Record<string, string | number>;
  /** The reason in English (the CLI's `reason`; the UI translates the code). */
  message: string;
  fields: string[];
};

/** The outcome of a run (dry or real); the field names are the CLI's `--json` keys. */
export type ImportReport = {
  batchId: string | null;
  dryRun: boolean;
  rowsRead: number;
  ordersCreated: number;
  ordersAlreadyPresent: number;
  refundsRecorded: number;
  customersCreated: number;
  customersMatched: number;
  rowsRejected: number;
  /** The first rejected rows (all of them are kept with the batch). */
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  durationMs: number;
  /** The day order the run settled on, when the plan said 'auto'. */
  dayOrder: 'dmy' | 'mdy' | null;
};

export type ImportJobState = 'running' | 'done' | 'failed' | 'cancelled';

export type ImportJob = {
  id: string;
  dryRun: boolean;
  state: ImportJobState;
  phase: 'reading' | 'returns' | 'finishing';
  /** Bytes (xlsx: rows) read so far, of total. */
  position: number;
  total: number;
  rowsRead: number;
  rowsPerSecond: number;
  /** null until there is enough to estimate. */
  secondsLeft: number | null;
  elapsedMs: number;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
};

export type ImportBatch = {
  id: string;
  source: string;
  fileName: string;
  fileSize: number;
  status: 'committed' | 'undone';
  rowsRead: number;
  ordersCreated: number;
  ordersAlreadyPresent: number;
  refundsRecorded: number;
  customersCreated: number;
  customersMatched: number;
  rowsRejected: number;
  durationMs: number;
  createdBy: string;
  startedAt: string;
  undoneAt: string | null;
};

/** A mapping saved under a name: columns by header name, with the read options. */
export type ImportPreset = {
  id: string;
  name: string;
  builtIn: boolean;
  fields: Partial<Record<ImportField, string>>;
  options: Partial<ImportOptions>;
};

// --- The daily follow-up (DESIGN.md §4) --------------------------------------------------------

/** The playbook's rules (DESIGN.md §4), as the CLI's `rule` field names them. */
export type TaskRule =
  | 'post_purchase_checkin'
  | 'first_survey'
  | 'second_purchase_nudge'
  | 'recovery'
  | 'churn_warning'
  | 'vip_opportunity'
  | 'birthday'
  | 'near_next_tier';

export type TaskPriority = 'urgent' | 'high' | 'normal' | 'low';
export type TaskStatus = 'open' | 'done' | 'snoozed' | 'dismissed';

/** How a task was closed. */
export type TaskResolution =
  | 'completed'
  | 'reached'
  /** The customer came back before the follow-up: the evidence for the follow-up effect figure. */
  | 'resolved_by_purchase'
  /** The first survey was answered some other way. */
  | 'answered'
  /** No answer after the last attempt. */
  | 'unreachable'
  | 'wrong_number'
  | 'not_interested'
  | 'dismissed'
  /** A higher-priority task for the same customer replaced it (the frequency cap). */
  | 'superseded'
  | 'do_not_contact'
  /** The moment passed (a birthday). */
  | 'expired'
  /** What it was about is gone (an undone import, a merged or archived customer). */
  | 'obsolete';

export type DismissReason =
  'not_relevant' | 'already_contacted' | 'customer_request' | 'duplicate' | 'other';

export type TaskReasonKey = Extract<MessageKey, `task.reason.${string}`>;

/**
 * Why a task exists, as a message key and its parameters, so it reads naturally in either
 * language (render it with renderTaskReason). Parameters: count (days), product, others (more
 * items), amount (minor units), average (minor units), date (YYYY-MM-DD), gap (days), kind, score,
 * max, comment, tier.
 */
export type TaskReason = { key: TaskReasonKey; params: Record<string, string | number> };

export type Task = {
  id: string;
  customerId: string;
  orderId: string | null;
  rule: TaskRule;
  priority: TaskPriority;
  status: TaskStatus;
  resolution: TaskResolution | null;
  dismissReason: DismissReason | null;
  note: string;
  reason: TaskReason;
  /** YYYY-MM-DD in the shop's time zone. */
  dueDate: string;
  assigneeId: string | null;
  /** Call attempts logged on the task. */
  attempts: number;
  outcome: InteractionOutcome | null;
  snoozedUntil: string | null;
  /** When the customer asked to be called back (an instant). */
  callBackAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: string | null;
};

/** One row of the Today list: the task and what the caller needs to see beside it. */
export type TodayTask = Task & {
  customerName: string;
  /** E.164, or null. */
  phone: string | null;
  email: string | null;
  /** Loyalty tier name, once tiers exist. */
  tier: string | null;
  isOverdue: boolean;
  lastPurchase: {
    orderId: string;
    localDate: string;
    /** Net amount (total − refunded), minor units. */
    amount: number;
    items: { productName: string; quantity: number }[];
  } | null;
  lastContact: {
    occurredAt: string;
    channel: InteractionChannel;
    outcome: InteractionOutcome | null;
    note: string;
    staffId: string | null;
  } | null;
};

export type TodayList = {
  date: string;
  /** done: closed that day; total = done + open. */
  counts: { open: number; overdue: number; done: number; total: number };
  /**
   * Every group of the day's list, by priority (urgent first) then rule: its size (count, overdue)
   * and its tasks on this page (within a group: due date, then oldest first). A list longer than
   * `limit` comes a page at a time (offset); a group outside the page has no tasks here.
   */
  groups: {
    priority: TaskPriority;
    rule: TaskRule;
    count: number;
    overdue: number;
    tasks: TodayTask[];
  }[];
  offset: number;
  limit: number;
};

export type SurveyKind = 'nps' | 'csat';
export type SurveyChannel =
  'phone' | 'in_person' | 'sms' | 'email' | 'messenger' | 'import' | 'other';

export type SurveyResponse = {
  id: string;
  customerId: string;
  kind: SurveyKind;
  /** NPS 0–10, CSAT 1–5. */
  score: number;
  comment: string;
  reasonCategory: string | null;
  collectedVia: SurveyChannel;
  staffId: string | null;
  orderId: string | null;
  interactionId: string | null;
  taskId: string | null;
  answeredAt: string;
  localDate: string;
};

/** What logging a contact or a survey answer did. */
export type ContactResult = {
  interaction: Interaction | null;
  /** The task the call was logged on, after the change. */
  task: Task | null;
  survey: SurveyResponse | null;
  /** The urgent recovery task a low score created at once. */
  recoveryTask: Task | null;
};

export type SurveyRejectedLine = {
  line: number;
  reason:
    | 'missing_customer'
    | 'unknown_customer'
    | 'missing_date'
    | 'bad_date'
    | 'bad_kind'
    | 'bad_score'
    | 'future_date';
  /** In English, naming the value. */
  message: string;
  fields: string[];
};

/** All or nothing: with any rejected line, nothing is written. */
export type SurveyImportReport = {
  fileName: string;
  dryRun: boolean;
  written: boolean;
  rowsRead: number;
  imported: number;
  /** Answers imported before (same customer, kind, day, score and comment). */
  alreadyPresent: number;
  recoveryTasksCreated: number;
  rejected: SurveyRejectedLine[];
};

export type RuleSetting = { enabled: boolean };

/** The playbook's parameters (DESIGN.md §4); every rule can be switched off. */
export type PlaybookSettings = {
  /** At most one planned contact per customer in this many days. */
  frequencyCapDays: number;
  /** A run also plans what came due in this many days before it (the app was not opened). */
  catchUpDays: number;
  /** Call attempts before a task with no answer closes as unreachable. */
  maxAttempts: number;
  /** Days of the week with no calls (0 = Sunday); null: by the shop's time zone. */
  weekendDays: number[] | null;
  rules: {
    post_purchase_checkin: RuleSetting & { days: number };
    first_survey: RuleSetting & { days: number };
    second_purchase_nudge: RuleSetting & { fromDays: number; toDays: number };
    recovery: RuleSetting & { npsMax: number; csatMax: number };
    churn_warning: RuleSetting & { days: number; gapFactor: number };
    vip_opportunity: RuleSetting & {
      percentile: number;
      windowDays: number;
      ownAverageFactor: number;
    };
    birthday: RuleSetting & { daysBefore: number };
    near_next_tier: RuleSetting & { withinPercent: number };
  };
};

export type PlaybookSettingsPatch = Partial<Omit<PlaybookSettings, 'rules'>> & {
  rules?: { [R in keyof PlaybookSettings['rules']]?: Partial<PlaybookSettings['rules'][R]> };
};

export type PlaybookRunReport = {
  date: string;
  created: number;
  createdByRule: Partial<Record<TaskRule, number>>;
  closed: Partial<Record<TaskResolution, number>>;
  /** Candidates not planned: already planned before, over the frequency cap, or outranked. */
  skipped: { alreadyPlanned: number; frequencyCap: number; outranked: number };
  durationMs: number;
};

// --- Loyalty (DESIGN.md §2) --------------------------------------------------------------------

export type { LoyaltyRules, LoyaltyTier, LoyaltyWindow };

/** A tier as a badge: its id, name and place (0 is the base tier, which everyone starts in). */
export type TierBadge = { id: string; name: string; rank: number };

/** A tier with its threshold (minor units of net spend in the window) and its customers. */
export type TierCount = TierBadge & { threshold: number; customers: number };

/**
 * How many customers each tier holds, as of a day: the tiers as they stand (loyalty:distribution)
 * or as rules not yet saved would place them (loyalty:preview). Every identified customer who has
 * not been merged into another is in exactly one tier; customers = Σ tiers' customers.
 */
export type TierDistribution = { asOf: string; customers: number; tiers: TierCount[] };

/** A customer close to the tier above theirs (DESIGN.md §4, near next tier). */
export type NearTierCustomer = {
  customerId: string;
  name: string;
  /** E.164, or null. */
  phone: string | null;
  tier: TierBadge;
  next: TierBadge & { threshold: number };
  /** Net spend in the window, and what is still missing to reach the next tier. */
  spend: number;
  missing: number;
};

export type PointsEntryKind = 'earn' | 'adjust' | 'redeem' | 'expire' | 'reversal';
/**
 * Why a points row exists: an order's net amount (order), a refund that lowered it (refund), the
 * order undone, voided or archived (order_removed), the order moved to another customer
 * (order_moved), points that expired (expiry), a merged duplicate's balance (merge), or staff.
 */
export type PointsEntryCause =
  'order' | 'refund' | 'order_removed' | 'order_moved' | 'expiry' | 'merge' | 'manual';

/** One row of a customer's points ledger (append-only: a correction is a new row). */
export type PointsEntry = {
  id: string;
  kind: PointsEntryKind;
  cause: PointsEntryCause;
  /** Positive adds, negative takes away. */
  points: number;
  /** Order rows: the change of the order's net amount these points are for (minor units). */
  spend: number;
  /**
   * The staff's words (adjustments and redemptions); for a merge, the other customer's name;
   * '' otherwise.
   */
  reason: string;
  orderId: string | null;
  /** The import batch of the order, or of the refund or undo that changed it. */
  batchId: string | null;
  staffId: string | null;
  /** The day it counts from (an earning: the order's day). */
  localDate: string;
  /** The day these points expire, for earnings under an expiry rule. */
  expiresOn: string | null;
  createdAt: string;
};

export type TierChangeCause = 'spend' | 'hold_ended' | 'orders_changed' | 'rules_changed';

/** A change of a customer's tier, as the recomputation saw it. */
export type TierChange = {
  id: string;
  tier: TierBadge;
  /** null: the customer's first tier above the base. */
  from: TierBadge | null;
  /** The latest purchase day on which the tier was reached (null for the base tier). */
  reachedOn: string | null;
  /** The tier is kept until this day (12 months from reaching it). */
  heldUntil: string | null;
  /** The day the change was recorded. */
  changedOn: string;
  cause: TierChangeCause;
};

/** A customer's loyalty: tier, how it is held, the next tier, points and their ledger. */
export type LoyaltyCustomer = {
  customerId: string;
  /** The day the tier was last computed for (null: not yet). */
  asOf: string | null;
  window: LoyaltyWindow;
  tier: TierBadge;
  /** Net spend in the window as of asOf. */
  spend: number;
  reachedOn: string | null;
  heldUntil: string | null;
  next: { tier: TierBadge & { threshold: number }; missing: number; isNear: boolean } | null;
  balance: number;
  /** Newest first (at most 200 rows). */
  ledger: PointsEntry[];
  /** Newest first. */
  history: TierChange[];
};

// --- Retention figures (DESIGN.md §3) -----------------------------------------------------------

export type { RfmSegment };
export type { FocusFigure };

/** A monthly cohort: the customers whose first purchase fell in the month (user's calendar). */
export type KpiCohort = {
  /** The month in the user's calendar, 'YYYY-MM' (Jalali 1404-07, or Gregorian 2025-10). */
  cohort: string;
  /** Its first and last day (Gregorian YYYY-MM-DD). */
  start: string;
  end: string;
  size: number;
  /**
   * retention[k]: the share of the cohort with a purchase day in month cohort + k, up to the
   * month of the as-of date (k = 0 is 1); null for an empty cohort.
   */
  retention: (number | null)[];
};

/** 90-day repeat rate of a group of new customers. */
export type KpiGroup = { customers: number; repeatRate90: number | null };

/**
 * Every figure of DESIGN.md §3 as of a day, for a period; the field names are the CLI's `--json`
 * keys. Shares are fractions 0…1; money is integer minor units of settings.currency (averages are
 * not rounded); a figure whose population is empty is null, never 0. "(P)": over the period
 * [from, min(to, asOf)].
 */
export type Kpis = {
  asOf: string;
  from: string;
  to: string;
  calendar: CalendarKind;
  /** Identified customers with a purchase day on or before asOf. */
  customers: number;
  /** (P) Customers whose first purchase falls in the period. */
  newCustomers: number;
  /** (P) Of the new customers whose first purchase is ≥ 90 days before asOf: no return in 90 days. */
  newCustomerChurn90: number | null;
  /** 1 − newCustomerChurn90. */
  repeatRate90: number | null;
  /** The new customers newCustomerChurn90 is over. */
  churn90Customers: number;
  /** Customers with ≥ 2 purchase days ÷ customers (as of asOf). */
  repeatPurchaseRate: number | null;
  /** (P) Customers who bought in the period and had a purchase day before it ÷ those who bought. */
  returningCustomerRate: number | null;
  /** (P) Identified customers who bought (had a purchase day) in the period. */
  activeCustomers: number;
  /** (P) Of them, those with a purchase day before the period. */
  returningCustomers: number;
  /** (P) Σ net amount (total − refunded) of orders, walk-ins included. */
  revenue: number;
  /** (P) Orders with a positive net amount, walk-ins included. */
  orders: number;
  averageOrderValue: number | null;
  /** (P) Purchase days of identified customers ÷ identified customers who bought. */
  purchaseFrequency: number | null;
  /** (P) Purchase days of identified customers. */
  purchaseDays: number;
  /** Median of (first return − first purchase) in days, over customers who have returned. */
  medianDaysToSecondPurchase: number | null;
  /** Mean net revenue per customer in the 365 days from their first purchase (inclusive). */
  historicClv12m: number | null;
  /** The customers historicClv12m is over (first purchase ≥ 365 days before asOf). */
  clvCustomers: number;
  /** (P) Σ refunded ÷ Σ gross of orders. */
  refundRate: number | null;
  grossSales: number;
  refunded: number;
  /** (P) % of NPS answers 9–10 − % of answers 0–6, an integer −100…100. */
  nps: number | null;
  npsResponses: number;
  /** (P) Share of CSAT answers scoring 4 or 5. */
  csat: number | null;
  csatResponses: number;
  /** The months of the period, each a cohort with its retention by month. */
  cohorts: KpiCohort[];
  /** Customers per RFM segment (as of asOf). */
  rfmSegments: Record<RfmSegment, number>;
  rfm: {
    /** 'fixed' thresholds below 100 customers, else quintiles. */
    method: 'quintiles' | 'fixed';
    customers: number;
    /** grid[r − 1][f − 1]: customers by recency score r and frequency score f. */
    grid: number[][];
  };
  /**
   * (P) Among the new customers of newCustomerChurn90: those reached by their post-purchase
   * check-in (a call logged as reached on that task, on or before asOf) against the rest.
   */
  followUpEffect: { reached: KpiGroup; notReached: KpiGroup };
  /**
   * Loyalty members vs others: customers whose current tier is above the base tier against the
   * rest. customers and repeatRate90 are over the churn cohort of newCustomerChurn90 (P);
   * allCustomers and repeatPurchaseRate over the customers as of asOf.
   */
  loyaltyMembers: { members: KpiLoyaltyGroup; others: KpiLoyaltyGroup };
};

/** A loyalty group: its 90-day repeat rate (new customers of P) and repeat purchase rate. */
export type KpiLoyaltyGroup = KpiGroup & {
  allCustomers: number;
  repeatPurchaseRate: number | null;
};

/**
 * The figures of Kpis that come from a period's days alone (no cohorts, RFM, median or follow-up
 * effect): the Insights screen's comparison with the previous period.
 */
export type KpiPeriodFigures = Omit<
  Kpis,
  | 'asOf'
  | 'from'
  | 'to'
  | 'calendar'
  | 'medianDaysToSecondPurchase'
  | 'cohorts'
  | 'rfmSegments'
  | 'rfm'
  | 'followUpEffect'
  | 'loyaltyMembers'
>;

/**
 * One month of the user's calendar in the monthly series: the figures of DESIGN.md §3 with the
 * month as the period and its last day (or the as-of day, if earlier) as T, exactly as Kpis
 * defines them. Shares are fractions; empty populations give null.
 */
export type KpiMonth = {
  /** 'YYYY-MM' in the user's calendar; start and end are its Gregorian first and last days. */
  month: string;
  start: string;
  end: string;
  newCustomers: number;
  revenue: number;
  orders: number;
  averageOrderValue: number | null;
  /** As of the month's end: customers, and the share of them with ≥ 2 purchase days. */
  customers: number;
  repeatPurchaseRate: number | null;
  /** Customers who bought in the month, those with a purchase day before it, and their share. */
  activeCustomers: number;
  returningCustomers: number;
  returningCustomerRate: number | null;
  nps: number | null;
  npsResponses: number;
  csat: number | null;
  csatResponses: number;
  /**
   * The month's cohort of new customers whose first purchase is ≥ 90 days before the as-of day,
   * and the share of them with no return within 90 days (null: none yet, or all too recent).
   */
  churn90Customers: number;
  newCustomerChurn90: number | null;
  repeatRate90: number | null;
};

/** NPS and CSAT (P) of the answers one staff member recorded (staffId null: nobody recorded). */
export type KpiStaffScores = {
  staffId: string | null;
  name: string | null;
  nps: number | null;
  npsResponses: number;
  csat: number | null;
  csatResponses: number;
};

/** The Insights screen's series for a period: month by month, and per staff member. */
export type KpiSeries = {
  asOf: string;
  from: string;
  to: string;
  calendar: CalendarKind;
  /** Every whole month of the user's calendar the period touches, up to the as-of day. */
  months: KpiMonth[];
  /** (P) By staff member, most answers first. */
  staff: KpiStaffScores[];
  /**
   * The as-of figures on the day before the period (what the previous period ended with), to
   * compare the as-of day's with.
   */
  beforePeriod: { asOf: string; customers: number; repeatPurchaseRate: number | null };
  /**
   * The same number of days just before the period (up to the as-of day), and its figures as
   * kpis:get gives them for it: what the headline figures are compared with.
   */
  previous: { from: string; to: string; figures: KpiPeriodFigures };
};

// --- Message templates (DESIGN.md §6) -----------------------------------------------------------

export type { MessageChannel, Placeholder, TemplateMoment };

export type MessageTemplate = {
  id: string;
  name: string;
  channel: MessageChannel;
  locale: Locale;
  /** The email's subject; null for SMS. */
  subject: string | null;
  body: string;
  /** The playbook moment a default was written for; null for the owner's own templates. */
  moment: TemplateMoment | null;
  createdAt: string;
  updatedAt: string;
};

/** A template filled for one customer, as the editor's live preview shows it. */
export type TemplatePreview = {
  customerId: string;
  subject: string | null;
  body: string;
  /** Placeholders this customer cannot fill (left empty): the UI warns. */
  missing: Placeholder[];
  /** Names in braces that are not placeholders, in the subject or the body. */
  errors: (TemplateError & { field: 'subject' | 'body' })[];
  /** For SMS, the parts the filled message takes; null for email. */
  sms: SmsCount | null;
  /** What was known about the customer (pointsToNextTier: spend still missing, minor units). */
  values: RecipientValues;
};

/** A list being exported (exports:start): rows written so far, then the file to take. */
export type ExportJob = {
  id: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  fileName: string;
  rows: number;
  /** The rows there will be, once known. */
  total: number | null;
  error: { code: string; message: string } | null;
};

/** An exported file to save (exports:take, messages:eml, messages:sms-list): bytes in base64. */
export type ExportedFile = {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
};

// --- Messages: audiences, email over SMTP, .eml files, SMS lists (DESIGN.md §6) ----------------

/** How many customers an audience holds, and how many a template's channel can reach. */
export type AudienceSummary = {
  total: number;
  /** Not do-not-contact, and with an address for the channel (email, or a mobile for SMS). */
  sendable: number;
  skipped: { doNotContact: number; noAddress: number };
};

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** The shop's outgoing mail server, as settings show it: never the password itself. */
export type SmtpSettings = {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  fromAddress: string;
  fromName: string;
  /** Whether a password is kept (it is never sent back). */
  passwordSaved: boolean;
  /** Where it is kept: encrypted by the operating system (desktop), or in memory for this run. */
  passwordStorage: 'encrypted' | 'memory';
  /** False until a host and a sender address are saved. */
  configured: boolean;
};

export type SendResultStatus =
  'pending' | 'sent' | 'skipped_do_not_contact' | 'skipped_no_address' | 'failed' | 'cancelled';

/** One recipient of a send: sent only once the server accepted it. */
export type SendResult = {
  customerId: string;
  name: string;
  address: string | null;
  status: SendResultStatus;
  /** The server's reason for a failure (its reply, or the connection error). */
  reason: string | null;
};

/** A send in the background (messages:send); poll messages:job, page messages:results. */
export type SendJob = {
  id: string;
  templateId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  /** Recipients handled so far (sent, skipped or failed). */
  position: number;
  sent: number;
  skipped: number;
  failed: number;
  ratePerMinute: number;
  startedAt: string;
  finishedAt: string | null;
  secondsLeft: number | null;
  error: { code: string; message: string } | null;
};
