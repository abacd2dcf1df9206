import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fullSearchKey,
  normaliseDigits,
  normaliseForSearch,
  searchTokens,
  toPersianDigits,
} from './persian-text.ts';

// Characters that the normaliser treats specially, mixed with plain text, so random strings
// hit the interesting cases far more often than uniform Unicode would.
const TRICKY_CHARS = [
  ...'يىكۀةأإآٱؤئیکهاوۀ',
  ...'۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789٫٬',
  '\u200c',
  '\u200d',
  '\u200b',
  '\u200e',
  '\u200f',
  '\ufeff',
  '\u00ad',
  '\u0640',
  '\u064b',
  '\u064e',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0654',
  '\u0670',
  '\u0301',
  '\u0308',
  ' ',
  '\u00a0',
  '\t',
  '\n',
  '\u3000',
  ...'aAéÉİıßΣσςﻋﻠﻰﷲ㎒ﬁＡ',
];
const trickyString = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.string({ maxLength: 3 })), {
    maxLength: 30,
  })
  .map((chars) => chars.join(''));
const anyString = fc.oneof(trickyString, fc.string({ unit: 'binary', maxLength: 40 }));

describe('normaliseDigits', () => {
  it.each([
    ['۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['0912', '0912'],
    ['تلفن: ۰۹۱۲-٣٤٥', 'تلفن: 0912-345'],
    // Separators are a parsing decision for the caller, not a digit conversion.
    ['۱٬۲۳۴٫۵', '1٬234٫5'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDigits(input)).toBe(expected);
  });

  it('leaves strings without Persian or Arabic digits unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/[\u06f0-\u06f9\u0660-\u0669]/.test(s));
        expect(normaliseDigits(s)).toBe(s);
      }),
    );
  });
});

describe('toPersianDigits', () => {
  it.each([
    ['0123456789', '۰۱۲۳۴۵۶۷۸۹'],
    ['1403/08/15', '۱۴۰۳/۰۸/۱۵'],
    ['abc', 'abc'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });

  it('round-trips through normaliseDigits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        const persian = toPersianDigits(s);
        expect(persian).not.toMatch(/[0-9]/);
        expect(normaliseDigits(persian)).toBe(s);
      }),
    );
  });
});

describe('normaliseForSearch', () => {
  it.each([
    ['Arabic yeh and kaf', 'علي كريمي', 'علی کریمی'],
    ['alef maksura', 'مصطفى', 'مصطفی'],
    ['heh with yeh above', 'خانۀ من', 'خانه من'],
    ['teh marbuta', 'فاطمة', 'فاطمه'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إسلام', 'اسلام'],
    ['alef with madda', 'آرش', 'ارش'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['waw with hamza', 'مؤمن', 'مومن'],
    ['ZWNJ', 'می‌خواهم', 'میخواهم'],
    ['ZWJ and zero-width space', 'a\u200db\u200bc', 'abc'],
    ['bidi marks', '\u200fعلی\u200e', 'علی'],
    ['tatweel', 'مـــحـمد', 'محمد'],
    ['harakat', 'عَلِیٌّ', 'علی'],
    ['superscript alef', 'رحمٰن', 'رحمن'],
    ['Latin accents', 'Café Noël', 'cafe noel'],
    ['lowercase', 'ALI Karimi', 'ali karimi'],
    ['Persian digits', 'شعبه ۲', 'شعبه 2'],
    ['Arabic-Indic digits', 'شعبه ٢', 'شعبه 2'],
    ['NBSP and runs of spaces', '  علی\u00a0\u00a0 رضایی \t\n', 'علی رضایی'],
    ['presentation forms from a PDF', 'ﻋﻠﻰ', 'علی'],
    ['full-width Latin', 'ＡＢＣ', 'abc'],
    ['already normal', 'مریم احمدی', 'مریم احمدی'],
    ['empty', '', ''],
    ['only invisible', '\u200c\u0640 \u200f', ''],
  ])('%s', (_name, input, expected) => {
    expect(normaliseForSearch(input)).toBe(expected);
  });

  it('makes Arabic- and Persian-typed names the same key', () => {
    expect(normaliseForSearch('كيميا يزدي')).toBe(normaliseForSearch('کیمیا یزدی'));
    expect(normaliseForSearch('مهدي‌زاده')).toBe(normaliseForSearch('مهدیزاده'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normaliseForSearch(s);
        expect(normaliseForSearch(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves the characters it promises to remove', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const key = normaliseForSearch(s);
        // Harakat, ZWNJ and the other invisibles are covered by \p{M} and \p{Cf}.
        expect(key).not.toMatch(/[يىكۀةأإآٱؤ\u0640\u06f0-\u06f9\u0660-\u0669]/);
        expect(key).not.toMatch(/\p{M}|\p{Cf}/u);
        expect(key).not.toMatch(/\s\s|^\s|\s$|[^\S ]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseForSearch on plain text', () => {
  // Names as files hold them: Persian and Latin letters, spaces, ZWNJ, now and then a character
  // that needs the full treatment (an Arabic yeh, a digit, an accent, a tab, a mark).
  const PLAIN = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءە', ...'abcXYZ019@._-+', ' ', '  ', '\u200c'];
  const nameLike = fc
    .array(
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...PLAIN) },
        fc.constantFrom(...TRICKY_CHARS),
      ),
      {
        maxLength: 30,
      },
    )
    .map((chars) => chars.join(''));

  it('gives the same key as the full treatment', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, anyString), (s) => {
        expect(normaliseForSearch(s)).toBe(fullSearchKey(s));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['Persian letters and a space', 'مریم احمدی', 'مریم احمدی'],
    ['capitals', 'Sara Smith', 'sara smith'],
    ['ZWNJ between words', 'محمد\u200cرضا', 'محمدرضا'],
    ['ZWNJ between spaces', 'علی \u200c رضایی', 'علی رضایی'],
    ['spaces around and doubled', '  Sara   حسینی ', 'sara حسینی'],
    ['a character the short cut leaves to the full treatment', 'علي', 'علی'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseForSearch(input)).toBe(expected);
    expect(fullSearchKey(input)).toBe(expected);
  });
});

describe('searchTokens', () => {
  it.each([
    ['علي  رضايي', ['علی', 'رضایی']],
    ['  ۰۹۱۲ ', ['0912']],
    ['Ali\u00a0KARIMI', ['ali', 'karimi']],
    ['', []],
    [' \u200c ', []],
  ])('%j → %j', (input, expected) => {
    expect(searchTokens(input)).toEqual(expected);
  });

  it('returns non-empty, space-free, already-normalised tokens', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        for (const token of searchTokens(s)) {
          expect(token).not.toBe('');
          expect(token).not.toContain(' ');
          expect(normaliseForSearch(token)).toBe(token);
        }
        expect(searchTokens(s).join(' ')).toBe(normaliseForSearch(s));
      }),
    );
  });
});
