import { describe, expect, it } from 'vitest';
import { applyChange, parseLineNumber, previewInput, sourceProblem } from './preview-request.ts';
import type { PreviewRequest } from './preview-request.ts';

const mapped: PreviewRequest = {
  mapping: { orderedAt: 0, total: 3 },
  options: { source: 'till' },
};

describe('applyChange', () => {
  it('keeps the user’s columns when the encoding changes', () => {
    expect(applyChange(mapped, { kind: 'read', read: { encoding: 'windows-1256' } })).toEqual({
      ...mapped,
      read: { encoding: 'windows-1256' },
    });
  });

  it('lets the columns go when the separator or the sheet changes', () => {
    expect(applyChange(mapped, { kind: 'read', read: { delimiter: ';' } })).toEqual({
      options: { source: 'till' },
      read: { delimiter: ';' },
    });
    expect(applyChange(mapped, { kind: 'read', read: { sheet: 'Sales' } }).mapping).toBeUndefined();
  });

  it('lets the columns go when the header row changes', () => {
    expect(applyChange(mapped, { kind: 'headerLine', headerLine: 3 })).toEqual({
      options: { source: 'till' },
      headerLine: 3,
    });
  });

  it('keeps the columns when a reading option changes, merging the options', () => {
    expect(applyChange(mapped, { kind: 'options', options: { dayOrder: 'mdy' } })).toEqual({
      mapping: mapped.mapping,
      options: { source: 'till', dayOrder: 'mdy' },
    });
  });

  it('takes a preset’s columns and options instead of the user’s', () => {
    expect(
      applyChange({ ...mapped, read: { encoding: 'utf-8' } }, { kind: 'preset', presetId: 'p1' }),
    ).toEqual({ read: { encoding: 'utf-8' }, presetId: 'p1' });
  });

  it('keeps the preset when the user then changes a column', () => {
    expect(applyChange({ presetId: 'p1' }, { kind: 'mapping', mapping: { orderedAt: 2 } })).toEqual(
      { presetId: 'p1', mapping: { orderedAt: 2 } },
    );
  });
});

describe('applyChange presetGone', () => {
  it('drops the preset but keeps its columns and options as the user’s own', () => {
    const options = {
      calendar: 'auto',
      dayOrder: 'auto',
      decimalMark: '.',
      amountUnit: 'toman',
      source: 'till',
      returnPrefix: '',
    } as const;
    expect(
      applyChange(
        { presetId: 'p1', read: { encoding: 'utf-8' } },
        { kind: 'presetGone', mapping: { orderedAt: 1 }, options },
      ),
    ).toEqual({ read: { encoding: 'utf-8' }, mapping: { orderedAt: 1 }, options });
  });
});

describe('previewInput', () => {
  it('sends the source name trimmed', () => {
    expect(previewInput('f', { options: { source: ' till ' } })).toEqual({
      fileId: 'f',
      options: { source: 'till' },
    });
  });

  it('leaves out a source name the core would refuse, but keeps the other options', () => {
    expect(previewInput('f', { options: { source: '  ', dayOrder: 'dmy' } })).toEqual({
      fileId: 'f',
      options: { dayOrder: 'dmy' },
    });
    expect(previewInput('f', { options: { returnPrefix: 'x'.repeat(11) } })).toEqual({
      fileId: 'f',
      options: {},
    });
  });

  it('sends no options when none were changed', () => {
    expect(previewInput('f', { headerLine: 2 })).toEqual({ fileId: 'f', headerLine: 2 });
  });
});

describe('sourceProblem', () => {
  it('wants a short name', () => {
    expect(sourceProblem(' ')).toBe('required');
    expect(sourceProblem('x'.repeat(61))).toBe('too_big');
    expect(sourceProblem('صندوق')).toBeNull();
  });
});

describe('parseLineNumber', () => {
  it('reads Latin, Persian and Arabic-Indic digits', () => {
    expect(parseLineNumber('3')).toBe(3);
    expect(parseLineNumber('۱۲')).toBe(12);
    expect(parseLineNumber('٠')).toBe(0);
  });

  it('refuses anything else', () => {
    expect(parseLineNumber('')).toBeNull();
    expect(parseLineNumber('-1')).toBeNull();
    expect(parseLineNumber('2.5')).toBeNull();
    expect(parseLineNumber('two')).toBeNull();
  });
});
