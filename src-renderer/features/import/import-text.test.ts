import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import {
  durationText,
  encodingLabel,
  formatDuration,
  formatSize,
  importErrorText,
  presetName,
  rejectReasonText,
  sampleProblemText,
  warningText,
} from './import-text.ts';

const en = createTranslator('en');
const fa = createTranslator('fa');

const previewError = (reason: string, message = 'core message') =>
  new ApiError('import:preview', 'bad_input', message, { file: 'Xy12.upload', reason });

describe('importErrorText', () => {
  it('translates a known reason with the name the user chose', () => {
    const text = importErrorText(en, previewError('legacy_xls'), 'sales.xls');
    expect(text).toContain(`“${isolate('sales.xls')}” is an old-style Excel file (.xls)`);
    expect(text).toContain('CSV UTF-8');
    expect(importErrorText(fa, previewError('empty_file'), 'فروش.csv')).toBe(
      `«${isolate('فروش.csv')}» خالی است و چیزی برای وارد کردن ندارد.`,
    );
  });

  it('falls back to the core’s message for a file problem it cannot translate', () => {
    expect(
      importErrorText(en, previewError('strange', 'Xy12.upload is strange.'), 'sales.csv'),
    ).toBe('sales.csv is strange.');
  });

  it('uses the general error text for everything else', () => {
    const offline = new ApiError('import:preview', 'internal', 'x', { transport: true });
    expect(importErrorText(en, offline)).toBe(en('error.offline'));
    expect(importErrorText(en, new Error('boom'))).toBe(en('error.internal'));
  });
});

describe('warningText', () => {
  it('says a known warning in words and names an unknown one by its code', () => {
    expect(warningText(en, { code: 'no_date_column', params: {} })).toBe(
      en('import.warning.no_date_column'),
    );
    expect(warningText(en, { code: 'brand_new', params: {} })).toBe(
      'Something unusual in the file (brand_new).',
    );
  });
});

describe('rejectReasonText', () => {
  it('fills the reason’s details, numbers in the user’s digits', () => {
    expect(
      rejectReasonText(fa, {
        reason: 'extra_fields',
        params: { count: 7, expected: 5 },
        message: '',
      }),
    ).toBe('این ردیف ۷ ستون دارد ولی سرستون‌ها ۵ ستون‌اند.');
    expect(
      rejectReasonText(en, { reason: 'bad_amount', params: { value: 'abc' }, message: '' }),
    ).toBe(`“${isolate('abc')}” is not an amount.`);
  });

  it('shows the core’s English for a reason it does not know', () => {
    const row = { reason: 'future' as never, params: {}, message: 'the core says why' };
    expect(rejectReasonText(fa, row)).toBe('the core says why');
  });
});

describe('sampleProblemText', () => {
  it('has words for every problem, known or not', () => {
    expect(sampleProblemText(en, 'impossible_date')).toBe('no such day in the calendar');
    expect(sampleProblemText(en, 'whatever')).toBe('can’t be read');
  });
});

describe('encodingLabel', () => {
  it('names the encoding and its code, in the user’s digits', () => {
    expect(encodingLabel(en, 'en', 'windows-1256')).toBe('Windows Arabic/Persian (1256)');
    expect(encodingLabel(fa, 'fa', 'windows-1256')).toBe('ویندوز عربی/فارسی (۱۲۵۶)');
    expect(encodingLabel(fa, 'fa', 'utf-8')).toBe('یونیکد (UTF-8)');
  });
});

describe('presetName', () => {
  it('translates the built-in presets and keeps the user’s names', () => {
    expect(presetName(fa, { id: 'shopify', name: 'Shopify orders export', builtIn: true })).toBe(
      'خروجی سفارش‌های Shopify',
    );
    expect(presetName(en, { id: 'x1', name: 'Till export', builtIn: false })).toBe('Till export');
    expect(presetName(en, { id: 'new-one', name: 'New built-in', builtIn: true })).toBe(
      'New built-in',
    );
  });
});

describe('formatSize', () => {
  it('picks a unit that keeps the number short', () => {
    expect(formatSize(512, 'en')).toBe('512 bytes');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(12 * 1024 ** 2, 'en')).toBe('12 MB');
    expect(formatSize(1536, 'fa')).toBe('۱٫۵ کیلوبایت');
  });
});

describe('durationText', () => {
  it('says a quick run took less than a second', () => {
    expect(durationText(en, 'en', 26)).toBe('less than a second');
    expect(durationText(fa, 'fa', 4200)).toBe('۴٫۲ ثانیه');
  });
});

describe('formatDuration', () => {
  it('counts seconds, then minutes', () => {
    expect(formatDuration(4200, 'en')).toBe('4.2 seconds');
    expect(formatDuration(42_000, 'en')).toBe('42 seconds');
    expect(formatDuration(150_000, 'fa')).toBe('۳ دقیقه');
  });
});
