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
 * The whole path a reviewer takes with a public sales export (the UCI "Online Retail" and
 * "Online Retail II" data sets): the raw file through `bazgasht import`, then `bazgasht kpis
 * --json`, against DESIGN.md §3's figures worked out here from the file's rows alone — no code of
 * the importer or of the figures. The file is generated (seeded) in that data set's shape: line
 * items grouped by invoice, walk-ins with no CustomerID, customers buying twice a day, `C…`
 * cancellations of part or all of an earlier invoice of the same customer (same StockCode,
 * negative quantity), cancellations with nothing to cancel, quantity adjustments at price 0, and
 * prices with two decimals, over thirteen months across a year end.
 *
 * The shop is set to GBP (pence are the minor unit) in Europe/London with Gregorian months by
 * `bazgasht settings` before the first import, as a reviewer would. The file's times have no
 * offset and are shop hours, so each row's local day is the day written.
 */

const NOW = '2012-01-02T12:00:00.000Z';
const run = cliAt(NOW);

// --- The file -------------------------------------------------------------------------------

/** One row of the export; `minute` counts from midnight of `day`, local time. */
type Row = {
  invoice: string;
  stockCode: string;
  description: string;
  quantity: number;
  /** Unit price in pence. */
  pence: number;
  day: string;
  minute: number;
  customer: number | null;
  country: string;
};

type Line = { stockCode: string; description: string; quantity: number; pence: number };
type Product = { stockCode: string; description: string; pence: number };

/** A sale or a return as generated, before invoice numbers are given out in time order. */
type Draft = {
  /** Minutes since 1970-01-01 local time. */
  at: number;
  customer: number | null;
  country: string;
  lines: Line[];
  isCancellation: boolean;
  /** What the generator meant a return to be: proof that the file has both kinds. */
  intent: 'sale' | 'linked' | 'standalone';
};

const FIRST_DAY = dayNumber('2010-12-01');
const LAST_DAY = dayNumber('2011-12-20');
const OPENING = 8 * 60;

const CATALOGUE: Product[] = [
  ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 255],
  ['71053', 'WHITE METAL LANTERN', 339],
  ['84406B', 'CREAM CUPID HEARTS COAT HANGER', 275],
  ['84029G', 'KNITTED UNION FLAG HOT WATER BOTTLE', 339],
  ['22752', 'SET 7 BABUSHKA NESTING BOXES', 765],
  ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', 425],
  ['22633', 'HAND WARMER UNION JACK', 185],
  ['22632', 'HAND WARMER RED POLKA DOT', 185],
  ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 169],
  ['22745', "POPPY'S PLAYHOUSE BEDROOM ", 210],
  ['22748', "POPPY'S PLAYHOUSE KITCHEN", 210],
  ['22749', 'FELTCRAFT PRINCESS CHARLOTTE DOLL', 375],
  ['22310', 'IVORY KNITTED MUG COSY ', 165],
  ['84969', 'BOX OF 6 ASSORTED COLOUR TEASPOONS', 425],
  ['22623', 'BOX OF VINTAGE JIGSAW BLOCKS ', 495],
  ['22622', 'BOX OF VINTAGE ALPHABET BLOCKS', 995],
  ['21754', 'HOME BUILDING BLOCK WORD', 595],
  ['21755', 'LOVE BUILDING BLOCK WORD', 595],
  ['21777', 'RECIPE BOX WITH METAL HEART', 795],
  ['48187', 'DOORMAT NEW ENGLAND', 795],
  ['22960', 'JAM MAKING SET WITH JARS', 425],
  ['22913', 'RED COAT RACK PARIS FASHION', 495],
  ['22086', "PAPER CHAIN KIT 50'S CHRISTMAS ", 255],
  ['22728', 'ALARM CLOCK BAKELIKE PINK', 375],
  ['22727', 'ALARM CLOCK BAKELIKE RED ', 375],
  ['21724', 'PANDA AND BUNNIES STICKER SHEET', 85],
  ['21883', 'STARS GIFT TAPE ', 65],
  ['10002', 'INFLATABLE POLITICAL GLOBE ', 85],
  ['21791', 'VINTAGE HEADS AND TAILS CARD GAME ', 125],
  ['21035', 'SET/2 RED RETROSPOT TEA TOWELS ', 295],
  ['22326', 'ROUND SNACK BOXES SET OF4 WOODLAND ', 295],
  ['22629', 'SPACEBOY LUNCH BOX ', 195],
  ['22659', 'LUNCH BOX I LOVE LONDON', 195],
  ['22631', 'CIRCUS PARADE LUNCH BOX ', 195],
  ['22661', 'CHARLOTTE BAG DOLLY GIRL DESIGN', 85],
  ['21931', 'JUMBO STORAGE BAG SUKI', 195],
  ['22411', 'JUMBO SHOPPER VINTAGE RED PAISLEY', 195],
  ['22720', 'SET OF 3 CAKE TINS, PANTRY DESIGN ', 495],
  ['POST', 'POSTAGE', 1800],
  ['85099B', 'JUMBO BAG RED RETROSPOT', 165],
  ['22197', 'SMALL POPCORN HOLDER', 72],
  ['23084', 'RABBIT NIGHT LIGHT', 179],
  ['22423', 'REGENCY CAKESTAND 3 TIER', 1275],
  ['47566', 'PARTY BUNTING', 465],
  ['84077', 'WORLD WAR 2 GLIDERS ASSTD DESIGNS', 29],
  ['22090', 'PAPER BUNTING RETROSPOT', 295],
  ['21212', 'PACK OF 72 RETROSPOT CAKE CASES', 55],
  ['22841', 'ROUND CAKE TIN VINTAGE GREEN', 795],
  ['M', 'Manual', 1050],
  // Given away at price 0, as some lines of the real data are.
  ['PADS', 'PADS TO MATCH ALL CUSHIONS', 0],
].map(([stockCode, description, pence]) => ({
  stockCode: stockCode as string,
  description: description as string,
  pence: pence as number,
}));
const FREE = CATALOGUE.at(-1) as Product;
const PRICED = CATALOGUE.slice(0, -1);

const COUNTRIES = ['United Kingdom', 'United Kingdom', 'United Kingdom', 'France', 'EIRE'];

/**
 * The export's rows in time order, each invoice's lines together, invoice numbers from one
 * counter (a cancellation's number is its own, `C` and the next number, as in the data set).
 */
const generateRows = (seed: number) => {
  const random = seeded(seed);
  const drafts: Draft[] = [];
  const shopMinute = (day: number) => day * 1440 + OPENING + random.int(12 * 60);
  const country = () => COUNTRIES[random.int(COUNTRIES.length)] as string;
  const basket = (): Line[] => {
    const lines: Line[] = [];
    const size = 1 + random.int(5);
    while (lines.length < size) {
      const product = PRICED[random.int(PRICED.length)] as Product;
      if (lines.some((line) => line.stockCode === product.stockCode)) continue;
      lines.push({ ...product, quantity: 1 + random.int(24) });
    }
    if (random.next() < 0.05) lines.push({ ...FREE, quantity: 1 + random.int(4) });
    return lines;
  };
  const sale = (at: number, customer: number | null, lines = basket()): Draft => ({
    at,
    customer,
    country: country(),
    lines,
    isCancellation: false,
    intent: 'sale',
  });

  const customers = Array.from({ length: 300 }, (_, index) => 12_346 + index * 19);
  for (const customer of customers) {
    // A third start in the first month: a year later they are the 12-month value's population.
    let day =
      random.next() < 0.3
        ? FIRST_DAY + random.int(31)
        : dayNumber('2011-01-01') + random.int(dayNumber('2011-11-30') - dayNumber('2011-01-01'));
    let visits = 1;
    while (visits < 10 && random.next() < 0.55) visits += 1;
    const place = country();
    for (let visit = 0; visit < visits && day <= LAST_DAY; visit += 1) {
      drafts.push({ ...sale(shopMinute(day), customer), country: place });
      // Two invoices on one day are one visit.
      if (random.next() < 0.1) drafts.push({ ...sale(shopMinute(day), customer), country: place });
      day += 1 + random.int(100);
    }
  }
  for (let i = 0; i < 300; i += 1) {
    drafts.push(sale(shopMinute(FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1)), null));
  }
  // Invoices of free items only: orders that are no purchase.
  for (let i = 0; i < 6; i += 1) {
    const customer = customers[random.int(customers.length)] as number;
    const day = FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1);
    drafts.push(sale(shopMinute(day), customer, [{ ...FREE, quantity: 1 + random.int(6) }]));
  }
  // Stock adjustments: a negative quantity at price 0, no customer, no C.
  for (let i = 0; i < 12; i += 1) {
    const product = PRICED[random.int(PRICED.length)] as Product;
    const day = FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1);
    drafts.push(
      sale(shopMinute(day), null, [{ ...product, pence: 0, quantity: -(1 + random.int(40)) }]),
    );
  }

  const salesOf = new Map<number, Draft[]>();
  for (const draft of drafts) {
    if (draft.customer === null) continue;
    salesOf.set(draft.customer, [...(salesOf.get(draft.customer) ?? []), draft]);
  }
  /** Whether any of the customer's sales up to `at`, other than `except`, has the product. */
  const boughtBefore = (customer: number, stockCode: string, at: number, except?: Draft) =>
    (salesOf.get(customer) ?? []).some(
      (other) =>
        other !== except &&
        other.at <= at &&
        other.lines.some((line) => line.stockCode === stockCode),
    );
  const cancellation = (at: number, customer: number | null, lines: Line[]): Draft => ({
    at,
    customer,
    country: country(),
    lines: lines.map((line) => ({ ...line, quantity: -line.quantity })),
    isCancellation: true,
    intent: 'standalone',
  });

  // Cancellations of part or all of an earlier invoice: only of products no other invoice of the
  // customer's holds by then, so which invoice they cancel is beyond doubt. Every fifth is
  // written with a plain invoice number (a negative quantity is a return all the same).
  let linked = 0;
  for (const draft of [...drafts]) {
    if (draft.customer === null || draft.intent !== 'sale' || random.next() >= 0.14) continue;
    const day = Math.floor(draft.at / 1440) + random.int(31);
    if (day > LAST_DAY) continue;
    const at = Math.max(shopMinute(day), draft.at + 5);
    const customer = draft.customer;
    const own = draft.lines.filter(
      (line) => line.pence > 0 && !boughtBefore(customer, line.stockCode, at, draft),
    );
    if (own.length === 0) continue;
    const isWhole = own.length === draft.lines.length && random.next() < 0.4;
    const lines = isWhole
      ? own
      : own
          .filter((_, index) => index === 0 || random.next() < 0.5)
          .map((line) => ({
            ...line,
            quantity: random.next() < 0.5 ? line.quantity : 1 + random.int(line.quantity),
          }));
    linked += 1;
    drafts.push({
      ...cancellation(at, customer, lines),
      isCancellation: linked % 5 !== 0,
      intent: 'linked',
    });
    // Now and then the rest of a partly cancelled line goes back later, on a second cancellation.
    const [line] = lines;
    const bought = draft.lines.find((each) => each.stockCode === line?.stockCode);
    const later = Math.floor(at / 1440) + 1 + random.int(20);
    if (!line || !bought || line.quantity === bought.quantity || later > LAST_DAY) continue;
    const laterAt = shopMinute(later);
    if (random.next() >= 0.4 || boughtBefore(customer, line.stockCode, laterAt, draft)) continue;
    drafts.push({
      ...cancellation(laterAt, customer, [{ ...line, quantity: bought.quantity - line.quantity }]),
      intent: 'linked',
    });
  }
  // Cancellations with nothing to cancel: a product the customer had not bought, a walk-in's,
  // and three customers whose only row is a cancellation.
  const identified = drafts.filter((draft) => draft.customer !== null && draft.intent === 'sale');
  // The first three come on the day of a sale and give back more than it sold: the day stays a
  // purchase day (it has an order of positive net amount) though the day's net is negative.
  for (let made = 0; made < 8;) {
    const anchor = identified[random.int(identified.length)] as Draft;
    const customer = anchor.customer as number;
    const isSameDay = made < 3;
    const day = Math.floor(anchor.at / 1440) + (isSameDay ? 0 : random.int(20));
    const product = PRICED[random.int(PRICED.length)] as Product;
    const at = isSameDay ? anchor.at + 30 : shopMinute(day);
    if (day > LAST_DAY || boughtBefore(customer, product.stockCode, at)) continue;
    const sold = anchor.lines.reduce((sum, line) => sum + line.quantity * line.pence, 0);
    const quantity = isSameDay ? Math.floor(sold / product.pence) + 1 : 1 + random.int(6);
    drafts.push(cancellation(at, customer, [{ ...product, quantity }]));
    made += 1;
  }
  for (let i = 0; i < 5; i += 1) {
    const day = FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1);
    drafts.push(cancellation(shopMinute(day), null, basket().slice(0, 1)));
  }
  for (let i = 0; i < 3; i += 1) {
    const day = FIRST_DAY + random.int(LAST_DAY - FIRST_DAY + 1);
    drafts.push(cancellation(shopMinute(day), 19_000 + i, basket().slice(0, 2)));
  }

  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => a.draft.at - b.draft.at || a.index - b.index);
  const rows: Row[] = [];
  let number = 536_365;
  for (const { draft } of ordered) {
    const invoice = `${draft.isCancellation ? 'C' : ''}${number}`;
    number += 1;
    for (const line of draft.lines) {
      rows.push({
        invoice,
        stockCode: line.stockCode,
        description: line.description,
        quantity: line.quantity,
        pence: line.pence,
        day: isoDay(Math.floor(draft.at / 1440)),
        minute: draft.at % 1440,
        customer: draft.customer,
        country: draft.country,
      });
    }
  }
  const intents = { linked: 0, standalone: 0 };
  for (const draft of drafts) if (draft.intent !== 'sale') intents[draft.intent] += 1;
  return { rows, intents };
};

const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
/** 2.55, 2.1, 18: as a spreadsheet writes the price. */
const price = (pence: number) => String(pence / 100);
const two = (n: number) => String(n).padStart(2, '0');

/** "Online Retail": `12/1/2010 8:26`, CustomerID `17850`. */
const onlineRetailCsv = (rows: readonly Row[]) =>
  [
    'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
    ...rows.map((row) => {
      const [year, month, day] = row.day.split('-').map(Number);
      const date = `${month}/${day}/${year} ${Math.floor(row.minute / 60)}:${two(row.minute % 60)}`;
      return [
        row.invoice,
        row.stockCode,
        field(row.description),
        row.quantity,
        date,
        price(row.pence),
        row.customer ?? '',
        row.country,
      ].join(',');
    }),
  ].join('\n') + '\n';

/** "Online Retail II": `2010-12-01 08:26:00`, Customer ID `13085.0`. */
const onlineRetailIiCsv = (rows: readonly Row[]) =>
  [
    'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country',
    ...rows.map((row) => {
      const date = `${row.day} ${two(Math.floor(row.minute / 60))}:${two(row.minute % 60)}:00`;
      return [
        row.invoice,
        row.stockCode,
        field(row.description),
        row.quantity,
        date,
        price(row.pence),
        row.customer === null ? '' : `${row.customer}.0`,
        row.country,
      ].join(',');
    }),
  ].join('\r\n') + '\r\n';

// --- DESIGN.md §3, worked out from the rows ----------------------------------------------------

type Order = {
  customer: number | null;
  day: string;
  at: number;
  total: number;
  refunded: number;
  quantities: Map<string, number>;
};

/**
 * The orders the rows stand for (DESIGN.md §2, §5): an invoice is an order of its lines; one
 * whose number starts with C or whose total is negative is a return. A return refunds the order
 * it can be linked to — the same customer's latest invoice by then that holds every returned
 * product in at least that quantity and still has that much left to refund — and becomes that
 * order's refunded amount; else it is a refund of its own on its own day (an order of total 0).
 */
const ordersOf = (rows: readonly Row[]) => {
  const invoices: Row[][] = [];
  for (const row of rows) {
    const last = invoices.at(-1);
    if (last && last[0]?.invoice === row.invoice) last.push(row);
    else invoices.push([row]);
  }
  const orders: Order[] = [];
  const returns: Order[] = [];
  for (const lines of invoices) {
    const head = lines[0] as Row;
    const order: Order = {
      customer: head.customer,
      day: head.day,
      at: dayNumber(head.day) * 1440 + head.minute,
      total: lines.reduce((sum, line) => sum + line.quantity * line.pence, 0),
      refunded: 0,
      quantities: new Map(lines.map((line) => [line.stockCode, line.quantity])),
    };
    if (head.invoice.startsWith('C') || order.total < 0) returns.push(order);
    else orders.push(order);
  }
  let linked = 0;
  for (const back of returns) {
    const amount = -back.total;
    const original = orders
      .filter(
        (order) =>
          back.customer !== null &&
          order.customer === back.customer &&
          order.at <= back.at &&
          order.total - order.refunded >= amount &&
          [...back.quantities].every(
            ([stockCode, quantity]) => (order.quantities.get(stockCode) ?? 0) >= -quantity,
          ),
      )
      .at(-1);
    if (original) {
      original.refunded += amount;
      linked += 1;
    } else {
      orders.push({ ...back, total: 0, refunded: amount });
    }
  }
  return { orders, linked, standalone: returns.length - linked, returns: returns.length };
};

// --- The runs -------------------------------------------------------------------------------

const QUERIES: Query[] = [
  // The data set's own span, as a reviewer would ask first.
  { asOf: '2011-12-20', from: '2010-12-01', to: '2011-12-20' },
  // A calendar year after the data's end: the 12-month value's population is December 2010's.
  { asOf: '2011-12-31', from: '2011-01-01', to: '2011-12-31' },
  // Mid-data: orders after T are not yet there, P starts mid-month (its cohort is the whole
  // month) and ends before T, across the year end.
  { asOf: '2011-06-30', from: '2010-12-15', to: '2011-03-10' },
];

const { rows, intents } = generateRows(20_101_201);
const truth = ordersOf(rows);
/** DESIGN.md §3 from the rows, in Gregorian months as the shop is set. */
const figuresFor = (q: Query) => expectedFigures(truth.orders, q, GREGORIAN_MONTHS);
const receipts = new Set(rows.map((row) => row.invoice)).size;
const buyers = new Set(rows.flatMap((row) => (row.customer === null ? [] : [row.customer])));

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.remove());

/** A new shop in pounds, London time, Gregorian months, set up from the command line. */
const makeShop = (name: string) => gregorianShopWith(run)(temp.file(name), 'GBP', 'Europe/London');

const importJson = importJsonWith(run);
const kpisJson = kpisJsonWith(run);

/** Line items stored without their StockCode: none when the column was mapped. */
const itemsWithoutSku = async (db: string) => {
  const database = openDatabase(db);
  try {
    return database.sqlite
      .prepare('SELECT count(*) FROM order_items WHERE sku IS NULL OR sku = product_name')
      .pluck()
      .get();
  } finally {
    await database.close();
  }
};

const expectDesignFigures = async (db: string) => {
  for (const q of QUERIES) {
    const expected = figuresFor(q);
    expect(comparable(await kpisJson(db, q), expected), JSON.stringify(q)).toEqual(
      rounded(expected),
    );
  }
};

/**
 * A new shop with `text` imported from a file named `name`: each receipt an order, each return a
 * refund, every StockCode kept, and DESIGN.md §3's figures.
 */
const importedShop = async (name: string, text: string) => {
  const db = await makeShop(`${name}.db`);
  const file = temp.file(name);
  writeFileSync(file, text);
  expect(await importJson(db, file)).toMatchObject({
    rowsRead: rows.length,
    rowsRejected: 0,
    ordersCreated: receipts - truth.returns,
    refundsRecorded: truth.returns,
    customersCreated: buyers.size,
  });
  expect(await itemsWithoutSku(db)).toBe(0);
  await expectDesignFigures(db);
  return { db, file };
};

describe('a public retail export through import and kpis', () => {
  it('is a file with every case in it', () => {
    expect(rows.length).toBeGreaterThan(2000);
    // The rule above links every return the generator meant to link, and only those.
    expect({ linked: truth.linked, standalone: truth.standalone }).toEqual(intents);
    expect(intents.linked).toBeGreaterThan(50);
    expect(intents.standalone).toBeGreaterThanOrEqual(16);
    for (const q of QUERIES) {
      const figures = figuresFor(q);
      expect(figures.churn90Customers, JSON.stringify(q)).toBeGreaterThan(0);
      expect(figures.medianDaysToSecondPurchase).not.toBeNull();
      expect(figures.refunded).toBeGreaterThan(0);
    }
    expect(figuresFor(QUERIES[1] as Query).clvCustomers).toBeGreaterThan(50);
  });

  it('gives DESIGN.md §3 figures for an Online Retail file, and the same after a re-import', async () => {
    const { db, file } = await importedShop('Online Retail.csv', onlineRetailCsv(rows));
    expect(await importJson(db, file)).toMatchObject({
      rowsRead: rows.length,
      rowsRejected: 0,
      ordersCreated: 0,
      ordersAlreadyPresent: receipts,
      refundsRecorded: 0,
      customersCreated: 0,
    });
    await expectDesignFigures(db);
  });

  it('maps an Online Retail II file by itself and gives the same figures', async () => {
    await importedShop('online_retail_II.csv', onlineRetailIiCsv(rows));
  });
});
