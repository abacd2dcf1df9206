import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRng } from '../../src-main/core/demo/rng.ts';

/**
 * A line-item sales export of the size the import bench asks for: 1,000,000 lines, about 300,000
 * receipts and 50,000 customers, about 100 MB, the shape a Persian POS exports (receipt number,
 * date-time, customer code, name, mobile, product code and name, quantity, unit price in Toman),
 * with walk-in sales (no customer) and returns (receipt numbers prefixed 'C', negative
 * quantities). Deterministic: the same seed writes the same bytes.
 */
export const IMPORT_BENCH_LINES = 1_000_000;

const FIRST = [
  'علی',
  'محمد',
  'رضا',
  'زهرا',
  'فاطمه',
  'مریم',
  'حسین',
  'سارا',
  'نرگس',
  'امیر',
  'Sara',
  'David',
];
const LAST = [
  'رضایی',
  'محمدی',
  'احمدی',
  'کاظمی',
  'حسینی',
  'کریمی',
  'موسوی',
  'جعفری',
  'Smith',
  'Brown',
];
const PRODUCTS = [
  'شال ابریشمی آبی',
  'کیف چرمی قهوه‌ای',
  'کفش ورزشی سفید',
  'پیراهن نخی',
  'Blue scarf',
  'Leather wallet',
  'عطر زنانه',
  'ساعت مچی',
  'کلاه پشمی',
  'جوراب نخی',
];

export const writeImportBenchFile = async (
  path: string,
  lines = IMPORT_BENCH_LINES,
  seed = 7,
): Promise<void> => {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const rng = createRng(seed);
  const customers = Math.round(lines / 20);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'Invoice,InvoiceDate,CustomerID,Customer Name,Mobile,StockCode,Description,Quantity,UnitPrice\n',
  );
  let written = 0;
  let receipt = 300_000;
  let time = Date.UTC(2023, 0, 1, 5, 0, 0);
  let chunk = '';
  while (written < lines) {
    receipt += 1;
    time += rng.int(60, 420) * 1000;
    const date = new Date(time).toISOString().replace('T', ' ').slice(0, 19);
    const isReturn = rng.chance(0.01);
    const isWalkIn = !isReturn && rng.chance(0.05);
    const customer = rng.int(1, customers);
    const code = isWalkIn ? '' : `C${10_000 + customer}`;
    const name = isWalkIn
      ? ''
      : `${FIRST[customer % FIRST.length]} ${LAST[(customer * 7) % LAST.length]}`;
    const mobile = isWalkIn ? '' : `0912${String(1_000_000 + customer * 13).slice(-7)}`;
    const number = isReturn ? `C${receipt}` : String(receipt);
    const count = Math.min(lines - written, rng.int(1, 6) - (rng.chance(0.3) ? 1 : 0) || 1);
    for (let i = 0; i < count; i += 1) {
      const product = rng.int(0, 199);
      const quantity = isReturn ? -1 : rng.int(1, 3);
      const price = (product % 40) * 25_000 + 50_000;
      chunk += `${number},${date},${code},${name},${mobile},SKU-${1000 + product},${PRODUCTS[product % PRODUCTS.length]} ${product},${quantity},${price}\n`;
    }
    written += count;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  renameSync(partial, path);
};
