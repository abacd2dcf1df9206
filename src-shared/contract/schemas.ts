import { z } from 'zod';
import { IMPORT_FIELDS } from '../domain/import-fields.ts';
import type { ImportField } from '../domain/import-fields.ts';
import { isValidGregorianDate } from '../i18n/jalali.ts';

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
