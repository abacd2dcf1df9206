import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAt, importJsonWith, kpisJsonWith } from '../../tests/fixtures/cli.ts';
import { seeded } from '../../tests/fixtures/seeded.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import {
  comparable,
  dayNumber,
  expectedFigures,
  isoDay,
  rounded,
} from '../../tests/fixtures/reference-kpis.ts';
import type { Months, Query } from '../../tests/fixtures/reference-kpis.ts';
import { openDatabase } from '../db/open.ts';

/**
 * The whole path of an Iranian accounting program's sales export (Hesabfa, Sepidar, Holoo: one
 * row per line item of a فاکتور فروش or a برگشت از فروش) through `bazgasht import` into a shop
 * as it comes out of the box (Rial, Jalali months, Tehran), then `bazgasht kpis --json`, against
 * DESIGN.md §3's figures worked out here from the file's rows alone — no code of the importer or
 * of the figures. The file is generated (seeded): Jalali dates in Persian or Latin digits, some
 * with a time, across two Jalali year ends (Esfand 1402 has 29 days, Esfand 1403 has 30); amounts
 * with `,` or `٬` and now and then the word ریال; names typed with Arabic ي/ك on some invoices and
 * Persian ی/ک on others; mobiles as 0912…, +98912… and ۰۹۱۲ ۱۲۳ ۴۵۶۷; invoices with only the
 * customer's mobile and no code; walk-ins; returns naming the invoice they return (in part, in
 * full, in two goes), returns naming none, and returns of nothing the customer bought.
 *
 * The same sales go out as a UTF-8 CSV with a BOM whose amount headers say (ریال), and as an
 * .xlsx with amounts in Toman under bare headers (the shop's display unit), written as Excel
 * writes them: numbers as numbers, a mobile that lost its leading 0, merged invoice cells left
 * blank on an invoice's later lines. Both must give the same figures, in Rial.
 */

const NOW = '2025-05-01T08:00:00.000Z';
const run = cliAt(NOW);

// --- Days and the Jalali calendar --------------------------------------------------------------

const JALALI = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const jalaliCache = new Map<number, { year: number; month: number; day: number }>();
/** A day (days since 1970-01-01) in the Jalali calendar, by the platform's ICU. */
const jalaliOf = (day: number) => {
  let date = jalaliCache.get(day);
  if (!date) {
    const parts = JALALI.formatToParts(Date.UTC(1970, 0, 1 + day));
    const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
    date = { year: part('year'), month: part('month'), day: part('day') };
    jalaliCache.set(day, date);
  }
  return date;
};
const two = (n: number) => String(n).padStart(2, '0');
/** Cohorts in Jalali months, as the shop counts them out of the box. */
const JALALI_MONTHS: Months = {
  calendar: 'persian',
  monthOf: (day) => {
    const { year, month } = jalaliOf(dayNumber(day));
    return `${year}-${two(month)}`;
  },
};

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persianDigits = (text: string) =>
  text.replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)] as string);

// 1402/07/01 … 1404/01/31: Esfand 1402 (29 days) into Farvardin 1403, Esfand 1403 (30 days, a
// leap year) into Farvardin 1404.
const FIRST_DAY = dayNumber('2023-09-23');
const LAST_DAY = dayNumber('2025-04-20');
const LAST_OF_ESFAND_1402 = dayNumber('2024-03-19');
const LAST_OF_ESFAND_1403 = dayNumber('2025-03-20');
const OPENING = 9 * 60;

// --- The file ----------------------------------------------------------------------------------

type Product = { sku: string; name: string; rial: number };
// Prices in Rial, whole Toman, as shops price them.
const CATALOGUE: Product[] = (
  [
    ['101', 'شال ابریشمی آبی', 8_500_000],
    ['102', 'کیف چرمی زنانه', 12_000_000],
    ['103', 'عطر زنانه ۵۰ میل', 25_000_000],
    ['104', 'ساعت مچی', 30_000_000],
    ['105', 'روسری نخی', 3_450_000],
    ['106', 'کمربند چرم', 4_800_000],
    ['107', 'کیف پول مردانه', 6_250_000],
    ['108', 'دستکش زمستانی', 1_990_000],
    ['109', 'کلاه بافتنی', 1_250_000],
    ['110', 'عینک آفتابی', 18_700_000],
    ['111', 'گردنبند نقره', 21_300_000],
    ['112', 'دستبند طلا', 95_000_000],
    ['113', 'جوراب (بسته ۳ تایی)', 870_000],
    ['114', 'کفش کتانی', 42_500_000],
    ['115', 'ژاکت پشمی', 33_000_000],
    ['116', 'پیراهن مردانه', 14_900_000],
    ['117', 'مانتو تابستانی', 27_800_000],
    ['118', 'چتر تاشو', 5_600_000],
  ] as const
).map(([sku, name, rial]) => ({ sku, name, rial }));

const FIRST_NAMES = ['علی', 'مریم', 'کاظم', 'زینب', 'یاسر', 'سمیه', 'کیوان', 'نیلوفر', 'مهدی'];
const LAST_NAMES = ['رضایی', 'کاظمی', 'کریمی', 'موسوی', 'یزدانی', 'کیانی', 'صادقی', 'شکیبا'];
const MOBILE_PREFIXES = ['912', '935', '919', '901', '990', '921', '937', '913', '939'];

type Person = { index: number; code: string; name: string; mobile: string | null };
type Line = { product: Product; quantity: number };

/** An invoice as generated, before numbers are given out in time order. */
type Draft = {
  /** Minutes since 1970-01-01, Tehran time. */
  at: number;
  /** Whether the date cell carries the time. */
  hasTime: boolean;
  person: Person | null;
  lines: Line[];
  isReturn: boolean;
  /** The sale a return names in فاکتور مرجع; a number not in the file when `ghost`. */
  names: Draft | 'ghost' | null;
  intent: 'sale' | 'named' | 'unnamed' | 'standalone';
  number?: number;
};

/** One row of the export as written: text cells, in the file's own forms. */
type Row = {
  invoice: string;
  date: string;
  /** The invoice's day (days since 1970-01-01), which the date cell writes in Jalali. */
  day: number;
  type: string;
  reference: string;
  code: string;
  name: string;
  mobile: string;
  sku: string;
  product: string;
  quantity: number;
  /** Unit price in Rial. */
  rial: number;
  /** How the CSV writes this invoice's amounts and quantities (amountText). */
  amountStyle: number;
  isFirstLine: boolean;
};

const arabicLetters = (text: string) => text.replaceAll('ی', 'ي').replaceAll('ک', 'ك');

const generate = (seed: number) => {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[random.int(list.length)] as T;

  const mobiles = new Set<string>();
  const people: Person[] = Array.from({ length: 200 }, (_, index) => {
    let mobile: string | null = null;
    if (random.next() < 0.85) {
      do mobile = `0${pick(MOBILE_PREFIXES)}${String(random.int(10_000_000)).padStart(7, '0')}`;
      while (mobiles.has(mobile));
      mobiles.add(mobile);
    }
    return {
      index,
      code: String(1001 + index),
      name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      mobile,
    };
  });

  const shopMinute = (day: number) => day * 1440 + OPENING + random.int(12 * 60);
  const basket = (): Line[] => {
    const lines: Line[] = [];
    const size = 1 + random.int(3);
    while (lines.length < size) {
      const product = pick(CATALOGUE);
      if (lines.some((line) => line.product === product)) continue;
      lines.push({ product, quantity: 1 + random.int(3) });
    }
    return lines;
  };
  const drafts: Draft[] = [];
  const sale = (day: number, person: Person | null, lines = basket()): Draft => {
    const draft: Draft = {
      at: shopMinute(day),
      hasTime: random.next() < 0.4,
      person,
      lines,
      isReturn: false,
      names: null,
      intent: 'sale',
    };
    drafts.push(draft);
    return draft;
  };

  const span = LAST_DAY - FIRST_DAY + 1;
  for (const person of people) {
    // The first ten open on the last day of a Jalali year: Esfand 29th 1402, Esfand 30th 1403.
    let day =
      person.index < 5
        ? LAST_OF_ESFAND_1402
        : person.index < 10
          ? LAST_OF_ESFAND_1403
          : FIRST_DAY + random.int(span - 20);
    let visits = 1;
    while (visits < 14 && random.next() < 0.8) visits += 1;
    for (let visit = 0; visit < visits && day <= LAST_DAY; visit += 1) {
      sale(day, person);
      // Two invoices on one day are one visit.
      if (random.next() < 0.08) sale(day, person);
      day += 1 + random.int(90);
    }
  }
  for (let i = 0; i < 300; i += 1) sale(FIRST_DAY + random.int(span), null);
  sale(LAST_OF_ESFAND_1402, null);
  sale(LAST_OF_ESFAND_1403, null);

  const salesOf = (person: Person) =>
    drafts.filter((draft) => draft.person === person && !draft.isReturn);
  /** Whether any of the person's sales up to `at`, other than `except`, has the product. */
  const boughtBefore = (person: Person, product: Product, at: number, except?: Draft) =>
    salesOf(person).some(
      (other) =>
        other !== except && other.at <= at && other.lines.some((line) => line.product === product),
    );
  const giveBack = (
    at: number,
    person: Person | null,
    lines: Line[],
    names: Draft['names'],
    intent: Draft['intent'],
  ) =>
    drafts.push({ at, hasTime: random.next() < 0.4, person, lines, isReturn: true, names, intent });

  const identifiedSales = drafts.filter((draft) => draft.person !== null);
  for (const draft of identifiedSales) {
    const roll = random.next();
    if (roll < 0.08) {
      // A return naming its invoice: all of it, or some lines, in part; now and then the rest of
      // a line comes back later on a second return naming the same invoice.
      const day = Math.floor(draft.at / 1440) + random.int(21);
      if (day > LAST_DAY) continue;
      const at = Math.max(shopMinute(day), draft.at + 5);
      const isWhole = random.next() < 0.3;
      const lines = isWhole
        ? draft.lines
        : draft.lines
            .filter((_, index) => index === 0 || random.next() < 0.4)
            .map((line) => ({ ...line, quantity: 1 + random.int(line.quantity) }));
      giveBack(at, draft.person, lines, draft, 'named');
      const [line] = lines;
      const bought = draft.lines[0] as Line;
      const later = Math.floor(at / 1440) + 1 + random.int(15);
      if (!isWhole && line && line.quantity < bought.quantity && later <= LAST_DAY) {
        giveBack(
          shopMinute(later),
          draft.person,
          [{ ...line, quantity: bought.quantity - line.quantity }],
          draft,
          'named',
        );
      }
    } else if (roll < 0.11) {
      // A return naming no invoice, of a product only this invoice of the customer's has.
      const person = draft.person as Person;
      const day = Math.floor(draft.at / 1440) + 1 + random.int(20);
      if (day > LAST_DAY) continue;
      const at = shopMinute(day);
      const own = draft.lines.filter((line) => !boughtBefore(person, line.product, at, draft));
      const line = own[0];
      if (!line) continue;
      giveBack(at, person, [{ ...line, quantity: 1 }], null, 'unnamed');
    }
  }
  // Returns with nothing to refund: a walk-in's, a customer's of a product never bought, one
  // naming an invoice from before the export (a number not in the file).
  for (let made = 0; made < 9;) {
    const anchor = pick(identifiedSales);
    const person = made < 3 ? null : anchor.person;
    const day = Math.floor(anchor.at / 1440) + 1 + random.int(20);
    const product = pick(CATALOGUE);
    const at = shopMinute(day);
    if (day > LAST_DAY || (person && boughtBefore(person, product, at))) continue;
    const names = made >= 6 ? 'ghost' : null;
    giveBack(at, person, [{ product, quantity: 1 }], names, 'standalone');
    made += 1;
  }

  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => a.draft.at - b.draft.at || a.index - b.index)
    .map(({ draft }) => draft);
  let number = 10_001;
  for (const draft of ordered) {
    draft.number = number;
    number += 1;
  }

  // How each invoice names its customer: the first invoice in full; later ones now without the
  // code (the mobile finds them) or without the mobile (the code does).
  const seen = new Set<Person>();
  const rows: Row[] = [];
  for (const draft of ordered) {
    const person = draft.person;
    let code = '';
    let name = '';
    let mobile = '';
    if (person) {
      const isFirst = !seen.has(person);
      seen.add(person);
      const roll = random.next();
      const withCode = isFirst || !person.mobile || roll >= 0.12;
      const withMobile = person.mobile !== null && (isFirst || !withCode || roll < 0.9);
      if (withCode) code = random.next() < 0.15 ? persianDigits(person.code) : person.code;
      name = random.next() < 0.4 ? arabicLetters(person.name) : person.name;
      if (withMobile && person.mobile) {
        const form = random.int(3);
        mobile =
          form === 0
            ? person.mobile
            : form === 1
              ? `+98${person.mobile.slice(1)}`
              : persianDigits(
                  `${person.mobile.slice(0, 4)} ${person.mobile.slice(4, 7)} ${person.mobile.slice(7)}`,
                );
      }
    }
    const day = Math.floor(draft.at / 1440);
    const jalali = jalaliOf(day);
    let date = `${jalali.year}/${two(jalali.month)}/${two(jalali.day)}`;
    if (draft.hasTime) date += ` ${two(Math.floor((draft.at % 1440) / 60))}:${two(draft.at % 60)}`;
    if (random.next() < 0.5) date = persianDigits(date);
    const amountStyle = random.int(5);
    const reference =
      draft.names === null ? '' : draft.names === 'ghost' ? '9874' : String(draft.names.number);
    draft.lines.forEach((line, index) =>
      rows.push({
        invoice: String(draft.number),
        date,
        day,
        type: draft.isReturn ? 'برگشت از فروش' : 'فروش',
        reference,
        code,
        name,
        mobile,
        sku: line.product.sku,
        product: line.product.name,
        quantity: line.quantity,
        rial: line.product.rial,
        amountStyle,
        isFirstLine: index === 0,
      }),
    );
  }
  const intents = { named: 0, unnamed: 0, standalone: 0 };
  for (const draft of drafts) if (draft.intent !== 'sale') intents[draft.intent] += 1;
  return { rows, intents, people };
};

const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** An amount in one of the ways accounting exports write it. */
const amountText = (value: number, style: number) => {
  const grouped = value.toLocaleString('en-US');
  switch (style) {
    case 0:
      return String(value);
    case 1:
      return grouped;
    case 2:
      return persianDigits(grouped.replaceAll(',', '٬'));
    case 3:
      return `${grouped} ریال`;
    default:
      return `${persianDigits(grouped.replaceAll(',', '٬'))} ریال`;
  }
};

/**
 * The row amount goes under مبلغ کل, as many line-item exports name it: mapped as the invoice's
 * total, it is read as each line's amount, as its values differ between an invoice's lines.
 */
const CSV_HEADER = [
  'شماره فاکتور',
  'تاریخ',
  'نوع فاکتور',
  'فاکتور مرجع',
  'کد مشتری',
  'نام مشتری',
  'موبایل',
  'کد کالا',
  'شرح کالا',
  'تعداد',
  'فی (ریال)',
  'مبلغ کل (ریال)',
];

const accountingCsv = (rows: readonly Row[]) =>
  '\ufeff' +
  [
    CSV_HEADER.join(','),
    ...rows.map((row) =>
      [
        row.invoice,
        row.date,
        row.type,
        row.reference,
        row.code,
        field(row.name),
        row.mobile,
        row.sku,
        field(row.product),
        row.amountStyle >= 2 ? persianDigits(String(row.quantity)) : String(row.quantity),
        field(amountText(row.rial, row.amountStyle)),
        field(amountText(row.rial * row.quantity, row.amountStyle)),
      ].join(','),
    ),
  ].join('\r\n') +
  '\r\n';

const XLSX_HEADER = [
  'شماره فاکتور',
  'تاریخ فاکتور',
  'نوع فاکتور',
  'شماره فاکتور مرجع',
  'کد طرف حساب',
  'نام طرف حساب',
  'تلفن همراه',
  'کد کالا',
  'نام کالا',
  'مقدار',
  'مبلغ واحد',
  'جمع ردیف',
];

/**
 * The same rows as a workbook from another program, whose headers (تاریخ فاکتور, کد طرف حساب…)
 * match no preset and are mapped by their names alone; amounts in Toman: numbers as numbers (a mobile typed 0912… into
 * a number cell has lost its 0), an invoice's own cells only on its first line, as an export
 * with merged cells gives them.
 */
const accountingXlsx = async (rows: readonly Row[]) => {
  const number = (text: string) => (/^\d+$/.test(text) ? Number(text) : text || null);
  const data = rows.map((row) => {
    const own = row.isFirstLine;
    return [
      own ? Number(row.invoice) : null,
      own ? row.date : null,
      own ? row.type : null,
      own ? number(row.reference) : null,
      own ? number(row.code) : null,
      own ? row.name || null : null,
      own ? number(row.mobile) : null,
      row.sku,
      row.product,
      row.quantity,
      row.rial / 10,
      (row.rial * row.quantity) / 10,
    ];
  });
  return writeXlsxFile([XLSX_HEADER, ...data], { sheet: 'فاکتورهای فروش' }).toBuffer();
};

// --- DESIGN.md §3, worked out from the rows ----------------------------------------------------

type Order = {
  customer: number | null;
  /** Tehran's day, `YYYY-MM-DD`. */
  day: string;
  total: number;
  refunded: number;
  number: string;
  skus: Set<string>;
};

const latinDigits = (text: string) =>
  text.replace(/[۰-۹٠-٩]/g, (digit) => String(`${PERSIAN_DIGITS}٠١٢٣٤٥٦٧٨٩`.indexOf(digit) % 10));
/** A customer code as compared: digits in Latin, no spaces around. */
const codeKey = (text: string) => latinDigits(text).trim();
/** A mobile as compared: its last ten digits (9…), however it was written. */
const mobileKey = (text: string) => {
  const digits = latinDigits(text).replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : '';
};

/**
 * The orders the rows stand for (DESIGN.md §2, §5). Customers are matched by code, else by
 * mobile (the first of the two that is already known), and take on the other. An invoice is an
 * order of its lines (تعداد × فی); a برگشت از فروش refunds the invoice it names if that has that
 * much left to refund, else the customer's latest invoice by then holding a returned product with
 * that much left; failing both it is a refund of its own on its day (an order of total 0).
 */
const ordersOf = (rows: readonly Row[]) => {
  const invoices: Row[][] = [];
  for (const row of rows) {
    const last = invoices.at(-1);
    if (last && last[0]?.invoice === row.invoice) last.push(row);
    else invoices.push([row]);
  }
  const byCode = new Map<string, number>();
  const byMobile = new Map<string, number>();
  let customers = 0;
  const customerOf = (row: Row): number | null => {
    const code = codeKey(row.code);
    const mobile = mobileKey(row.mobile);
    if (code === '' && mobile === '') return null;
    const id =
      (code !== '' ? byCode.get(code) : undefined) ??
      (mobile !== '' ? byMobile.get(mobile) : undefined) ??
      customers++;
    if (code !== '' && !byCode.has(code)) byCode.set(code, id);
    if (mobile !== '' && !byMobile.has(mobile)) byMobile.set(mobile, id);
    return id;
  };

  const orders: Order[] = [];
  const returns: (Order & { reference: string })[] = [];
  for (const lines of invoices) {
    const head = lines[0] as Row;
    const order: Order = {
      customer: customerOf(head),
      day: isoDay(head.day),
      total: lines.reduce((sum, line) => sum + line.quantity * line.rial, 0),
      refunded: 0,
      number: head.invoice,
      skus: new Set(lines.map((line) => line.sku)),
    };
    if (head.type.includes('برگشت')) returns.push({ ...order, reference: head.reference });
    else orders.push(order);
  }
  let linked = 0;
  for (const back of returns) {
    const left = (order: Order) => order.total - order.refunded >= back.total;
    const named = orders.find((order) => order.number === back.reference && left(order));
    // Invoice numbers run in time order: an earlier number is an earlier invoice.
    const held = orders
      .filter(
        (order) =>
          back.customer !== null &&
          order.customer === back.customer &&
          Number(order.number) < Number(back.number) &&
          left(order) &&
          [...back.skus].some((sku) => order.skus.has(sku)),
      )
      .at(-1);
    const original = named ?? held;
    if (original) {
      original.refunded += back.total;
      linked += 1;
    } else {
      orders.push({ ...back, total: 0, refunded: back.total });
    }
  }
  return {
    orders,
    customers,
    linked,
    standalone: returns.length - linked,
    returns: returns.length,
  };
};

// --- The runs -------------------------------------------------------------------------------

const QUERIES: Query[] = [
  // The Jalali year 1403 (1403/01/01 … 1403/12/30), a month after its end.
  { asOf: '2025-04-20', from: '2024-03-20', to: '2025-03-20' },
  // Mid-data: Esfand 1402 and Farvardin 1403, across the year end, judged two months later.
  { asOf: '2024-06-20', from: '2024-02-20', to: '2024-04-19' },
];

const { rows, intents, people } = generate(14_021_229);
const truth = ordersOf(rows);
/** DESIGN.md §3 from the rows, in Jalali months. */
const figuresFor = (q: Query) => expectedFigures(truth.orders, q, JALALI_MONTHS);
const invoices = new Set(rows.map((row) => row.invoice)).size;

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.remove());

const importJson = importJsonWith(run);
const kpisJson = kpisJsonWith(run);

/** What the first import read the amounts as and which field each header went to. */
const firstImportSettings = async (db: string) => {
  const database = openDatabase(db);
  try {
    const settings = database.sqlite
      .prepare('SELECT settings FROM import_batches ORDER BY started_at LIMIT 1')
      .pluck()
      .get() as string;
    const names = database.sqlite
      .prepare("SELECT count(*) FROM customers WHERE name GLOB '*[يك]*'")
      .pluck()
      .get();
    const { options, fields } = JSON.parse(settings) as {
      options: { amountUnit: string; calendar: string };
      fields: Record<string, string>;
    };
    return { amountUnit: options.amountUnit, fields, namesWithArabicLetters: names };
  } finally {
    await database.close();
  }
};

/**
 * The first import read the amounts in `amountUnit`, mapped at least these fields to these
 * headers, and stored every name in Persian letters.
 */
const expectFirstImportRead = async (
  db: string,
  amountUnit: string,
  fields: Record<string, string>,
) =>
  expect(await firstImportSettings(db)).toEqual({
    amountUnit,
    fields: expect.objectContaining(fields) as unknown,
    namesWithArabicLetters: 0,
  });

const expectDesignFigures = async (db: string) => {
  for (const q of QUERIES) {
    const expected = figuresFor(q);
    expect(comparable(await kpisJson(db, q), expected), JSON.stringify(q)).toEqual(
      rounded(expected),
    );
  }
};

/**
 * Writes `content` to a file named `name`, imports it into a new shop, checks the figures, imports
 * it again and checks again; gives the shop.
 */
const expectImportedTwice = async (name: string, content: string | Uint8Array) => {
  const db = temp.file(`${name}.db`);
  const file = temp.file(name);
  writeFileSync(file, content);
  expect(await importJson(db, file)).toMatchObject({
    rowsRead: rows.length,
    rowsRejected: 0,
    ordersCreated: invoices - truth.returns,
    refundsRecorded: truth.returns,
    customersCreated: people.length,
  });
  await expectDesignFigures(db);
  expect(await importJson(db, file)).toMatchObject({
    rowsRead: rows.length,
    rowsRejected: 0,
    ordersCreated: 0,
    ordersAlreadyPresent: invoices,
    refundsRecorded: 0,
    customersCreated: 0,
  });
  await expectDesignFigures(db);
  return db;
};

describe('an Iranian accounting export through import and kpis', () => {
  it('is a file with every case in it', () => {
    expect(invoices).toBeGreaterThan(1100);
    // Matching by code, else mobile, finds each person the generator made, and no one else.
    expect(truth.customers).toBe(people.length);
    // The rule above links every return the generator meant to link, and only those.
    expect({ linked: truth.linked, standalone: truth.standalone }).toEqual({
      linked: intents.named + intents.unnamed,
      standalone: intents.standalone,
    });
    expect(intents.named).toBeGreaterThan(40);
    expect(intents.unnamed).toBeGreaterThan(10);
    const heads = rows.filter((row) => row.isFirstLine);
    const count = (test: (row: Row) => boolean) => heads.filter(test).length;
    const latin = (row: Row) => latinDigits(row.date);
    expect(count((row) => latin(row).startsWith('1402/12/29'))).toBeGreaterThan(5);
    expect(count((row) => latin(row).startsWith('1403/12/30'))).toBeGreaterThan(5);
    expect(count((row) => /^[۰-۹]/.test(row.date))).toBeGreaterThan(300);
    expect(count((row) => / \d\d:\d\d$/.test(latin(row)))).toBeGreaterThan(300);
    expect(count((row) => row.code === '' && row.mobile !== '')).toBeGreaterThan(40);
    expect(count((row) => row.code !== '' && row.mobile === '')).toBeGreaterThan(40);
    expect(count((row) => /^[۰-۹]+$/.test(row.code))).toBeGreaterThan(40);
    expect(count((row) => row.mobile.startsWith('+98'))).toBeGreaterThan(100);
    expect(count((row) => row.mobile.startsWith('۰۹'))).toBeGreaterThan(100);
    expect(count((row) => /[يك]/.test(row.name))).toBeGreaterThan(100);
    expect(count((row) => row.name === '')).toBeGreaterThan(250);
    for (const q of QUERIES) {
      const figures = figuresFor(q);
      expect(figures.churn90Customers, JSON.stringify(q)).toBeGreaterThan(0);
      expect(figures.returningCustomers, JSON.stringify(q)).toBeGreaterThan(0);
      expect(figures.refunded, JSON.stringify(q)).toBeGreaterThan(0);
    }
    // A year after the first sales: the 12-month value's population.
    expect(figuresFor(QUERIES[0] as Query).clvCustomers).toBeGreaterThan(50);
  });

  it('gives DESIGN.md §3 figures for the CSV in Rial, and the same after a re-import', async () => {
    const db = await expectImportedTwice('فروش ۱۴۰۳.csv', accountingCsv(rows));
    await expectFirstImportRead(db, 'rial', {
      receiptId: 'شماره فاکتور',
      invoiceType: 'نوع فاکتور',
      originalReceiptId: 'فاکتور مرجع',
      customerId: 'کد مشتری',
      phone: 'موبایل',
      unitPrice: 'فی (ریال)',
      total: 'مبلغ کل (ریال)',
    });
  });

  it('gives the same figures for the workbook in Toman, and after a re-import', async () => {
    const db = await expectImportedTwice('فروش ۱۴۰۳.xlsx', await accountingXlsx(rows));
    await expectFirstImportRead(db, 'toman', {
      originalReceiptId: 'شماره فاکتور مرجع',
      customerId: 'کد طرف حساب',
      phone: 'تلفن همراه',
      unitPrice: 'مبلغ واحد',
      lineTotal: 'جمع ردیف',
    });
  });
});
