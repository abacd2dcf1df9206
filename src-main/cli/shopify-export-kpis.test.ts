import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cliAt,
  gregorianShopWith,
  importJsonWith,
  kpisJsonWith,
} from '../../tests/fixtures/cli.ts';
import { seeded } from '../../tests/fixtures/seeded.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import {
  comparable,
  dayNumber,
  expectedFigures,
  GREGORIAN_MONTHS,
  isoDay,
  rounded,
} from '../../tests/fixtures/reference-kpis.ts';
import type { Query } from '../../tests/fixtures/reference-kpis.ts';
import { openDatabase } from '../db/open.ts';

/**
 * The whole path a reviewer takes with a Shopify "Orders" export: the raw file through
 * `bazgasht import` (mapped by itself, and with `--preset shopify`), then `bazgasht kpis --json`,
 * against DESIGN.md §3's figures worked out here from the file's rows alone — no code of the
 * importer or of the figures. The file is generated (seeded) with Shopify's header row and
 * habits: several line items per order with the order's own fields (email, status, totals,
 * creation time, refund, cancellation, billing name and phone) on the first line only; creation
 * times with the shop's UTC offset; paid, pending, partially refunded, refunded and voided
 * orders, and cancelled ones; guest checkouts with a phone and no email, and shop-counter sales
 * with no customer at all; one customer's email in different letter cases; quoted fields with
 * commas, quotes and line breaks; two orders of one customer on one day; thirteen months across
 * a year end. Orders are written newest first, so nothing may lean on the file's order. The
 * file is imported again, and in two exports that overlap, and must add nothing twice.
 *
 * How Shopify's fields read as DESIGN.md §2's orders (and receipts.ts build() reads them): an
 * order's amount is its Total (after discount, with shipping and taxes); its refunded amount is
 * Refunded Amount; an order with a Cancelled at time or a voided payment is void — no sale at
 * all, so neither revenue nor gross sales nor a purchase; a pending order (payment still to come,
 * as by bank deposit) is a sale, as DESIGN.md has no status for an unpaid one. A customer is their
 * email (in any letter case) or, at a guest checkout without one, their phone; no two customers
 * share a phone here.
 *
 * The shop is set to USD in America/New_York with Gregorian months by `bazgasht settings`, as
 * a reviewer would. The export's offsets are New York's (−05:00 in winter, −04:00 in summer), so
 * an evening order is already the next day in UTC: each order's day is its New York day.
 */

const NOW = '2025-01-06T17:00:00.000Z';
const run = cliAt(NOW);
const ZONE = 'America/New_York';

// --- The file -------------------------------------------------------------------------------

const HEADER = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at',
  'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code',
  'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name',
  'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping',
  'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip',
  'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street',
  'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip',
  'Shipping Province', 'Shipping Country', 'Shipping Phone', 'Notes', 'Note Attributes',
  'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level',
  'Source', 'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value',
  'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone',
  'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name', 'Payment ID',
  'Payment Terms Name', 'Next Payment Due At', 'Payment References',
] as const; // prettier-ignore

type Column = (typeof HEADER)[number];
/** One line of the export: the cells it fills, the rest blank. */
type Row = Partial<Record<Column, string>>;

type Status = 'paid' | 'pending' | 'partially_refunded' | 'refunded' | 'voided';

type Customer = {
  name: string;
  /** Lower case; each order writes it in a case of its own. */
  email: string | null;
  /**
   * +1 and ten digits, one number per customer, written the same on every order (other ways of
   * writing it are not read alike: see the report of this check).
   */
  phone: string | null;
  street: string;
  city: string;
  zip: string;
};

type Line = { sku: string; title: string; vendor: string; cents: number; quantity: number };

/** An order as generated; `at` is minutes since 1970-01-01 on New York's wall clock. */
type Draft = {
  at: number;
  customer: Customer | null;
  lines: Line[];
  status: Status;
  isCancelled: boolean;
  discountCode: string;
  /** Cents, of the subtotal. */
  discount: number;
  refunded: number;
  note: string;
  /** Whether the later lines repeat Created at (most leave it on the first line only). */
  repeatsCreatedAt: boolean;
};

const two = (n: number) => String(n).padStart(2, '0');

const FIRST_DAY = dayNumber('2023-11-01');
const LAST_DAY = dayNumber('2024-12-20');

const pickFrom = <T>(random: ReturnType<typeof seeded>, list: readonly T[]) =>
  list[random.int(list.length)] as T;

const NEW_YORK = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** New York's wall clock at an instant, in minutes since 1970-01-01 (Intl's zone data). */
const newYorkMinutes = (ms: number) => {
  const part = Object.fromEntries(NEW_YORK.formatToParts(ms).map((p) => [p.type, p.value]));
  const day = dayNumber(`${part.year}-${part.month}-${part.day}`);
  return day * 1440 + Number(part.hour) * 60 + Number(part.minute);
};
/**
 * The UTC offset New York has at a wall-clock minute, or null in the hour skipped in March;
 * in November's repeated hour, the summer offset.
 */
const offsetAt = (wall: number): number | null =>
  [-240, -300].find((offset) => newYorkMinutes((wall - offset) * 60_000) === wall) ?? null;
/** A wall-clock minute New York's clock shows: one in March's skipped hour moves past it. */
const onClock = (wall: number) => (offsetAt(wall) === null ? wall + 60 : wall);

const CATALOGUE: Omit<Line, 'quantity'>[] = [
  ['CND-AMB-8', 'Soy candle, "Amber" 8oz', 'Hearth & Co', 2400],
  ['CND-CED-8', 'Soy candle, "Cedar" 8oz', 'Hearth & Co', 2400],
  ['CND-TRV-3', 'Travel tin candle - 3 pack', 'Hearth & Co', 1800],
  ['MUG-SPK-12', 'Speckled stoneware mug 12oz', 'Kiln Studio', 3200],
  ['MUG-SPK-16', 'Speckled stoneware mug 16oz', 'Kiln Studio', 3600],
  ['PLT-DIN-W', 'Dinner plate / white', 'Kiln Studio', 2800],
  ['TWL-LIN-N', 'Linen tea towel, natural', 'Loom', 1650],
  ['TWL-LIN-R', 'Linen tea towel, rust', 'Loom', 1650],
  ['THR-WOL-G', 'Wool throw - grey', 'Loom', 14_500],
  ['SOAP-LAV', 'Lavender bar soap', 'Brook Soaps', 899],
  ['SOAP-OAT', 'Oat & honey bar soap', 'Brook Soaps', 899],
  ['GFT-CARD-50', 'Gift card $50', 'Shop', 5000],
  ['JRN-A5-DOT', 'A5 dotted journal', 'Paperworks', 1999],
  ['PEN-BRS', 'Brass pen', 'Paperworks', 4500],
  ['PLN-POT-S', 'Planter, small (4")', 'Kiln Studio', 2250],
].map(([sku, title, vendor, cents]) => ({
  sku: sku as string,
  title: title as string,
  vendor: vendor as string,
  cents: cents as number,
}));

const FIRST_NAMES = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Ethan', 'Chloe', 'Mateo', 'Priya'];
const LAST_NAMES = ["O'Brien", 'Nguyen', 'Garcia', 'Smith', 'Kowalski', 'Cohen', 'Okafor', 'Lee'];
const CITIES: [string, string][] = [
  ['Brooklyn', '11215'],
  ['New York', '10003'],
  ['Hoboken', '07030'],
  ['Jersey City', '07302'],
];
const NOTES = [
  'Please leave it with the doorman, "Frank".',
  'Gift for my mum,\nplease no prices in the box!',
  'Ring twice, the bell is broken',
];

/** The orders of ~250 customers and some counter sales, with every case named above. */
const generateDrafts = (seed: number) => {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => pickFrom(random, list);

  const customers: Customer[] = Array.from({ length: 250 }, (_, index) => {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [city, zip] = pick(CITIES);
    // One in ten checks out as a guest with a phone and no email.
    const isGuest = index % 10 === 9;
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    return {
      name: `${first} ${last}`,
      email: isGuest ? null : `${local}${index}@${pick(['gmail.com', 'example.com', 'me.com'])}`,
      phone:
        isGuest || random.next() < 0.4
          ? `+1${pick(['212', '718', '646', '917', '201'])}555${String(1000 + index).slice(-4)}`
          : null,
      street: `${1 + random.int(400)} ${pick(['Court St', 'Bergen St', 'Washington St'])}`,
      city,
      zip,
    };
  });

  /** A wall-clock minute on `day`: shop hours at the counter; online, often late at night. */
  const minuteOn = (day: number, online: boolean): number => {
    const late = random.next();
    const minute = !online
      ? 10 * 60 + random.int(9 * 60)
      : late < 0.25
        ? 20 * 60 + random.int(4 * 60)
        : late < 0.35
          ? random.int(2 * 60)
          : 7 * 60 + random.int(13 * 60);
    return onClock(day * 1440 + minute);
  };
  const basket = (): Line[] => {
    const lines: Line[] = [];
    const size = 1 + random.int(4);
    while (lines.length < size) {
      const product = pick(CATALOGUE);
      if (lines.some((line) => line.sku === product.sku)) continue;
      lines.push({ ...product, quantity: 1 + (random.next() < 0.2 ? random.int(3) : 0) });
    }
    return lines;
  };
  const order = (at: number, customer: Customer | null): Draft => {
    const lines = basket();
    const subtotal = lines.reduce((sum, line) => sum + line.cents * line.quantity, 0);
    const isFree = customer !== null && random.next() < 0.006;
    const hasCode = !isFree && random.next() < 0.15;
    const discount = isFree ? subtotal : hasCode ? Math.round(subtotal * 0.1) : 0;
    const r = isFree ? 0 : random.next();
    const status: Status =
      r < 0.78
        ? 'paid'
        : r < 0.84
          ? 'partially_refunded'
          : r < 0.89
            ? 'refunded'
            : r < 0.94
              ? 'pending'
              : r < 0.97
                ? 'voided'
                : 'paid';
    // Cancelled: the voided ones mostly, some refunded in full, and now and then a paid one.
    const isCancelled =
      (status === 'voided' && random.next() < 0.8) ||
      (status === 'refunded' && random.next() < 0.3) ||
      (status === 'paid' && r >= 0.97 && random.next() < 0.5);
    return {
      at,
      customer,
      lines,
      status,
      isCancelled,
      discountCode: isFree ? 'FRIENDS100' : hasCode ? 'WELCOME10' : '',
      discount,
      refunded: 0,
      note: random.next() < 0.06 ? pick(NOTES) : '',
      repeatsCreatedAt: random.next() < 0.3,
    };
  };

  const drafts: Draft[] = [];
  for (const customer of customers) {
    // A third start in the first two months: a year later they are the 12-month value's.
    let day =
      random.next() < 0.3
        ? FIRST_DAY + random.int(61)
        : dayNumber('2024-01-01') + random.int(dayNumber('2024-12-10') - dayNumber('2024-01-01'));
    let visits = 1;
    while (visits < 15 && random.next() < 0.84) visits += 1;
    for (let visit = 0; visit < visits && day <= LAST_DAY; visit += 1) {
      drafts.push(order(minuteOn(day, true), customer));
      // A second order the same day: one visit.
      if (random.next() < 0.1) drafts.push(order(minuteOn(day, true), customer));
      day += 1 + random.int(60);
    }
  }
  // At the shop's counter, no customer taken: walk-ins.
  for (let i = 0; i < 260; i += 1) {
    const day = FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1);
    drafts.push(order(minuteOn(day, false), null));
  }
  // New Year's Eve just before midnight and New Year's Day just after, both in the same UTC
  // day; and two orders of one New York day on two UTC days.
  const [eve, late] = [customers[3] as Customer, customers[19] as Customer];
  drafts.push(
    { ...order(dayNumber('2023-12-31') * 1440 + 23 * 60 + 41, eve), status: 'paid', isCancelled: false },
    { ...order(dayNumber('2024-01-01') * 1440 + 52, eve), status: 'paid', isCancelled: false },
    { ...order(dayNumber('2024-06-14') * 1440 + 9 * 60, late), status: 'paid', isCancelled: false },
    { ...order(dayNumber('2024-06-14') * 1440 + 22 * 60 + 30, late), status: 'paid', isCancelled: false },
  ); // prettier-ignore

  for (const draft of drafts) {
    const total = totalsOf(draft).total;
    if (draft.status === 'refunded') draft.refunded = total;
    if (draft.status === 'partially_refunded') {
      // One line sent back, or part of the money for a damaged parcel.
      const line = draft.lines[0] as Line;
      draft.refunded = Math.min(
        total - 1,
        random.next() < 0.5 ? line.cents : 1 + random.int(total - 1),
      );
    }
  }
  return drafts.sort((a, b) => a.at - b.at);
};

/** Shopify's money columns, in cents: Total = Subtotal + Shipping + Taxes − Discount. */
const totalsOf = (draft: Draft) => {
  const subtotal = draft.lines.reduce((sum, line) => sum + line.cents * line.quantity, 0);
  const isPickup = draft.customer === null;
  // Free over $75, and with a 100 % code.
  const shipping =
    isPickup || draft.discount === subtotal || subtotal - draft.discount >= 7500 ? 0 : 795;
  const taxes = Math.round((subtotal - draft.discount) * 0.08875);
  return { subtotal, shipping, taxes, total: subtotal + shipping + taxes - draft.discount };
};

const money = (cents: number) => (cents / 100).toFixed(2);
/** `2024-03-05 14:22:10 -0500`: New York's wall clock with its offset, as Shopify writes it. */
const shopifyTime = (time: number, second: number) => {
  const wall = onClock(time);
  const offset = offsetAt(wall) as number;
  const day = isoDay(Math.floor(wall / 1440));
  const minute = wall % 1440;
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  return `${day} ${two(Math.floor(minute / 60))}:${two(minute % 60)}:${two(second)} ${sign}${hhmm}`;
};
/** Mixed case, as people type their address: Jane.Doe@Example.com, JANE.DOE@EXAMPLE.COM. */
const emailAsTyped = (email: string, variant: number) =>
  variant === 0
    ? email
    : variant === 1
      ? email.toUpperCase()
      : email.replace(
          /(^|[.@])([a-z])/g,
          (_, mark: string, letter: string) => mark + letter.toUpperCase(),
        );

/** The export's lines, newest order first, order numbers #1001… in time order. */
const rowsOf = (drafts: readonly Draft[], seed: number): Row[] => {
  const random = seeded(seed);
  const orders = drafts.map((draft, index) => ({ draft, name: `#${1001 + index}` }));
  return orders.reverse().flatMap(({ draft, name }, index) => {
    const { subtotal, shipping, taxes, total } = totalsOf(draft);
    const createdAt = shopifyTime(draft.at, random.int(60));
    const customer = draft.customer;
    const isPaid = draft.status !== 'pending' && draft.status !== 'voided';
    const isPos = customer === null;
    const id = String(5_610_000_000_000 + (drafts.length - index) * 7919);
    const fulfilled = !draft.isCancelled && draft.status !== 'voided';
    const first: Row = {
      Email: customer?.email ? emailAsTyped(customer.email, random.int(3)) : '',
      'Financial Status': draft.status,
      'Paid at': isPaid ? createdAt : '',
      'Fulfillment Status': fulfilled ? 'fulfilled' : 'unfulfilled',
      'Fulfilled at': fulfilled ? shopifyTime(isPos ? draft.at : draft.at + 1440, 0) : '',
      'Accepts Marketing': random.next() < 0.5 ? 'yes' : 'no',
      Currency: 'USD',
      Subtotal: money(subtotal),
      Shipping: money(shipping),
      Taxes: money(taxes),
      Total: money(total),
      'Discount Code': draft.discountCode,
      'Discount Amount': money(draft.discount),
      'Shipping Method': isPos ? '' : shipping === 0 ? 'Free shipping' : 'Standard',
      'Billing Name': customer?.name ?? '',
      'Billing Street': customer ? `${customer.street}, Apt ${1 + random.int(9)}` : '',
      'Billing Address1': customer?.street ?? '',
      'Billing Address2': customer ? `Apt ${1 + random.int(9)}` : '',
      'Billing City': customer?.city ?? '',
      'Billing Zip': customer?.zip ?? '',
      'Billing Province': customer ? (customer.zip.startsWith('0') ? 'NJ' : 'NY') : '',
      'Billing Country': customer ? 'US' : '',
      'Billing Phone': customer?.phone ?? '',
      'Shipping Name': customer?.name ?? '',
      'Shipping Street': customer ? customer.street : '',
      'Shipping City': customer?.city ?? '',
      'Shipping Zip': customer?.zip ?? '',
      'Shipping Country': customer ? 'US' : '',
      Notes: draft.note,
      'Note Attributes': draft.note === '' ? '' : 'gift_wrap: yes\ncard: "Happy birthday, Sam!"',
      'Cancelled at': draft.isCancelled ? shopifyTime(draft.at + 90, 0) : '',
      'Payment Method': isPos ? 'Cash' : draft.status === 'pending' ? 'Bank Deposit' : 'Shopify Payments',
      'Payment Reference': isPaid ? `c${id.slice(-9)}.1` : '',
      'Refunded Amount': money(draft.refunded),
      'Outstanding Balance': money(draft.status === 'pending' ? total : 0),
      Employee: isPos ? pickFrom(random, ['Maya R.', 'Tom B.']) : '',
      Location: isPos ? 'Brooklyn Shop' : '',
      'Device ID': isPos ? '2' : '',
      Id: id,
      Tags: customer && random.next() < 0.1 ? 'VIP, repeat' : '',
      'Risk Level': 'Low',
      Source: isPos ? 'pos' : 'web',
      'Tax 1 Name': 'NY State Tax 4%',
      'Tax 1 Value': money(Math.round((subtotal - draft.discount) * 0.04)),
      'Tax 2 Name': 'New York City Tax 4.875%',
      'Tax 2 Value': money(taxes - Math.round((subtotal - draft.discount) * 0.04)),
      Phone: customer?.email === null ? (customer.phone ?? '') : '',
      'Billing Province Name': customer ? (customer.zip.startsWith('0') ? 'New Jersey' : 'New York') : '',
      'Shipping Province Name': customer ? (customer.zip.startsWith('0') ? 'New Jersey' : 'New York') : '',
      'Payment References': isPaid ? `c${id.slice(-9)}.1` : '',
    }; // prettier-ignore
    return draft.lines.map((line, at): Row => ({
      Name: name,
      ...(at === 0 && first),
      ...((at === 0 || draft.repeatsCreatedAt) && { 'Created at': createdAt }),
      'Lineitem quantity': String(line.quantity),
      'Lineitem name': line.title,
      'Lineitem price': money(line.cents),
      'Lineitem compare at price': random.next() < 0.2 ? money(Math.round(line.cents * 1.25)) : '',
      'Lineitem sku': line.sku,
      'Lineitem requires shipping': line.sku.startsWith('GFT') ? 'false' : 'true',
      'Lineitem taxable': line.sku.startsWith('GFT') ? 'false' : 'true',
      'Lineitem fulfillment status': fulfilled ? 'fulfilled' : 'pending',
      Vendor: line.vendor,
      'Lineitem discount': '0.00',
    }));
  });
};

const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const shopifyCsv = (rows: readonly Row[]) =>
  [
    HEADER.join(','),
    ...rows.map((row) => HEADER.map((name) => field(row[name] ?? '')).join(',')),
  ].join('\n') + '\n';

// --- DESIGN.md §3, worked out from the rows ----------------------------------------------------

type Order = {
  name: string;
  customer: string | null;
  /** New York's calendar day of Created at. */
  day: string;
  total: number;
  refunded: number;
  isVoid: boolean;
};

const NEW_YORK_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** `2024-03-05 14:22:10 -0500` → the instant → its day in New York. */
const dayInNewYork = (text: string) => {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!match) throw new Error(`not a Shopify time: ${text}`);
  const [y, mo, d, h, mi, s, oh, om] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) => Number(match[i]));
  const offset = (match[7] === '-' ? -1 : 1) * ((oh as number) * 60 + (om as number));
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s) - offset * 60_000;
  return { day: NEW_YORK_DAY.format(ms), utcDay: new Date(ms).toISOString().slice(0, 10) };
};

const cents = (text: string) => Math.round(Number(text) * 100);

/**
 * The orders the rows stand for: an order's lines follow its first line under the same Name,
 * its own fields on the first. A customer is the email in lower case, else the phone; neither
 * is a walk-in.
 */
const ordersOf = (rows: readonly Row[]): Order[] => {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const name = row.Name as string;
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return [...groups].map(([name, [head]]) => {
    const order = head as Row;
    const email = order.Email?.toLowerCase() ?? '';
    const phone = order['Billing Phone'] || order.Phone || '';
    return {
      name,
      customer: email !== '' ? email : phone !== '' ? phone : null,
      day: dayInNewYork(order['Created at'] as string).day,
      total: cents(order.Total as string),
      refunded: cents(order['Refunded Amount'] as string),
      isVoid: (order['Cancelled at'] ?? '') !== '' || order['Financial Status'] === 'voided',
    };
  });
};

// --- The runs -------------------------------------------------------------------------------

const QUERIES: Query[] = [
  // The export's own span, as a reviewer would ask first.
  { asOf: '2024-12-20', from: '2023-11-01', to: '2024-12-20' },
  // The calendar year 2024: the 12-month value's population started in November–December 2023.
  { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' },
  // Mid-data: orders after T are not yet there, P starts mid-month and ends before T, across
  // the year end and the change to summer time.
  { asOf: '2024-06-30', from: '2023-12-15', to: '2024-03-10' },
];

const drafts = generateDrafts(20_231_101);
const rows = rowsOf(drafts, 1001);
const truth = ordersOf(rows);
/** The orders that are sales: a void one is none at all, so it is left out of every figure. */
const sales = truth.filter((order) => !order.isVoid);
/** DESIGN.md §3 from the rows, in Gregorian months as the shop is set. */
const figuresFor = (q: Query) => expectedFigures(sales, q, GREGORIAN_MONTHS);
const customerKeys = new Set(truth.flatMap((order) => (order.customer ? [order.customer] : [])));

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.remove());

/** A new shop in dollars, New York time, Gregorian months, set up from the command line. */
const makeShop = (name: string) => gregorianShopWith(run)(temp.file(name), 'USD', ZONE);

const importJson = importJsonWith(run);
const kpisJson = kpisJsonWith(run);

/** The order names of each customer (walk-ins left out), as sorted lists in a sorted list. */
const groupsOf = (pairs: readonly (readonly [string | null, string])[]) => {
  const groups = new Map<string, string[]>();
  for (const [customer, name] of pairs) {
    if (customer !== null) groups.set(customer, [...(groups.get(customer) ?? []), name]);
  }
  return [...groups.values()].map((names) => names.sort()).sort();
};

type StoredOrder = {
  name: string;
  customerId: string | null;
  day: string;
  total: number;
  refunded: number;
  isVoid: boolean;
};

/** Each order as stored: its customer, New York day, amounts and whether it is void. */
const storedOrders = async (db: string): Promise<StoredOrder[]> => {
  const database = openDatabase(db);
  try {
    return (
      database.sqlite
        .prepare(
          `SELECT external_id AS name, customer_id AS customerId, local_date AS day, total, refunded,
             status = 'void' AS isVoid
           FROM orders ORDER BY external_id`,
        )
        .all() as (Omit<StoredOrder, 'isVoid'> & { isVoid: number })[]
    ).map((order) => ({ ...order, isVoid: order.isVoid === 1 }));
  } finally {
    await database.close();
  }
};

/** The stored orders against the rows': the same amounts, days and voids, the same customers. */
const expectStoredOrders = (stored: readonly StoredOrder[]) => {
  expect(
    stored.map(({ customerId, ...order }) => ({ ...order, isWalkIn: customerId === null })),
  ).toEqual(
    truth
      .map(({ name, customer, day, total, refunded, isVoid }) => ({
        name,
        day,
        total,
        refunded,
        isVoid,
        isWalkIn: customer === null,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  );
  expect(groupsOf(stored.map((order) => [order.customerId, order.name]))).toEqual(
    groupsOf(truth.map((order) => [order.customer, order.name])),
  );
};

const figuresOf = async (db: string) => {
  const all = [];
  for (const q of QUERIES) all.push(await kpisJson(db, q));
  return all;
};

const expectDesignFigures = (figures: readonly Record<string, unknown>[]) => {
  QUERIES.forEach((q, index) => {
    const expected = figuresFor(q);
    expect(
      comparable(figures[index] as Record<string, unknown>, expected),
      JSON.stringify(q),
    ).toEqual(rounded(expected));
  });
};

const firstImport = {
  rowsRead: rows.length,
  rowsRejected: 0,
  ordersCreated: truth.length,
  ordersAlreadyPresent: 0,
  refundsRecorded: 0,
  customersCreated: customerKeys.size,
};

/** The figures of the export mapped by itself, for the preset's run to match. */
let autoFigures: Record<string, unknown>[] | undefined;

describe('a Shopify orders export through import and kpis', () => {
  it('is a file with every case in it', () => {
    const firstLines = rows.filter((row) => row['Financial Status'] !== undefined);
    const statuses = new Set(firstLines.map((row) => row['Financial Status']));
    expect([...statuses].sort()).toEqual(
      ['paid', 'partially_refunded', 'pending', 'refunded', 'voided'].sort(),
    );
    expect(truth.length).toBeGreaterThan(1300);
    expect(customerKeys.size).toBeGreaterThan(230);
    expect(rows.length).toBeGreaterThan(2 * truth.length);
    // Later lines carry no order fields.
    expect(rows.length - firstLines.length).toBeGreaterThan(1000);
    expect(rows.filter((row) => row.Email === undefined && row.Total === undefined)).toHaveLength(
      rows.length - truth.length,
    );
    // Cancelled orders, voided or not; free orders; pending ones.
    expect(firstLines.filter((row) => row['Cancelled at'] !== '').length).toBeGreaterThan(20);
    expect(truth.filter((order) => order.total === 0 && !order.isVoid).length).toBeGreaterThan(0);
    // Guests with a phone only, and walk-ins with nothing.
    expect(firstLines.filter((row) => row.Email === '' && row.Phone !== '').length).toBeGreaterThan(
      50,
    );
    expect(truth.filter((order) => order.customer === null).length).toBeGreaterThan(150);
    // One customer's email in several letter cases.
    const cases = new Map<string, Set<string>>();
    for (const row of firstLines) {
      if (!row.Email) continue;
      cases.set(
        row.Email.toLowerCase(),
        (cases.get(row.Email.toLowerCase()) ?? new Set()).add(row.Email),
      );
    }
    expect([...cases.values()].filter((written) => written.size > 1).length).toBeGreaterThan(100);
    // Evening orders are the next day in UTC; the generator's New York day is the one read back.
    const times = firstLines.map((row) => dayInNewYork(row['Created at'] as string));
    expect(times.filter((time) => time.day !== time.utcDay).length).toBeGreaterThan(200);
    expect(truth.map((order) => order.day).sort()).toEqual(
      drafts.map((draft) => isoDay(Math.floor(draft.at / 1440))).sort(),
    );
    // One customer's two New York days within one UTC day, and one New York day over two.
    const instants = new Map(
      firstLines.map((row) => [row.Name, dayInNewYork(row['Created at'] as string)]),
    );
    const pairs = [...groupsOf(truth.map((order) => [order.customer, order.name]))].flatMap(
      (names) =>
        names.flatMap((a) =>
          names.filter((b) => a < b).map((b) => [instants.get(a), instants.get(b)]),
        ),
    );
    expect(pairs.some(([a, b]) => a?.day !== b?.day && a?.utcDay === b?.utcDay)).toBe(true);
    expect(pairs.some(([a, b]) => a?.day === b?.day && a?.utcDay !== b?.utcDay)).toBe(true);
    expect(new Set(firstLines.map((row) => (row['Created at'] as string).slice(-5)))).toEqual(
      new Set(['-0500', '-0400']),
    );
    // Quoted commas, quotes and line breaks.
    const csv = shopifyCsv(rows);
    expect(csv).toContain('"Gift for my mum,\nplease no prices in the box!"');
    expect(csv).toContain('"Soy candle, ""Amber"" 8oz"');
    for (const q of QUERIES) {
      const figures = figuresFor(q);
      expect(figures.churn90Customers, JSON.stringify(q)).toBeGreaterThan(0);
      expect(figures.refunded).toBeGreaterThan(0);
      if (q.from > '2023-11-01') expect(figures.returningCustomers).toBeGreaterThan(0);
    }
    expect(figuresFor(QUERIES[1] as Query).clvCustomers).toBeGreaterThan(50);
  });

  it('gives DESIGN.md §3 figures mapped by itself, and the same after a re-import', async () => {
    const db = await makeShop('shopify-auto.db');
    const file = temp.file('orders_export_1.csv');
    writeFileSync(file, shopifyCsv(rows));

    expect(await importJson(db, file)).toMatchObject(firstImport);
    expectStoredOrders(await storedOrders(db));
    const figures = await figuresOf(db);
    expectDesignFigures(figures);
    autoFigures = figures;

    expect(await importJson(db, file)).toMatchObject({
      rowsRead: rows.length,
      rowsRejected: 0,
      ordersCreated: 0,
      ordersAlreadyPresent: truth.length,
      refundsRecorded: 0,
      customersCreated: 0,
    });
    expect(await figuresOf(db)).toEqual(figures);
  });

  it('gives the same figures with --preset shopify', async () => {
    const db = await makeShop('shopify-preset.db');
    const file = temp.file('orders_export_2.csv');
    writeFileSync(file, shopifyCsv(rows));
    expect(await importJson(db, file, '--preset', 'shopify')).toMatchObject(firstImport);
    expectStoredOrders(await storedOrders(db));
    const figures = await figuresOf(db);
    expectDesignFigures(figures);
    // Every key, RFM and the rest included.
    expect(autoFigures).toBeDefined();
    expect(figures).toEqual(autoFigures);
  });

  it('adds nothing twice from a later export that overlaps, and gives the same figures', async () => {
    const db = await makeShop('shopify-overlap.db');
    const dayOf = new Map(truth.map((order) => [order.name, order.day]));
    const exportOf = (from: string, to: string) =>
      rows.filter((row) => {
        const day = dayOf.get(row.Name as string) as string;
        return day >= from && day <= to;
      });
    const earlier = exportOf('2023-11-01', '2024-08-31');
    const later = exportOf('2024-06-01', '2024-12-31');
    const namesOf = (part: readonly Row[]) => new Set(part.map((row) => row.Name as string));
    const keysOf = (names: ReadonlySet<string>) =>
      new Set(
        truth.flatMap((order) =>
          order.customer !== null && names.has(order.name) ? [order.customer] : [],
        ),
      );
    const [earlierNames, laterNames] = [namesOf(earlier), namesOf(later)];
    const [earlierKeys, laterKeys] = [keysOf(earlierNames), keysOf(laterNames)];
    const overlap = [...laterNames].filter((name) => earlierNames.has(name)).length;
    expect(overlap).toBeGreaterThan(200);

    const first = temp.file('orders_export_1 (1).csv');
    const second = temp.file('orders_export_1 (2).csv');
    writeFileSync(first, shopifyCsv(earlier));
    writeFileSync(second, shopifyCsv(later));
    expect(await importJson(db, first)).toMatchObject({
      rowsRead: earlier.length,
      rowsRejected: 0,
      ordersCreated: earlierNames.size,
      customersCreated: earlierKeys.size,
    });
    expect(await importJson(db, second)).toMatchObject({
      rowsRead: later.length,
      rowsRejected: 0,
      ordersCreated: laterNames.size - overlap,
      ordersAlreadyPresent: overlap,
      customersCreated: [...laterKeys].filter((key) => !earlierKeys.has(key)).length,
    });
    expectStoredOrders(await storedOrders(db));
    expectDesignFigures(await figuresOf(db));
  });
});
