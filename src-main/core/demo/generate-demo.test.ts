import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomerSearchText } from '../../../src-shared/domain/customer-search.ts';
import { UUID_PATTERN } from '../../../src-shared/domain/id.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import { openTempDatabase } from '../../../tests/fixtures/temp-db.ts';
import { generateDemoShop } from './generate-demo.ts';
import type { DemoOptions } from './generate-demo.ts';

type Temp = ReturnType<typeof openTempDatabase>;

const FA: DemoOptions = {
  customers: 500,
  seed: 7,
  locale: 'fa',
  asOf: '2026-11-01',
  timeZone: 'Asia/Tehran',
};
const EN: DemoOptions = { ...FA, locale: 'en', timeZone: 'Europe/London' };

const opened: Temp[] = [];
const shop = (options: DemoOptions, onProgress?: (done: number, total: number) => void) => {
  const temp = openTempDatabase();
  opened.push(temp);
  const summary = generateDemoShop(temp.sqlite, options, onProgress);
  return { sqlite: temp.sqlite, summary };
};

afterAll(async () => {
  for (const temp of opened) await temp.remove();
});

const all = <T>(sqlite: BetterSqlite3.Database, sql: string, ...params: unknown[]): T[] =>
  sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sqlite: BetterSqlite3.Database, sql: string, ...params: unknown[]): T =>
  sqlite.prepare(sql).get(...params) as T;

/** Every row of the generated tables, in key order, hashed. */
const fingerprint = (sqlite: BetterSqlite3.Database): string => {
  const hash = createHash('sha256');
  for (const table of ['staff', 'customers', 'orders', 'order_items']) {
    const key = table === 'order_items' ? 'order_id, line' : 'id';
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
};

type OrderRow = {
  id: string;
  external_id: string;
  customer_id: string | null;
  ordered_at: string;
  local_date: string;
  total: number;
  refunded: number;
  status: string;
  created_at: string;
  updated_at: string;
};

describe('generateDemoShop (fa)', () => {
  let sqlite: BetterSqlite3.Database;
  let summary: ReturnType<typeof generateDemoShop>;
  const progress: [number, number][] = [];

  beforeAll(() => {
    ({ sqlite, summary } = shop(FA, (done, total) => progress.push([done, total])));
  });

  it('is deterministic: the same options give identical rows, another seed different ones', () => {
    const again = shop(FA).sqlite;
    expect(fingerprint(again)).toBe(fingerprint(sqlite));
    const other = shop({ ...FA, seed: 8 }).sqlite;
    expect(fingerprint(other)).not.toBe(fingerprint(sqlite));
  });

  it('writes about ten orders per customer, 1–4 lines each, and a few staff', () => {
    expect(summary.customers).toBe(500);
    expect(summary.orders).toBeGreaterThan(3500);
    expect(summary.orders).toBeLessThan(7000);
    expect(summary.items / summary.orders).toBeGreaterThan(1.4);
    expect(summary.items / summary.orders).toBeLessThan(2.2);
    expect(summary.staff).toBeGreaterThanOrEqual(3);
    expect(summary.staff).toBeLessThanOrEqual(5);
    const counts = one<{ customers: number; orders: number; items: number; staff: number }>(
      sqlite,
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders,
         (SELECT count(*) FROM order_items) AS items, (SELECT count(*) FROM staff) AS staff`,
    );
    expect(counts).toEqual(summary);
    const lines = one<{ fewest: number; most: number }>(
      sqlite,
      `SELECT min(n) AS fewest, max(n) AS most FROM
         (SELECT count(*) AS n FROM order_items GROUP BY order_id)`,
    );
    expect(lines).toEqual({ fewest: 1, most: 4 });
  });

  it('has mostly one-time buyers, a loyal core and about a tenth walk-in sales', () => {
    // Purchase days (DESIGN.md §3): local days with an order of positive net amount.
    const days = all<{ days: number }>(
      sqlite,
      `SELECT count(DISTINCT CASE WHEN o.total - o.refunded > 0 THEN o.local_date END) AS days
       FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id`,
    ).map((row) => row.days);
    const share = (test: (n: number) => boolean) => days.filter(test).length / days.length;
    expect(share((n) => n === 1)).toBeGreaterThan(0.55);
    expect(share((n) => n === 1)).toBeLessThan(0.75);
    expect(share((n) => n >= 20)).toBeGreaterThan(0.04);
    const walkIns = one<{ share: number }>(
      sqlite,
      'SELECT avg(customer_id IS NULL) AS share FROM orders',
    ).share;
    expect(walkIns).toBeGreaterThan(0.06);
    expect(walkIns).toBeLessThan(0.14);
  });

  it('refunds about 3 % of orders, never more than the total, with a matching status', () => {
    const orders = all<OrderRow>(sqlite, 'SELECT * FROM orders');
    for (const order of orders) {
      expect(order.refunded).toBeGreaterThanOrEqual(0);
      expect(order.refunded).toBeLessThanOrEqual(order.total);
      const expected =
        order.refunded === 0
          ? 'completed'
          : order.refunded === order.total
            ? 'refunded'
            : 'partially_refunded';
      expect(order.status).toBe(expected);
      expect(order.updated_at >= order.created_at).toBe(true);
    }
    const refundedShare = orders.filter((o) => o.refunded > 0).length / orders.length;
    expect(refundedShare).toBeGreaterThan(0.01);
    expect(refundedShare).toBeLessThan(0.06);
  });

  it('has no sale on or after asOf, and every local date is the shop-zone day of ordered_at', () => {
    const orders = all<OrderRow>(sqlite, 'SELECT * FROM orders ORDER BY external_id');
    const endOfAsOfEve = Date.parse('2026-10-31T20:30:00Z'); // 23:59:59 Tehran, +03:30
    const dayIn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' });
    const hourIn = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tehran',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    let previous = '';
    orders.forEach((order, i) => {
      expect(order.local_date < FA.asOf).toBe(true);
      expect(Date.parse(order.ordered_at)).toBeLessThan(endOfAsOfEve);
      expect(Date.parse(order.updated_at)).toBeLessThan(endOfAsOfEve);
      // Invoice numbers rise with time, as a till prints them.
      expect(order.ordered_at >= previous).toBe(true);
      previous = order.ordered_at;
      if (i % 13 === 0) {
        const at = new Date(order.ordered_at);
        expect(dayIn.format(at)).toBe(order.local_date);
        const hour = Number(hourIn.format(at));
        expect(hour).toBeGreaterThanOrEqual(10);
        expect(hour).toBeLessThan(21);
      }
    });
    expect(new Set(orders.map((o) => o.external_id)).size).toBe(orders.length);
    expect(orders[0]?.external_id).toBe('INV-000001');
    const first = orders[0]?.local_date ?? '';
    expect(first >= '2023-11-01').toBe(true);
    expect(first < '2023-12-01').toBe(true);
  });

  it('follows the Iranian calendar of trade: quiet Fridays, a rush before Nowruz', () => {
    const byWeekday = all<{ weekday: string; n: number }>(
      sqlite,
      `SELECT strftime('%w', local_date) AS weekday, count(*) AS n FROM orders GROUP BY 1`,
    );
    const friday = byWeekday.find((row) => row.weekday === '5')?.n ?? 0;
    const others = byWeekday.filter((row) => row.weekday !== '5').map((row) => row.n);
    expect(friday).toBeLessThan(Math.min(...others) * 0.7);
    // 1 Farvardin 1405 is 2026-03-21.
    const rush = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM orders WHERE local_date BETWEEN '2026-03-11' AND '2026-03-20'`,
    ).n;
    const autumn = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM orders WHERE local_date BETWEEN '2026-10-01' AND '2026-10-10'`,
    ).n;
    expect(rush).toBeGreaterThan(autumn * 1.5);
  });

  it('uses UUIDv7 keys made from each row’s own time', () => {
    const timeOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    for (const table of ['staff', 'customers']) {
      for (const row of all<{ id: string; created_at: string }>(
        sqlite,
        `SELECT id, created_at FROM ${table}`,
      )) {
        expect(row.id).toMatch(UUID_PATTERN);
        expect(timeOf(row.id)).toBe(Date.parse(row.created_at));
      }
    }
    for (const row of all<OrderRow>(sqlite, 'SELECT id, ordered_at FROM orders')) {
      expect(row.id).toMatch(UUID_PATTERN);
      expect(timeOf(row.id)).toBe(Date.parse(row.ordered_at));
    }
  });

  it('writes Persian names, valid Iranian mobiles and Rial prices in Toman steps', () => {
    const customers = all<{
      name: string;
      phone_e164: string | null;
      phone_raw: string | null;
      email: string | null;
      search_text: string;
    }>(sqlite, 'SELECT name, phone_e164, phone_raw, email, search_text FROM customers');
    const withPhone = customers.filter((c) => c.phone_e164 !== null);
    expect(withPhone.length / customers.length).toBeGreaterThan(0.9);
    expect(withPhone.length).toBeLessThan(customers.length);
    for (const customer of customers) {
      expect(customer.name).toMatch(/^[\u0600-\u06ff\u200c ]+$/);
      if (customer.phone_e164 === null) continue;
      const phone = normalisePhone(customer.phone_raw ?? '');
      expect(phone?.e164).toBe(customer.phone_e164);
      expect(customer.search_text).toContain(phone?.national);
      expect(customer.search_text).toBe(
        buildCustomerSearchText({
          name: customer.name,
          phoneE164: customer.phone_e164,
          email: customer.email,
        }),
      );
    }
    // Persian digits and spaced forms appear among the raw numbers, as people type them.
    expect(withPhone.some((c) => /[۰-۹]/.test(c.phone_raw ?? ''))).toBe(true);
    expect(withPhone.some((c) => / /.test(c.phone_raw ?? ''))).toBe(true);

    const prices = all<{ unit_price: number; line_total: number; quantity: number }>(
      sqlite,
      'SELECT unit_price, line_total, quantity FROM order_items',
    );
    for (const item of prices) {
      expect(item.unit_price % 50_000).toBe(0); // 5,000 Toman steps, stored in Rial
      expect(item.unit_price).toBeGreaterThanOrEqual(100_000);
      expect(item.line_total).toBe(item.unit_price * item.quantity);
    }
    const totals = all<{ total: number; lines: number }>(
      sqlite,
      `SELECT o.total, sum(i.line_total) AS lines FROM orders o JOIN order_items i ON i.order_id = o.id
       GROUP BY o.id`,
    );
    for (const row of totals) expect(row.total).toBe(row.lines);
  });

  it('gives some customers emails, birthdays, tags, notes and a do-not-contact flag', () => {
    const shares = one<Record<string, number>>(
      sqlite,
      `SELECT avg(email IS NOT NULL) AS email, avg(birthday IS NOT NULL) AS birthday,
         avg(tags <> '[]') AS tags, avg(notes <> '') AS notes, avg(do_not_contact) AS dnc
       FROM customers`,
    );
    expect(shares.email).toBeGreaterThan(0.04);
    expect(shares.birthday).toBeGreaterThan(0.1);
    expect(shares.tags).toBeGreaterThan(0.05);
    expect(shares.notes).toBeGreaterThan(0);
    expect(shares.dnc).toBeGreaterThan(0);
    expect(shares.dnc).toBeLessThan(0.06);
    const tags = all<{ tags: string }>(sqlite, "SELECT tags FROM customers WHERE tags <> '[]'");
    const seen = new Set(tags.flatMap((row) => JSON.parse(row.tags) as string[]));
    expect(seen).toContain('اینستاگرام');
    for (const row of all<{ birthday: string }>(
      sqlite,
      'SELECT birthday FROM customers WHERE birthday IS NOT NULL',
    )) {
      expect(row.birthday).toMatch(/^(19[5-9]\d|200\d)-\d\d-\d\d$/);
    }
    // Created at the first visit.
    const mismatched = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM customers c
       WHERE c.created_at <> (SELECT min(ordered_at) FROM orders o WHERE o.customer_id = c.id)`,
    ).n;
    expect(mismatched).toBe(0);
  });

  it('leaves the cached customer figures equal to a fresh aggregate of the orders', () => {
    const stale = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM customers c LEFT JOIN (
         SELECT customer_id,
           sum(CASE WHEN total - refunded > 0 THEN 1 ELSE 0 END) AS order_count,
           sum(total - refunded) AS total_spent,
           min(CASE WHEN total - refunded > 0 THEN ordered_at END) AS first_purchase_at,
           max(CASE WHEN total - refunded > 0 THEN ordered_at END) AS last_purchase_at
         FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id) s ON s.customer_id = c.id
       WHERE c.order_count IS NOT coalesce(s.order_count, 0)
          OR c.total_spent IS NOT coalesce(s.total_spent, 0)
          OR c.first_purchase_at IS NOT s.first_purchase_at
          OR c.last_purchase_at IS NOT s.last_purchase_at`,
    ).n;
    expect(stale).toBe(0);
    expect(one<{ n: number }>(sqlite, 'SELECT sum(order_count) AS n FROM customers').n).toBe(
      one<{ n: number }>(
        sqlite,
        'SELECT count(*) AS n FROM orders WHERE customer_id IS NOT NULL AND total > refunded',
      ).n,
    );
  });

  it('leaves a sound database: keys, the same indexes as a fresh one, WAL back on', () => {
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // The indexes dropped for the load are back, exactly as the migrations define them.
    const schemaOf = (db: BetterSqlite3.Database) =>
      all<{ name: string; sql: string | null }>(
        db,
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name",
      );
    const fresh = openTempDatabase();
    opened.push(fresh);
    expect(schemaOf(sqlite)).toEqual(schemaOf(fresh.sqlite));
  });

  it('reports progress about every 1 %, ending at the total', () => {
    expect(progress[0]).toEqual([0, summary.orders]);
    expect(progress.at(-1)).toEqual([summary.orders, summary.orders]);
    expect(progress.length).toBeGreaterThan(90);
    expect(progress.length).toBeLessThan(110);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]?.[0]).toBeGreaterThan(progress[i - 1]?.[0] ?? 0);
    }
  });
});

describe('generateDemoShop (en)', () => {
  let sqlite: BetterSqlite3.Database;
  beforeAll(() => {
    ({ sqlite } = shop(EN));
  });

  it('writes English names, UK mobiles, more emails and prices in pence', () => {
    const customers = all<{ name: string; phone_e164: string | null; phone_raw: string | null }>(
      sqlite,
      'SELECT name, phone_e164, phone_raw FROM customers',
    );
    for (const customer of customers) {
      expect(customer.name).toMatch(/^[A-Za-z' ]+$/);
      if (customer.phone_raw !== null) {
        expect(normalisePhone(customer.phone_raw, 'GB')?.e164).toBe(customer.phone_e164);
        expect(customer.phone_e164).toMatch(/^\+447\d{9}$/);
      }
    }
    const email = one<{ share: number }>(
      sqlite,
      'SELECT avg(email IS NOT NULL) AS share FROM customers',
    ).share;
    expect(email).toBeGreaterThan(0.4);
    const tags = all<{ tags: string }>(sqlite, "SELECT tags FROM customers WHERE tags <> '[]'");
    expect(new Set(tags.flatMap((row) => JSON.parse(row.tags) as string[]))).toContain('instagram');

    const prices = all<{ unit_price: number }>(sqlite, 'SELECT unit_price FROM order_items');
    for (const { unit_price: pence } of prices) {
      expect(Number.isInteger(pence)).toBe(true);
      expect(pence).toBeGreaterThanOrEqual(99);
      expect(pence).toBeLessThanOrEqual(20_000);
      // Whole pounds, or £x.49 / £x.99 on cheaper lines.
      expect(pence % 100 === 0 || pence % 50 === 49).toBe(true);
    }
  });

  it('follows the English calendar of trade: quiet Sundays, a Christmas rush', () => {
    const byWeekday = all<{ weekday: string; n: number }>(
      sqlite,
      `SELECT strftime('%w', local_date) AS weekday, count(*) AS n FROM orders GROUP BY 1`,
    );
    const sunday = byWeekday.find((row) => row.weekday === '0')?.n ?? 0;
    const saturday = byWeekday.find((row) => row.weekday === '6')?.n ?? 0;
    expect(sunday).toBeLessThan(saturday * 0.6);
    const december = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM orders WHERE local_date BETWEEN '2025-12-01' AND '2025-12-24'`,
    ).n;
    const october = one<{ n: number }>(
      sqlite,
      `SELECT count(*) AS n FROM orders WHERE local_date BETWEEN '2025-10-01' AND '2025-10-24'`,
    ).n;
    expect(december).toBeGreaterThan(october * 1.3);
    expect(
      one<{ n: number }>(sqlite, "SELECT count(*) AS n FROM orders WHERE local_date LIKE '%-12-25'")
        .n,
    ).toBe(0);
    // British Summer Time: 10:00 local is 09:00 UTC in summer, 10:00 UTC in winter.
    const summer = one<{ first: string }>(
      sqlite,
      "SELECT min(substr(ordered_at, 12, 5)) AS first FROM orders WHERE local_date LIKE '2026-07-%'",
    ).first;
    const winter = one<{ first: string }>(
      sqlite,
      "SELECT min(substr(ordered_at, 12, 5)) AS first FROM orders WHERE local_date LIKE '2026-01-%'",
    ).first;
    expect(summer.startsWith('09:')).toBe(true);
    expect(winter.startsWith('10:')).toBe(true);
  });
});

describe('generateDemoShop refuses', () => {
  it('bad options with a bad_input error, before writing anything', () => {
    const temp = openTempDatabase();
    opened.push(temp);
    const attempts: Partial<DemoOptions>[] = [
      { customers: 0 },
      { customers: 2.5 },
      { seed: Number.NaN },
      { asOf: '2026-02-30' },
      { asOf: '1/11/2026' },
      { timeZone: 'Mars/Olympus_Mons' },
    ];
    for (const attempt of attempts) {
      expect(() => generateDemoShop(temp.sqlite, { ...FA, customers: 50, ...attempt })).toThrow(
        expect.objectContaining({ code: 'bad_input' }),
      );
    }
    expect(one<{ n: number }>(temp.sqlite, 'SELECT count(*) AS n FROM staff').n).toBe(0);
  });

  it('a database that already holds data, leaving it as it was', () => {
    const { sqlite } = shop({ ...FA, customers: 20 });
    const before = fingerprint(sqlite);
    expect(() => generateDemoShop(sqlite, { ...FA, customers: 20, seed: 99 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(fingerprint(sqlite)).toBe(before);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('to keep a half-written shop: a failure midway leaves the database empty', () => {
    const temp = openTempDatabase();
    opened.push(temp);
    const stop = (done: number, total: number) => {
      if (done > total / 2) throw new Error('cancelled');
    };
    expect(() => generateDemoShop(temp.sqlite, { ...FA, customers: 100 }, stop)).toThrow(
      'cancelled',
    );
    const left = one<{ n: number }>(
      temp.sqlite,
      `SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders)
         + (SELECT count(*) FROM order_items) + (SELECT count(*) FROM staff) AS n`,
    ).n;
    expect(left).toBe(0);
    expect(temp.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(temp.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(temp.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // And the indexes dropped for the load are back.
    expect(
      one<{ n: number }>(
        temp.sqlite,
        "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'idx_orders_customer_id_ordered_at'",
      ).n,
    ).toBe(1);
  });
});
