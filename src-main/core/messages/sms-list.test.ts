import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, buy } from '../../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import type { CoreContext } from '../context.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from '../handlers.ts';
import { createImportService } from '../imports/imports.service.ts';
import { readRows } from '../imports/source.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { panelNumberOf, writeSmsList } from './sms-list.ts';
import { listTemplates, saveTemplate } from './templates.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
let temp: TempDir;
beforeEach(async () => {
  ({ ctx, remove } = makeTestContext('2026-10-15T08:30:00.000Z'));
  temp = makeTempDir();
  await updateSettings(ctx, { shopName: 'Noor' });
});
afterEach(async () => {
  temp.remove();
  await remove();
});

const smsTemplate = async (body: string, locale: 'fa' | 'en' = 'fa') =>
  (await saveTemplate(ctx, { name: 'Test', channel: 'sms', locale, subject: null, body })).id;

/** A book covering every case: a mobile, a foreign number, a landline, no phone, do-not-contact. */
const book = async () => ({
  maryam: await addCustomer(ctx, 'مریم رضایی', { phone: '09121234567' }),
  john: await addCustomer(ctx, 'John Smith', { phone: '+447911123456' }),
  landline: await addCustomer(ctx, 'Office', { phone: '02188776655' }),
  noPhone: (await createCustomer(ctx, { name: 'No phone' })).id,
  optedOut: await addCustomer(ctx, 'Opted out', { phone: '09350001122', doNotContact: true }),
});

const csvRows = async (path: string): Promise<string[][]> => {
  const rows: string[][] = [];
  const reader = readRows(path, { format: 'delimited', encoding: 'utf-8', delimiter: ',' });
  for await (const batch of reader.batches) rows.push(...batch.map((row) => row.fields));
  return rows;
};

const logRows = () =>
  ctx.database.sqlite
    .prepare(
      `SELECT m.customer_id, m.channel, m.delivery, m.address, m.body, i.channel AS i_channel,
         i.direction, i.note
       FROM message_log m JOIN interactions i ON i.id = m.interaction_id ORDER BY m.rowid`,
    )
    .all();

describe('SMS lists', () => {
  it('writes recipient and filled message in the template’s language, skipping who cannot get one', async () => {
    const ids = await book();
    await buy(ctx, ids.maryam, '2026-10-01', 500_000, ['شال آبی']);
    const templateId = await smsTemplate('{نام} عزیز، {آخرین_محصول} مبارک! {نام_فروشگاه}');
    const path = temp.file('list.csv');
    const { rows } = await writeSmsList(
      ctx,
      { templateId, audience: { customerIds: Object.values(ids) } },
      path,
    );
    expect(rows).toBe(2);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    // The mobile is plain 09… text, and the foreign number has no + for the neutraliser to touch.
    expect(text).toContain('\r\n09121234567,');
    expect(await csvRows(path)).toEqual([
      ['گیرنده', 'متن پیام'],
      ['09121234567', 'مریم عزیز، شال آبی مبارک! Noor'],
      ['00447911123456', 'John عزیز، مبارک! Noor'],
    ]);
  });

  it('writes the number as a string cell in .xlsx, so Excel keeps the leading 0', async () => {
    const ids = await book();
    const templateId = await smsTemplate('Hi {firstName}', 'en');
    const path = temp.file('list.xlsx');
    await writeSmsList(ctx, { templateId, audience: { customerIds: [ids.maryam] } }, path);
    const sheet = strFromU8(
      unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml'] ?? new Uint8Array(),
    );
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">09121234567</t></is></c>',
    );
    const { readSheet } = await import('read-excel-file/node');
    expect(await readSheet(path, 1, { trim: false })).toEqual([
      ['Recipient', 'Message'],
      ['09121234567', 'Hi مریم'],
    ]);
  });

  it('takes an audience by filters, in the customer book’s order', async () => {
    await book();
    const templateId = await smsTemplate('{firstName}', 'en');
    const path = temp.file('list.csv');
    await writeSmsList(
      ctx,
      { templateId, audience: { filters: { sort: 'name', direction: 'desc' } } },
      path,
    );
    expect((await csvRows(path)).slice(1).map((row) => row[0])).toEqual([
      '09121234567',
      '00447911123456',
    ]);
  });

  it('logs each message written on its customer’s timeline', async () => {
    const ids = await book();
    const templateId = await smsTemplate('{نام} جان، سلام');
    await writeSmsList(
      ctx,
      { templateId, audience: { customerIds: [ids.optedOut, ids.maryam, ids.landline] } },
      temp.file('list.xlsx'),
    );
    expect(logRows()).toEqual([
      {
        customer_id: ids.maryam,
        channel: 'sms',
        delivery: 'sms_list',
        address: '09121234567',
        body: 'مریم جان، سلام',
        i_channel: 'sms',
        direction: 'outbound',
        note: 'مریم جان، سلام',
      },
    ]);
  });

  it('logs nothing and leaves no file when the write fails', async () => {
    const ids = await book();
    const templateId = await smsTemplate('{firstName}', 'en');
    const path = temp.file('list.csv');
    writeFileSync(path, 'old');
    const failing = () =>
      new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
        },
      });
    await expect(
      writeSmsList(ctx, { templateId, audience: { customerIds: [ids.maryam] } }, path, {
        openSink: failing,
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(temp.dir)).toEqual(['list.csv']);
    expect(logRows()).toEqual([]);
  });

  it('refuses an email template', async () => {
    const ids = await book();
    const [email] = await listTemplates(ctx, { channel: 'email', locale: 'fa' });
    const path = temp.file('list.csv');
    await expect(
      writeSmsList(
        ctx,
        { templateId: email?.id ?? '', audience: { customerIds: [ids.maryam] } },
        path,
      ),
    ).rejects.toMatchObject({ code: 'bad_input', details: { field: 'templateId' } });
    expect(existsSync(path)).toBe(false);
  });

  it('messages:sms-list hands the file back for the renderer to save', async () => {
    const ids = await book();
    const templateId = await smsTemplate('{firstName}', 'en');
    const imports = createImportService(ctx, 'test');
    try {
      const dispatch = createDispatch(
        createHandlers(ctx, { version: '9.9.9', host: 'browser', systemLocale: 'fa' }, imports),
        { databasePath: '/tmp/shop.db' },
      );
      const result = await dispatch('messages:sms-list', {
        templateId,
        audience: { customerIds: [ids.maryam, ids.john] },
        format: 'xlsx',
      });
      expect(result).toMatchObject({
        ok: true,
        data: {
          fileName: 'sms-list-2026-10-15.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          rows: 2,
        },
      });
      const { base64 } = (result as { data: { base64: string } }).data;
      expect(Buffer.from(base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    } finally {
      await imports.close();
    }
  });
});

describe('panelNumberOf', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['+447911123456', '00447911123456'],
    ['+19175550123', '0019175550123'],
  ])('%s → %s', (address, expected) => {
    expect(panelNumberOf(address)).toBe(expected);
  });
});
