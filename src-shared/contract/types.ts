/** Data that crosses the bridge between the UI and the core: plain JSON, camelCase. */

import type {
  ColumnMapping,
  ImportField,
  ImportOptions,
  RejectReason,
} from '../domain/import-fields.ts';
import type { CalendarKind, Locale } from '../i18n/locale.ts';

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
};

export type CustomerProfile = {
  customer: Customer;
  orders: Order[];
  /** Contacts and events, newest first. */
  timeline: Interaction[];
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
