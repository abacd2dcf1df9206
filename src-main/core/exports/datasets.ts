import type { z } from 'zod';
import type { customersList } from '../../../src-shared/contract/schemas.ts';
import type { Locale, Settings, TaskRule } from '../../../src-shared/contract/types.ts';
import { customerQueryFragments } from '../../../src-shared/domain/customer-search.ts';
import { normaliseDigits, toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import { formatPhone } from '../../../src-shared/domain/phone.ts';
import {
  formatDate,
  formatMonth,
  localDateOf,
  moneyAmount,
  moneyUnit,
} from '../../../src-shared/i18n/locale.ts';
import { renderTaskReason } from '../../../src-shared/i18n/task-reason.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import type { CoreContext } from '../context.ts';
import { createZonedClock } from '../zoned-time.ts';
import { findCustomerRowids, parseTags } from '../customers/customers.repository.ts';
import { filterRowids } from '../customers/customers.service.ts';
import { rejectedTable } from '../imports/batches.ts';
import { getKpis } from '../kpis/kpis.service.ts';
import { tierBadgesOf } from '../loyalty/tier-source.ts';
import { listToday } from '../playbook/tasks.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import type { ExportCell, ExportTable } from './table.ts';

/** How an export is written for people: the language of headers and dates, and the digits. */
export type ExportLook = {
  /** Default: the shop's language, else English. */
  locale?: Locale | undefined;
  /** Dates (and, in CSV, numbers) in Persian digits. Default: no, so Excel can compute. */
  persianDigits?: boolean | undefined;
};

/** The formatting every dataset shares: translated headers, dates in the shop's calendar. */
type Look = {
  locale: Locale;
  t: T;
  settings: Settings;
  date: (value: string | null) => string | null;
  money: (minor: number) => number;
  moneyHeader: (header: string) => string;
  yesNo: (value: boolean) => string;
  phone: (e164: string | null) => string | null;
};

// Bidi marks Intl puts in Persian dates: a spreadsheet shows them as boxes or odd spacing.
const BIDI_MARKS_RE = /[\u200e\u200f\u061c\u2066-\u2069]/g;
// The era ICU writes after a Jalali date in English ("11/02/1404 AP"), as formatMonth drops it.
const ERA_RE = /\s*AP$/;

const UTC_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats days and instants (as their day in the shop's zone, read by the zoned clock, which asks
 * Intl once per hour of the timeline) with the formatted text cached per day, since Intl costs
 * most of an export's time otherwise.
 */
export const dayFormatter = (
  formatDay: (day: string) => string,
  timeZone: string,
): ((value: string | null) => string | null) => {
  const texts = new Map<string, string>();
  const clock = createZonedClock(timeZone);
  const text = (day: string) => {
    let formatted = texts.get(day);
    if (formatted === undefined) {
      formatted = formatDay(day);
      texts.set(day, formatted);
    }
    return formatted;
  };
  return (value) => {
    if (value === null) return null;
    if (DAY_RE.test(value)) return text(value);
    if (UTC_INSTANT_RE.test(value)) return text(clock.localDate(Date.parse(value)));
    return text(localDateOf(value, timeZone));
  };
};

const lookOf = async (ctx: CoreContext, options: ExportLook): Promise<Look> => {
  const settings = await getSettings(ctx);
  const locale = options.locale ?? settings.locale ?? 'en';
  const t = createTranslator(locale);
  const persian = options.persianDigits ?? false;
  const digits = (text: string) => (persian ? toPersianDigits(text) : normaliseDigits(text));
  const format = { locale, calendar: settings.calendar, timeZone: settings.timeZone };
  return {
    locale,
    t,
    settings,
    date: dayFormatter(
      (day) =>
        digits(formatDate(day, format, 'short').replace(BIDI_MARKS_RE, '').replace(ERA_RE, '')),
      settings.timeZone,
    ),
    money: (minor) => moneyAmount(minor, settings),
    moneyHeader: (header) => `${header} (${moneyUnit(settings, locale)})`,
    yesNo: (value) => t(value ? 'export.yes' : 'export.no'),
    // National form with its spaces ("0912 123 4567"): text even in a CSV opened in Excel.
    phone: (e164) => (e164 === null ? null : digits(phoneText(e164))),
  };
};

const PAGE = 2000;

const IRANIAN_MOBILE_RE = /^\+989(\d{2})(\d{3})(\d{4})$/;

/**
 * An Iranian mobile as libphonenumber's national format writes it (0912 123 4567) without
 * parsing it, which takes most of an export's time at 100,000 customers; other numbers through
 * formatPhone.
 */
export const phoneText = (e164: string): string => {
  const mobile = IRANIAN_MOBILE_RE.exec(e164);
  return mobile ? `09${mobile[1]} ${mobile[2]} ${mobile[3]}` : formatPhone(e164, 'en');
};

type CustomerExportRecord = {
  rowid: number;
  id: string;
  name: string;
  phone_e164: string | null;
  email: string | null;
  order_count: number;
  total_spent: number;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  tags: string;
  do_not_contact: number;
  archived_at: string | null;
};

export type CustomerExportInput = Omit<z.output<typeof customersList>, 'offset' | 'limit'>;

/**
 * The customer book with the same search, tag, import, RFM segment, tier and archive filters and
 * sort as customers:list, with the columns the list shows plus email, tier and do-not-contact
 * (an export of the owner's own list: do-not-contact is a column, not a filter).
 */
export const customersTable = async (
  ctx: CoreContext,
  input: CustomerExportInput,
  options: ExportLook = {},
): Promise<ExportTable> => {
  const look = await lookOf(ctx, options);
  const { t } = look;
  const archived = input.archived ?? 'exclude';
  const query = {
    fragments: customerQueryFragments(input.search ?? ''),
    sort: input.sort ?? 'name',
    direction: input.direction ?? 'asc',
    tag: input.tag,
    importBatchId: input.importBatchId,
    rowids: await filterRowids(ctx, input),
    archived,
  } as const;
  // The matches in order, searched once (rowids only); their rows are read a page at a time,
  // only the columns exported.
  const rowids = await findCustomerRowids(ctx.database, query);
  const pageStatement = ctx.database.sqlite.prepare(
    `SELECT rowid AS rowid, id, name, phone_e164, email, order_count, total_spent,
       first_purchase_at, last_purchase_at, tags, do_not_contact, archived_at
     FROM customers WHERE rowid IN (SELECT value FROM json_each(?))`,
  );
  const readCustomerPage = (pageRowids: number[]): CustomerExportRecord[] => {
    const byRowid = new Map(
      (pageStatement.all(JSON.stringify(pageRowids)) as CustomerExportRecord[]).map((row) => [
        row.rowid,
        row,
      ]),
    );
    return pageRowids.flatMap((rowid) => byRowid.get(rowid) ?? []);
  };
  const showArchived = archived !== 'exclude';
  const separator = look.locale === 'fa' ? '، ' : ', ';
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for (let offset = 0; offset < rowids.length; offset += PAGE) {
      const page = readCustomerPage(rowids.slice(offset, offset + PAGE));
      const tiers = tierBadgesOf(
        ctx.database.sqlite,
        page.map((row) => row.id),
      );
      for (const row of page) {
        const cells: ExportCell[] = [
          row.name,
          look.phone(row.phone_e164),
          row.email,
          row.order_count,
          look.money(row.total_spent),
          look.date(row.first_purchase_at),
          look.date(row.last_purchase_at),
          tiers.get(row.id)?.name ?? null,
          parseTags(row.tags).join(separator),
          look.yesNo(row.do_not_contact === 1),
        ];
        if (showArchived) cells.push(look.yesNo(row.archived_at !== null));
        yield cells;
      }
    }
  }
  return {
    title: t('nav.customers'),
    locale: look.locale,
    total: rowids.length,
    headers: [
      t('customers.column.name'),
      t('customers.column.phone'),
      t('export.column.email'),
      t('customers.column.orders'),
      look.moneyHeader(t('customers.column.totalSpent')),
      t('customers.column.firstPurchase'),
      t('customers.column.lastPurchase'),
      t('export.column.tier'),
      t('customers.column.tags'),
      t('export.column.doNotContact'),
      ...(showArchived ? [t('export.column.archived')] : []),
    ],
    rows: rows(),
  };
};

type OrderExportRecord = {
  id: string;
  external_id: string | null;
  ordered_at: string;
  local_date: string;
  total: number;
  refunded: number;
  status: 'completed' | 'refunded' | 'partially_refunded' | 'void';
  name: string | null;
  phone_e164: string | null;
  items: string | null;
};

/**
 * Every order, newest first, with its customer and items; read a page at a time by key (not by
 * offset), so the last page costs what the first does.
 */
export const ordersTable = async (
  ctx: CoreContext,
  options: ExportLook = {},
): Promise<ExportTable> => {
  const look = await lookOf(ctx, options);
  const { t } = look;
  const { sqlite } = ctx.database;
  const total = sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  const statement = sqlite.prepare(
    `SELECT o.id, o.external_id, o.ordered_at, o.local_date, o.total, o.refunded, o.status,
       c.name, c.phone_e164,
       (SELECT group_concat(i.product_name || ' × ' || printf('%g', i.quantity), '; ')
          FROM order_items i WHERE i.order_id = o.id) AS items
     FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
     WHERE @after IS NULL OR (o.ordered_at, o.id) < (@afterAt, @after)
     ORDER BY o.ordered_at DESC, o.id DESC LIMIT ${PAGE}`,
  );
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page = statement.all({
        after: after?.id ?? null,
        afterAt: after?.at ?? null,
      }) as OrderExportRecord[];
      for (const order of page) {
        yield [
          order.external_id,
          look.date(order.local_date),
          order.name,
          look.phone(order.phone_e164),
          look.money(order.total),
          look.money(order.refunded),
          look.money(order.total - order.refunded),
          t(`orders.status.${order.status}`),
          order.items,
        ];
      }
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = { at: last.ordered_at, id: last.id };
      // Let the stream drain and other work run between pages.
      await Promise.resolve();
    }
  }
  return {
    title: t('export.title.orders'),
    locale: look.locale,
    total,
    headers: [
      t('export.column.receipt'),
      t('export.column.date'),
      t('export.column.customer'),
      t('customers.column.phone'),
      look.moneyHeader(t('export.column.total')),
      look.moneyHeader(t('export.column.refunded')),
      look.moneyHeader(t('export.column.net')),
      t('export.column.status'),
      t('export.column.items'),
    ],
    rows: rows(),
  };
};

/** The Today list of a day (default today), in its order: most urgent first. */
export const todayTable = async (
  ctx: CoreContext,
  input: {
    date?: string | undefined;
    assigneeId?: string | undefined;
    rule?: TaskRule | undefined;
  },
  options: ExportLook = {},
): Promise<ExportTable> => {
  const look = await lookOf(ctx, options);
  const { t, settings } = look;
  const reasonCtx = { ...settings, locale: look.locale };
  const filters = {
    ...(input.assigneeId && { assigneeId: input.assigneeId }),
    ...(input.rule && { rule: input.rule }),
  };
  const first = await listToday(ctx, {
    ...(input.date && { date: input.date }),
    ...filters,
    limit: 1000,
  });
  async function* rows(): AsyncGenerator<ExportCell[]> {
    let list = first;
    for (let offset = 0; ;) {
      const tasks = list.groups.flatMap((group) => group.tasks);
      for (const task of tasks) {
        yield [
          task.customerName,
          look.phone(task.phone),
          t(`task.priority.${task.priority}`),
          renderTaskReason(task.reason, reasonCtx).replace(BIDI_MARKS_RE, ''),
          look.date(task.dueDate),
          look.yesNo(task.isOverdue),
          task.attempts,
          look.date(task.lastPurchase?.localDate ?? null),
          task.tier,
        ];
      }
      offset += tasks.length;
      if (tasks.length === 0 || offset >= first.counts.open) return;
      list = await listToday(ctx, { date: first.date, ...filters, offset, limit: 1000 });
    }
  }
  return {
    title: t('today.title'),
    locale: look.locale,
    total: first.counts.open,
    headers: [
      t('export.column.customer'),
      t('customers.column.phone'),
      t('export.column.priority'),
      t('export.column.reason'),
      t('export.column.dueDate'),
      t('export.column.overdue'),
      t('export.column.attempts'),
      t('customers.column.lastPurchase'),
      t('export.column.tier'),
    ],
    rows: rows(),
  };
};

/** Insights' monthly cohorts: size and the retention of each month after, in percent. */
export const cohortsTable = async (
  ctx: CoreContext,
  input: { asOf?: string; from?: string; to?: string },
  options: ExportLook = {},
): Promise<ExportTable> => {
  const look = await lookOf(ctx, options);
  const { t, settings } = look;
  const kpis = await getKpis(ctx, input);
  const width = Math.max(0, ...kpis.cohorts.map((cohort) => cohort.retention.length));
  return {
    title: t('export.title.cohorts'),
    locale: look.locale,
    total: kpis.cohorts.length,
    headers: [
      t('export.column.cohort'),
      t('export.column.cohortSize'),
      ...Array.from({ length: width }, (_, k) => `${t('export.column.month', { n: k })} (%)`),
    ],
    rows: kpis.cohorts.map((cohort) => [
      normaliseDigitsUnless(
        options.persianDigits,
        formatMonth(cohort.start, { locale: look.locale, calendar: settings.calendar }),
      ),
      cohort.size,
      ...cohort.retention.map((share) => (share === null ? null : Math.round(share * 1000) / 10)),
    ]),
  };
};

/** Insights' RFM segments and how many customers each holds today. */
export const rfmTable = async (
  ctx: CoreContext,
  options: ExportLook = {},
): Promise<ExportTable> => {
  const look = await lookOf(ctx, options);
  const { t } = look;
  const kpis = await getKpis(ctx, {});
  const segments = Object.entries(kpis.rfmSegments) as [keyof typeof kpis.rfmSegments, number][];
  return {
    title: t('export.title.rfm'),
    locale: look.locale,
    total: segments.length,
    headers: [t('export.column.segment'), t('export.column.customers')],
    rows: segments.map(([segment, count]) => [t(`rfm.segment.${segment}`), count]),
  };
};

/** An import's rejected rows: the file's own columns, then its line number and the reason. */
export const rejectedRowsTable = (ctx: CoreContext, batchId: string): ExportTable => {
  const { fileName, headers, rows } = rejectedTable(ctx.database.sqlite, batchId);
  return {
    title: 'rejected',
    locale: 'en',
    total: rows.length,
    headers,
    rows,
    // The file the rows came from, as the rejected-rows download always named it.
    fileStem: fileName.replace(/\.csv$/, ''),
  };
};

const normaliseDigitsUnless = (persian: boolean | undefined, text: string): string =>
  persian ? toPersianDigits(text) : normaliseDigits(text);
