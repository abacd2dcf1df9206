import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { createCustomer } from '../../../src-main/core/customers/customers.service.ts';
import { importSurveyFile } from '../../../src-main/core/playbook/survey-import.ts';
import type { SurveyImportReport } from '../../../src-shared/contract/index.ts';
import { surveyImport } from '../../../src-shared/contract/schemas.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import { ApiError } from '../../api/client.ts';
import { bytesToBase64 } from './upload-chunks.ts';
import {
  SURVEY_FILE_MAX_BYTES,
  checkFigures,
  checkOutcome,
  exampleCsv,
  resultFigures,
  surveyFileTooLarge,
  surveyImportErrorText,
  surveyRejectText,
} from './survey-file.ts';

const en = createTranslator('en');
const fa = createTranslator('fa');

const report = (overrides: Partial<SurveyImportReport>): SurveyImportReport => ({
  fileName: 'answers.csv',
  dryRun: true,
  written: false,
  rowsRead: 3,
  imported: 0,
  alreadyPresent: 0,
  recoveryTasksCreated: 0,
  rejected: [],
  ...overrides,
});

const badScore = {
  line: 4,
  reason: 'bad_score' as const,
  message: '"12" is not an NPS score (0 to 10)',
  fields: ['0912', '2026-10-22', 'NPS', '12'],
};

describe('survey answer files', () => {
  it('refuses a file over 512 KiB before reading it, saying both sizes', () => {
    expect(surveyFileTooLarge(en, 'en', { name: 'a.csv', size: SURVEY_FILE_MAX_BYTES })).toBe(null);
    const text = surveyFileTooLarge(en, 'en', { name: 'a.csv', size: 3 * 1024 * 1024 });
    expect(text).toContain('3 MB');
    expect(text).toContain('512 kB');
    expect(surveyFileTooLarge(fa, 'fa', { name: 'a.csv', size: 600 * 1024 })).toContain(
      '۵۱۲ کیلوبایت',
    );
  });

  it('fits the largest file it accepts in one call of the contract', () => {
    const data = bytesToBase64(new Uint8Array(SURVEY_FILE_MAX_BYTES));
    expect(surveyImport.safeParse({ fileName: 'a.csv', data }).success).toBe(true);
  });

  it('words every reason a line can be rejected for, in both languages', () => {
    const reasons = [
      'missing_customer',
      'unknown_customer',
      'missing_date',
      'bad_date',
      'bad_kind',
      'bad_score',
      'future_date',
    ] as const;
    for (const reason of reasons) {
      for (const t of [en, fa]) {
        expect(surveyRejectText(t, { reason, message: 'core words' })).not.toBe('core words');
      }
    }
    // A reason a newer core sends falls back to its own words.
    expect(surveyRejectText(en, { reason: 'odd' as never, message: 'core words' })).toBe(
      'core words',
    );
  });

  it('explains a refused file by its reason, naming the file', () => {
    const refusal = (details: Record<string, unknown>) =>
      new ApiError('surveys:import', 'bad_input', 'refused', details);
    expect(surveyImportErrorText(en, 'en', refusal({ reason: 'no_header' }), 'x.csv')).toContain(
      'has no header row',
    );
    expect(
      surveyImportErrorText(en, 'en', refusal({ reason: 'no_date_column' }), 'x.csv'),
    ).toContain('no date column');
    expect(
      surveyImportErrorText(en, 'en', refusal({ field: 'data', reason: 'too_big' }), 'x.csv'),
    ).toContain('512 kB');
    // The sales import's words for a file that is no table at all.
    expect(surveyImportErrorText(en, 'en', refusal({ reason: 'empty_file' }), 'x.csv')).toContain(
      'is empty',
    );
    expect(surveyImportErrorText(en, 'en', new Error('boom'), 'x.csv')).toBe(en('error.internal'));
  });

  it('counts what a clean check will record, and what a file with a bad line holds', () => {
    const clean = report({ rowsRead: 3, imported: 2, alreadyPresent: 1 });
    expect(checkFigures(clean).map(({ id, value }) => [id, value])).toEqual([
      ['read', 3],
      ['new', 2],
      ['present', 1],
    ]);
    expect(checkOutcome(clean)).toBe('import');
    expect(checkOutcome(report({ alreadyPresent: 3 }))).toBe('nothing_new');

    const bad = report({ rowsRead: 3, rejected: [badScore] });
    expect(checkFigures(bad).map(({ id, value }) => [id, value])).toEqual([
      ['read', 3],
      ['ready', 2],
      ['rejected', 1],
    ]);
    expect(checkOutcome(bad)).toBe('fix');

    const done = report({ dryRun: false, written: true, imported: 2, recoveryTasksCreated: 1 });
    expect(resultFigures(done).map(({ id, value, tone }) => [id, value, tone])).toEqual([
      ['recorded', 2, 'key'],
      ['present', 0, undefined],
      ['recovery', 1, 'warn'],
    ]);
  });

  it.each(['fa', 'en'] as const)('offers an example file (%s) the core imports', async (locale) => {
    const { ctx, remove } = makeTestContext('2026-12-05T09:00:00.000Z');
    const dir = mkdtempSync(join(tmpdir(), 'bazgasht-survey-example-'));
    try {
      await createCustomer(ctx, { name: 'Mina', phone: '0912 123 4567' });
      await createCustomer(ctx, { name: 'Sam', email: 'customer@example.com' });
      const path = join(dir, 'example.csv');
      writeFileSync(path, exampleCsv(locale));
      const checked = await importSurveyFile(ctx, path, 'example.csv', { dryRun: true });
      expect(checked.rejected).toEqual([]);
      expect(checked.imported).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      remove();
    }
  });
});
