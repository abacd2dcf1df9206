/**
 * The demo shop: three years of a believable shop's customers, orders and staff, generated from a
 * seed so the same options always give byte-identical data (ids included).
 *
 * The model, in short: new customers arrive at a growing rate with seasonal peaks; most of them
 * (about 60 %) buy once and never return, about a third come back now and then (every month or
 * two, until they drift away) and a loyal core of about 10 % come every week or two. Repeat
 * visits run on "shop time" (busyness-weighted days), so they too cluster before Nowruz or
 * Christmas and thin out on quiet weekdays. Walk-in sales without a customer make up a tenth of
 * the orders. Together that is about ten orders per customer: 100,000 customers, a million orders.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { DemoSummary } from '../../../src-shared/contract/types.ts';
import {
  buildCustomerSearchText,
  customerSortKey,
} from '../../../src-shared/domain/customer-search.ts';
import { toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import { rebuildAllCustomerStats } from '../customers/customer-stats.ts';
import { buildCalendar, formatDayNumber, SEASONS } from './calendar.ts';
import type { DemoCalendar } from './calendar.ts';
import { CATALOGUES } from './catalogue.ts';
import { isoInstantFormatter, uuidv7Factory } from './fast-ids.ts';
import type { Catalogue, DemoLocale, Name } from './catalogue.ts';
import { batchInsert } from '../../db/batch-insert.ts';
import { createRng, cumulativeWeights, searchCumulative } from './rng.ts';
import type { Rng } from './rng.ts';

/** Amounts are written in IRR (Rial) for fa and GBP (pence) for en; settings are the caller's. */
export type DemoOptions = {
  customers: number;
  seed: number;
  locale: DemoLocale;
  /** YYYY-MM-DD: the shop's "today". The generated sales end the day before. */
  asOf: string;
  /** IANA zone of the shop, e.g. 'Asia/Tehran' or 'Europe/London'. */
  timeZone: string;
};

export const DEMO_SOURCE = 'demo';
export const MAX_DEMO_CUSTOMERS = 1_000_000;

const DAY_MS = 86_400_000;

const MODEL = {
  oneTimeShare: 0.57,
  loyalShare: 0.1,
  /** New customers per day at the end of the span, relative to its start. */
  acquisitionGrowth: 1.6,
  /** Gaps between visits in busyness-weighted days; stop: chance of drifting away after a visit. */
  occasional: { medianGap: 40, sigma: 0.5, minGap: 14, maxGap: 365, stop: 0.07, shape: 2 },
  loyal: { medianGap: 10, sigma: 0.5, minGap: 3, maxGap: 40, stop: 0.004, shape: 3 },
  walkInShare: 0.1,
  refundShare: 0.03,
  fullRefundShare: 0.01,
  /** Chance that a line comes from one of the customer's favourite categories. */
  favouriteShare: 0.55,
  /** Price rises per year: the catalogue holds today's prices. */
  inflation: { fa: 0.35, en: 0.04 } as Readonly<Record<DemoLocale, number>>,
};

const ONE_TIME = 0;
const OCCASIONAL = 1;
const LOYAL = 2;

/**
 * Writes a whole demo shop (staff, customers, orders, order items) into an empty database in one
 * transaction, then rebuilds the customers' cached figures. All or nothing: on any error nothing
 * is left behind. onProgress reports orders written, about every 1 %.
 */
export const generateDemoShop = (
  sqlite: BetterSqlite3.Database,
  options: DemoOptions,
  onProgress?: (done: number, total: number) => void,
): DemoSummary => {
  validate(options);
  const calendar = buildCalendar(options.asOf, options.timeZone, options.locale);
  const catalogue = CATALOGUES[options.locale];
  const plan = planOrders(calendar, options);

  let summary: DemoSummary | undefined;
  withBulkLoadSettings(sqlite, () => {
    sqlite.transaction(() => {
      const existing = sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders)
             + (SELECT count(*) FROM staff) AS n`,
        )
        .get() as { n: number };
      if (existing.n > 0) {
        throw new AppError(
          'conflict',
          'This database already holds customers or orders; a demo shop needs an empty database.',
          { reason: 'not_empty' },
        );
      }
      const deferred = dropSecondaryIndexes(sqlite, ['customers', 'orders']);
      summary = writeShop(sqlite, calendar, catalogue, plan, options, onProgress);
      rebuildAllCustomerStats(sqlite);
      for (const sql of deferred) sqlite.exec(sql);
    })();
  });
  if (!summary) throw new AppError('internal', 'The demo shop was not written.');
  return summary;
};

/**
 * Runs a bulk write of rows that are consistent by construction with two connection settings
 * eased, both restored afterwards:
 * - a rollback journal instead of WAL: WAL writes every page twice, to the log and again into the
 *   database at the checkpoint, a gigabyte more for the largest demo; a rollback journal only
 *   copies pages that existed before, and an empty database has next to none;
 * - no foreign-key checks: every key written here was made here a moment before, and a lookup per
 *   row is about a quarter of the insert time. The test checks the result with foreign_key_check.
 * Either switch is refused inside a transaction (and the journal one while another connection has
 * the file open); the write then runs as it is, and a WAL log is folded back into the database at
 * the end rather than left at full size beside it.
 */
const withBulkLoadSettings = (sqlite: BetterSqlite3.Database, work: () => void): void => {
  let isJournalSwitched = false;
  let isForeignKeysSwitched = false;
  if (!sqlite.inTransaction) {
    if (sqlite.pragma('journal_mode', { simple: true }) === 'wal') {
      try {
        isJournalSwitched = sqlite.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
      } catch {
        isJournalSwitched = false;
      }
    }
    if (sqlite.pragma('foreign_keys', { simple: true }) === 1) {
      sqlite.pragma('foreign_keys = OFF');
      isForeignKeysSwitched = true;
    }
  }
  try {
    work();
  } finally {
    if (isForeignKeysSwitched) sqlite.pragma('foreign_keys = ON');
    if (isJournalSwitched) sqlite.pragma('journal_mode = WAL');
    else if (!sqlite.inTransaction) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
};

/**
 * Drops the tables' non-unique indexes and returns their exact CREATE statements, to be run once
 * the rows are in. Orders arrive in time order, so an index by customer (and the customers' own
 * indexes, which the figures rebuild rewrites) would take a million inserts at random places; a
 * CREATE INDEX afterwards sorts once and is several times faster. Unique indexes stay: they guard
 * the data while it is written. Inside the transaction, so the schema is never seen without them.
 */
const dropSecondaryIndexes = (
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
): string[] => {
  const list = sqlite.prepare(
    `SELECT name, sql FROM sqlite_schema
     WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
     ORDER BY rowid`,
  );
  const statements: string[] = [];
  for (const table of tables) {
    for (const index of list.all(table) as { name: string; sql: string }[]) {
      sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      statements.push(index.sql);
    }
  }
  return statements;
};

const validate = (options: DemoOptions): void => {
  const { customers, seed, locale } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_DEMO_CUSTOMERS) {
    throw new AppError(
      'bad_input',
      `customers must be a whole number from 1 to ${MAX_DEMO_CUSTOMERS}, not ${customers}.`,
    );
  }
  if (!Number.isInteger(seed)) throw new AppError('bad_input', `seed must be an integer: ${seed}.`);
  if (locale !== 'fa' && locale !== 'en') {
    throw new AppError('bad_input', `locale must be 'fa' or 'en', not '${String(locale)}'.`);
  }
};

// ---------------------------------------------------------------------------------------------
// 1. When does everyone buy? Plain typed arrays, then one numeric sort into time order, so that
//    invoice numbers and UUIDv7 keys rise with time as they would in a real shop.

type OrderPlan = {
  count: number;
  /** Customer index per order, −1 for a walk-in sale. */
  customer: Int32Array;
  day: Uint16Array;
  /** Second of the local day. */
  second: Int32Array;
  /** Order indices in time order. */
  sorted: Uint32Array;
  segment: Uint8Array;
};

const planOrders = (calendar: DemoCalendar, options: DemoOptions): OrderPlan => {
  const rng = createRng(options.seed, 1);
  const days = calendar.length;
  const busyness = calendar.busyness;

  const arrivalWeights = new Float64Array(days);
  const shopTime = new Float64Array(days);
  let clock = 0;
  for (let k = 0; k < days; k += 1) {
    const busy = busyness[k] ?? 0;
    arrivalWeights[k] = busy * MODEL.acquisitionGrowth ** (k / days);
    clock += busy;
    shopTime[k] = clock;
  }
  const arrivals = cumulativeWeights(arrivalWeights);
  const endOfTime = clock;

  let capacity = Math.max(1024, options.customers * 12);
  let customer = new Int32Array(capacity);
  let day = new Uint16Array(capacity);
  let count = 0;
  const push = (customerIndex: number, dayIndex: number): void => {
    if (count === capacity) {
      capacity = Math.ceil(capacity * 1.5);
      const grownCustomer = new Int32Array(capacity);
      grownCustomer.set(customer);
      customer = grownCustomer;
      const grownDay = new Uint16Array(capacity);
      grownDay.set(day);
      day = grownDay;
    }
    customer[count] = customerIndex;
    day[count] = dayIndex;
    count += 1;
  };

  const segment = new Uint8Array(options.customers);
  for (let c = 0; c < options.customers; c += 1) {
    const draw = rng.next();
    const kind =
      draw < MODEL.oneTimeShare ? ONE_TIME : draw < 1 - MODEL.loyalShare ? OCCASIONAL : LOYAL;
    segment[c] = kind;
    let t = rng.weighted(arrivals);
    // The loyal core is mostly people who found the shop early and stayed.
    if (kind === LOYAL) t = Math.min(t, rng.weighted(arrivals));
    push(c, t);
    if (kind === ONE_TIME) continue;
    const habit = kind === LOYAL ? MODEL.loyal : MODEL.occasional;
    const meanGap = Math.min(
      habit.maxGap,
      Math.max(habit.minGap, rng.logNormal(habit.medianGap, habit.sigma)),
    );
    for (;;) {
      if (rng.chance(habit.stop)) break;
      const target = (shopTime[t] ?? 0) + Math.max(1, rng.gamma(habit.shape, meanGap));
      if (target >= endOfTime) break;
      // The first day whose shop time passes the target: closed days are never chosen.
      t = searchCumulative(shopTime, target);
      push(c, t);
    }
  }

  const identified = count;
  const walkIns = Math.round((identified * MODEL.walkInShare) / (1 - MODEL.walkInShare));
  for (let i = 0; i < walkIns; i += 1) push(-1, rng.weighted(arrivals));

  const second = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const hours = calendar.openingHours[calendar.hoursKind[day[i] ?? 0] ?? 0];
    if (!hours) throw new Error('missing opening hours');
    second[i] = rng.weighted(hours) * 3600 + rng.int(0, 3599);
  }

  // Time and index packed into one exactly representable number: a plain numeric sort.
  const scale = 2 ** Math.ceil(Math.log2(count + 1));
  if ((days * 86_400 + 1) * scale > Number.MAX_SAFE_INTEGER) {
    throw new AppError('bad_input', 'Too many orders for one demo shop.');
  }
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    keys[i] = ((day[i] ?? 0) * 86_400 + (second[i] ?? 0)) * scale + i;
  }
  keys.sort();
  const sorted = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const key = keys[i] ?? 0;
    sorted[i] = key - Math.floor(key / scale) * scale;
  }
  return { count, customer: customer.subarray(0, count), day, second, sorted, segment };
};

// ---------------------------------------------------------------------------------------------
// 2. What do they buy, who are they? Drawn in time order while writing.

type Variant = { name: string; sku: string; category: string; categoryIndex: number };

type Shelf = {
  variants: Variant[];
  isConsumable: Uint8Array;
  /** Price (minor units) of variant v in month m at index m * variants.length + v. */
  prices: Float64Array;
  /** Cumulative popularity per season (index into SEASONS), over all variants. */
  bySeason: Float64Array[];
  /** The same per season and category: bySeasonCategory[season][category]. */
  bySeasonCategory: Float64Array[][];
  categories: string[];
  categoryPopularity: Float64Array;
};

const MONTH_DAYS = 30;

const stockShelf = (catalogue: Catalogue, locale: DemoLocale, days: number): Shelf => {
  const variants: Variant[] = [];
  const basePrices: number[] = [];
  const consumable: number[] = [];
  const popularity: number[] = [];
  const productSeason: (string | null)[] = [];
  const categories: string[] = [];
  for (const product of catalogue.products) {
    let categoryIndex = categories.indexOf(product.category);
    if (categoryIndex < 0) categoryIndex = categories.push(product.category) - 1;
    // A price range is the product's sizes or designs: two or three fixed price points.
    const points = product.maxPrice / product.minPrice < 1.3 ? 2 : 3;
    for (let j = 0; j < points; j += 1) {
      variants.push({
        name: product.name,
        sku: `${product.sku}-${j + 1}`,
        category: product.category,
        categoryIndex,
      });
      basePrices.push(
        product.minPrice + ((product.maxPrice - product.minPrice) * j) / (points - 1),
      );
      consumable.push(product.isConsumable ? 1 : 0);
      popularity.push((product.popularity / points) * (j === 0 ? 1.3 : j === points - 1 ? 0.7 : 1));
      productSeason.push(product.season ?? null);
    }
  }

  const months = Math.ceil(days / MONTH_DAYS);
  const prices = new Float64Array(months * variants.length);
  const yearlyRise = 1 + MODEL.inflation[locale];
  for (let m = 0; m < months; m += 1) {
    // Repriced monthly; the last month's prices are the catalogue's.
    const factor = yearlyRise ** (((m - (months - 1)) * MONTH_DAYS) / 365);
    for (let v = 0; v < variants.length; v += 1) {
      prices[m * variants.length + v] = roundPrice((basePrices[v] ?? 0) * factor, locale);
    }
  }

  const weightsFor = (season: string | null, categoryIndex: number | null): Float64Array =>
    cumulativeWeights(
      variants.map((variant, v) => {
        if (categoryIndex !== null && variant.categoryIndex !== categoryIndex) return 0;
        const own = productSeason[v];
        const seasonal = own === null ? 1 : own === season ? 6 : 0.05;
        return (popularity[v] ?? 0) * seasonal;
      }),
    );
  const categoryPopularity = new Float64Array(categories.length);
  variants.forEach((variant, v) => {
    categoryPopularity[variant.categoryIndex] =
      (categoryPopularity[variant.categoryIndex] ?? 0) + (popularity[v] ?? 0);
  });

  return {
    variants,
    isConsumable: Uint8Array.from(consumable),
    prices,
    bySeason: SEASONS.map((season) => weightsFor(season, null)),
    bySeasonCategory: SEASONS.map((season) => categories.map((_, c) => weightsFor(season, c))),
    categories,
    categoryPopularity: cumulativeWeights(categoryPopularity),
  };
};

/**
 * Shop prices in minor units: Toman rounded to 5,000/10,000/50,000 steps and stored as Rial
 * (× 10); pence as £x.99 below £20 and whole pounds above.
 */
const roundPrice = (value: number, locale: DemoLocale): number => {
  if (locale === 'fa') {
    const step = value >= 1_000_000 ? 50_000 : value >= 200_000 ? 10_000 : 5_000;
    return Math.max(step, Math.round(value / step) * step) * 10;
  }
  if (value < 2000) return Math.max(99, Math.round(value / 50) * 50 - 1);
  return Math.round(value / 100) * 100;
};

/** A goodwill credit: 10,000 Toman (100,000 Rial) or 50p steps. */
const roundCredit = (value: number, locale: DemoLocale): number => {
  const step = locale === 'fa' ? 100_000 : 50;
  return Math.max(step, Math.round(value / step) * step);
};

const ITEM_COUNTS = cumulativeWeights([0, 0.55, 0.27, 0.12, 0.06]);
const CONSUMABLE_QUANTITIES = cumulativeWeights([0, 0.6, 0.25, 0.1, 0.03, 0.01, 0.01]);
const REFUND_DAYS_MAX = 14;
/** Orders per round of multi-row inserts. */
const FLUSH_EVERY = 32;

type Person = {
  name: string;
  phoneE164: string | null;
  phoneRaw: string | null;
  email: string | null;
  birthday: string | null;
  channel: 'phone' | 'sms' | 'email' | 'none';
  doNotContact: boolean;
  tags: string[];
  notes: string;
  isWholesale: boolean;
  favourites: [number, number];
};

type People = {
  create: (isLoyal: boolean) => Person;
};

const meetPeople = (
  catalogue: Catalogue,
  locale: DemoLocale,
  rng: Rng,
  asOfYear: number,
  shelf: Shelf,
): People => {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const prefixWeights = cumulativeWeights(catalogue.mobilePrefixes.map(([, weight]) => weight));
  const domainWeights = cumulativeWeights(catalogue.emailDomains.map(([, weight]) => weight));
  const isFa = locale === 'fa';
  const countryCode = isFa ? '98' : '44';

  const makePhone = (): { e164: string; raw: string } => {
    for (;;) {
      const prefix = catalogue.mobilePrefixes[rng.weighted(prefixWeights)]?.[0] ?? '';
      let subscriber = '';
      for (let i = 0; i < catalogue.mobileSubscriberDigits; i += 1) subscriber += rng.int(0, 9);
      const national = prefix + subscriber;
      const e164 = `+${countryCode}${national.slice(1)}`;
      if (phones.has(e164)) continue;
      phones.add(e164);
      return { e164, raw: typedPhone(national, rng.next()) };
    }
  };

  // How people write their number on a form or how a POS stored it.
  const typedPhone = (national: string, draw: number): string => {
    if (isFa) {
      const spaced = `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
      if (draw < 0.55) return national;
      if (draw < 0.75) return spaced;
      if (draw < 0.85) return `+98 ${spaced.slice(1)}`;
      if (draw < 0.9) return spaced.slice(1);
      return toPersianDigits(national);
    }
    const spaced = `${national.slice(0, 5)} ${national.slice(5)}`;
    if (draw < 0.5) return spaced;
    if (draw < 0.8) return national;
    return `+44 ${spaced.slice(1)}`;
  };

  const makeEmail = (first: Name, last: Name, birthYear: number): string => {
    const domain = catalogue.emailDomains[rng.weighted(domainWeights)]?.[0] ?? 'gmail.com';
    const draw = rng.next();
    let local =
      draw < 0.35
        ? `${first.latin}.${last.latin}`
        : draw < 0.6
          ? `${first.latin}${last.latin}${String(birthYear).slice(2)}`
          : draw < 0.8
            ? `${first.latin.charAt(0)}${last.latin}`
            : `${first.latin}_${rng.int(1, 999)}`;
    let email = `${local}@${domain}`;
    while (emails.has(email)) {
      local = `${local}${rng.int(0, 9)}`;
      email = `${local}@${domain}`;
    }
    emails.add(email);
    return email;
  };

  const { tags, customerNotes } = catalogue;
  return {
    create: (isLoyal) => {
      const isFemale = rng.chance(isFa ? 0.65 : 0.6);
      const first = rng.pick(isFemale ? catalogue.femaleFirstNames : catalogue.maleFirstNames);
      const last = rng.pick(catalogue.lastNames);
      const nameForm = rng.next();
      const honorific = isFemale ? catalogue.honorifics.female : catalogue.honorifics.male;
      const name =
        nameForm < 0.04
          ? `${honorific} ${last.text}`
          : nameForm < 0.07
            ? first.text
            : `${first.text} ${last.text}`;

      const phone = rng.chance(isFa ? 0.96 : 0.82) ? makePhone() : null;
      const birthYear = asOfYear - rng.int(18, 70);
      const emailShare = isFa ? 0.12 : phone ? 0.55 : 0.95;
      const email = rng.chance(emailShare) ? makeEmail(first, last, birthYear) : null;
      const birthday = rng.chance(isFa ? 0.25 : 0.2)
        ? formatDayNumber(Date.UTC(birthYear, 0, 1) / DAY_MS + rng.int(0, 364))
        : null;

      const channelDraw = rng.next();
      let channel: Person['channel'] = 'none';
      if (email && (!phone || channelDraw < (isFa ? 0.1 : 0.5))) channel = 'email';
      else if (phone) channel = channelDraw < (isFa ? 0.7 : 0.75) ? 'phone' : 'sms';

      const personTags: string[] = [];
      if (isLoyal && rng.chance(0.35)) personTags.push(tags.vip);
      const isWholesale = rng.chance(0.01);
      if (isWholesale) personTags.push(tags.wholesale);
      if (rng.chance(0.012)) personTags.push(tags.trade);
      if (rng.chance(0.07)) personTags.push(tags.social);
      if (rng.chance(0.03)) personTags.push(tags.local);

      const favourite = rng.weighted(shelf.categoryPopularity);
      const second = rng.chance(0.5) ? rng.weighted(shelf.categoryPopularity) : favourite;
      return {
        name,
        phoneE164: phone?.e164 ?? null,
        phoneRaw: phone?.raw ?? null,
        email,
        birthday,
        channel,
        doNotContact: rng.chance(0.02),
        tags: personTags,
        notes: rng.chance(0.03) ? rng.pick(customerNotes) : '',
        isWholesale,
        favourites: [favourite, second],
      };
    },
  };
};

// ---------------------------------------------------------------------------------------------
// 3. Writing: multi-row prepared statements inside the caller's transaction.

const writeShop = (
  sqlite: BetterSqlite3.Database,
  calendar: DemoCalendar,
  catalogue: Catalogue,
  plan: OrderPlan,
  options: DemoOptions,
  onProgress: ((done: number, total: number) => void) | undefined,
): DemoSummary => {
  const { locale } = options;
  const idRng = createRng(options.seed, 2);
  const peopleRng = createRng(options.seed, 3);
  const basketRng = createRng(options.seed, 4);
  const newId = uuidv7Factory(idRng);

  const shelf = stockShelf(catalogue, locale, calendar.length);
  const asOfYear = Number(options.asOf.slice(0, 4));
  const people = meetPeople(catalogue, locale, peopleRng, asOfYear, shelf);
  const iso = isoInstantFormatter();
  const lastDay = calendar.length - 1;
  const endOfSpan = (calendar.localMidnightUtc[lastDay] ?? 0) + DAY_MS - 1;

  // Staff: employed from/to a fraction of the span; each order goes to someone on the payroll.
  const insertStaff = sqlite.prepare(
    `INSERT INTO staff (id, name, phone_e164, role, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const staffIds: string[] = [];
  const staffDays = catalogue.staff.map((member) => ({
    from: Math.floor(member.from * lastDay),
    to: member.to >= 1 ? calendar.length : Math.floor(member.to * lastDay),
  }));
  catalogue.staff.forEach((member, s) => {
    const span = staffDays[s] ?? { from: 0, to: calendar.length };
    const hired = (calendar.localMidnightUtc[span.from] ?? 0) + 9 * 3_600_000;
    const left =
      span.to < calendar.length
        ? iso((calendar.localMidnightUtc[span.to] ?? 0) + 21 * 3_600_000)
        : null;
    const id = newId(hired);
    staffIds.push(id);
    insertStaff.run(
      id,
      member.name,
      member.phone,
      member.role,
      left,
      iso(hired),
      left ?? iso(hired),
    );
  });
  const rosterByDay: Float64Array[] = [];
  const rosterCache = new Map<string, Float64Array>();
  for (let k = 0; k < calendar.length; k += 1) {
    const shares = catalogue.staff.map((member, s) => {
      const span = staffDays[s];
      return span && k >= span.from && k < span.to ? member.share : 0;
    });
    const key = shares.join(',');
    let roster = rosterCache.get(key);
    if (!roster) {
      roster = cumulativeWeights(shares);
      rosterCache.set(key, roster);
    }
    rosterByDay.push(roster);
  }

  const customers = batchInsert(sqlite, 'customers', [
    'id',
    'name',
    'phone_e164',
    'phone_raw',
    'email',
    'birthday',
    'preferred_channel',
    'do_not_contact',
    'tags',
    'notes',
    'search_text',
    'sort_name',
    'created_at',
    'updated_at',
  ]);
  const orders = batchInsert(sqlite, 'orders', [
    'id',
    'source',
    'external_id',
    'customer_id',
    'ordered_at',
    'local_date',
    'total',
    'refunded',
    'status',
    'staff_id',
    'note',
    'created_at',
    'updated_at',
  ]);
  const orderItems = batchInsert(sqlite, 'order_items', [
    'order_id',
    'line',
    'product_name',
    'sku',
    'category',
    'quantity',
    'unit_price',
    'line_total',
  ]);
  // Parents before children, so the rows would pass foreign-key checks statement by statement.
  const flush = (): void => {
    customers.flush();
    orders.flush();
    orderItems.flush();
  };

  const customerIds: (string | undefined)[] = new Array<string | undefined>(plan.segment.length);
  const favouriteA = new Int16Array(plan.segment.length);
  const favouriteB = new Int16Array(plan.segment.length);
  const wholesale = new Uint8Array(plan.segment.length);
  const lineVariant = new Int32Array(4);
  const lineQuantity = new Int32Array(4);
  const linePrice = new Float64Array(4);
  const variantCount = shelf.variants.length;
  const numberWidth = Math.max(6, String(plan.count).length);
  const progressStep = Math.max(1, Math.floor(plan.count / 100));

  onProgress?.(0, plan.count);
  for (let n = 0; n < plan.count; n += 1) {
    const o = plan.sorted[n] ?? 0;
    const d = plan.day[o] ?? 0;
    const orderedMs = (calendar.localMidnightUtc[d] ?? 0) + (plan.second[o] ?? 0) * 1000;
    const orderedAt = iso(orderedMs);
    const c = plan.customer[o] ?? -1;

    let customerId: string | null = null;
    if (c >= 0) {
      customerId = customerIds[c] ?? null;
      if (customerId === null) {
        // First visit: the customer enters the book now.
        const person = people.create(plan.segment[c] === LOYAL);
        customerId = newId(orderedMs);
        customerIds[c] = customerId;
        favouriteA[c] = person.favourites[0];
        favouriteB[c] = person.favourites[1];
        wholesale[c] = person.isWholesale ? 1 : 0;
        customers.add(
          customerId,
          person.name,
          person.phoneE164,
          person.phoneRaw,
          person.email,
          person.birthday,
          person.channel,
          person.doNotContact ? 1 : 0,
          JSON.stringify(person.tags),
          person.notes,
          buildCustomerSearchText(person),
          customerSortKey(person.name),
          orderedAt,
          orderedAt,
        );
      }
    }

    // The basket: 1–4 lines, often from the customer's favourite categories, seasonal goods in
    // season, prices of that month.
    const season = calendar.season[d] ?? 0;
    const month = Math.min(Math.floor(d / MONTH_DAYS), shelf.prices.length / variantCount - 1);
    const lines = basketRng.weighted(ITEM_COUNTS);
    const isBulkBuyer = c >= 0 && wholesale[c] === 1;
    let total = 0;
    for (let l = 0; l < lines; l += 1) {
      let table = shelf.bySeason[season];
      if (c >= 0 && basketRng.chance(MODEL.favouriteShare)) {
        const category = basketRng.chance(0.6) ? favouriteA[c] : favouriteB[c];
        table = shelf.bySeasonCategory[season]?.[category ?? 0];
      }
      if (!table) throw new Error('missing product table');
      const v = basketRng.weighted(table);
      let quantity =
        shelf.isConsumable[v] === 1
          ? basketRng.weighted(CONSUMABLE_QUANTITIES)
          : basketRng.chance(0.08)
            ? 2
            : 1;
      // Trade buyers take a box of consumables or a few of a design.
      if (isBulkBuyer)
        quantity *= shelf.isConsumable[v] === 1 ? basketRng.int(4, 12) : basketRng.int(2, 5);
      const price = shelf.prices[month * variantCount + v] ?? 0;
      lineVariant[l] = v;
      lineQuantity[l] = quantity;
      linePrice[l] = price;
      total += quantity * price;
    }

    // About 3 % come back: some in full, most as one returned line or a partial credit.
    let refunded = 0;
    let status = 'completed';
    let updatedAt = orderedAt;
    const refundDraw = basketRng.next();
    if (refundDraw < MODEL.refundShare) {
      if (refundDraw < MODEL.fullRefundShare) {
        refunded = total;
        status = 'refunded';
      } else {
        const line = basketRng.int(0, lines - 1);
        const lineTotal = (lineQuantity[line] ?? 0) * (linePrice[line] ?? 0);
        const unit = linePrice[line] ?? 0;
        // One returned line when something else was bought, else one unit or a 10–30 % credit.
        if (lines > 1) refunded = lineTotal;
        else if ((lineQuantity[line] ?? 0) > 1) refunded = unit;
        else refunded = roundCredit((unit * basketRng.int(10, 30)) / 100, locale);
        if (refunded >= total) refunded = Math.floor(total / 2);
        status = 'partially_refunded';
      }
      const refundMs = orderedMs + basketRng.int(1, REFUND_DAYS_MAX) * DAY_MS;
      updatedAt = iso(Math.min(refundMs, endOfSpan));
    }

    const roster = rosterByDay[d];
    const staffId =
      roster && basketRng.chance(0.96) ? (staffIds[basketRng.weighted(roster)] ?? null) : null;
    const note = basketRng.chance(0.015) ? basketRng.pick(catalogue.orderNotes) : '';

    const orderId = newId(orderedMs);
    orders.add(
      orderId,
      DEMO_SOURCE,
      `INV-${String(n + 1).padStart(numberWidth, '0')}`,
      customerId,
      orderedAt,
      calendar.localDates[d] ?? '',
      total,
      refunded,
      status,
      staffId,
      note,
      orderedAt,
      updatedAt,
    );
    for (let l = 0; l < lines; l += 1) {
      const variant = shelf.variants[lineVariant[l] ?? 0];
      if (!variant) throw new Error('missing variant');
      const quantity = lineQuantity[l] ?? 1;
      const price = linePrice[l] ?? 0;
      orderItems.add(
        orderId,
        l + 1,
        variant.name,
        variant.sku,
        variant.category,
        quantity,
        price,
        quantity * price,
      );
    }
    if ((n + 1) % FLUSH_EVERY === 0) flush();
    if (onProgress && (n + 1) % progressStep === 0) onProgress(n + 1, plan.count);
  }
  flush();
  if (onProgress && plan.count % progressStep !== 0) onProgress(plan.count, plan.count);

  return {
    customers: customers.written,
    orders: orders.written,
    items: orderItems.written,
    staff: staffIds.length,
  };
};
