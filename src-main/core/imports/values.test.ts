import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForSearch, toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import {
  dayNumberToGregorian,
  gregorianMonthLength,
  gregorianToDayNumber,
  isJalaliLeapYear,
  jalaliMonthLength,
  jalaliToGregorian,
} from '../../../src-shared/i18n/jalali.ts';
import {
  dateShapeOf,
  detectDecimalMark,
  idKey,
  parseDateTimeValue,
  parseDecimal,
  parseTimeOfDay,
} from './values.ts';
import type {
  DateParseOptions,
  DateShape,
  DateTimeValue,
  DecimalMark,
  Parsed,
  ValueProblem,
} from './values.ts';

const toArabicIndicDigits = (s: string): string =>
  s.replace(/[0-9]/g, (ch) => String.fromCharCode(0x0660 + ch.charCodeAt(0) - 0x30));

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** '1234567' → '1,234,567' with any separator. */
const group = (digits: string, separator: string): string =>
  digits.replace(/\B(?=(\d{3})+$)/g, separator);

describe('parseDecimal', () => {
  it.each<[string, DecimalMark, number]>([
    // plain, trimmed, other digits, invisible marks
    ['12500', '.', 12500],
    ['  12500\t', '.', 12500],
    ['0', '.', 0],
    ['-0', '.', 0],
    ['007', '.', 7],
    ['12.5', '.', 12.5],
    ['.5', '.', 0.5],
    ['5.', '.', 5],
    ['۱۲۵۰۰', '.', 12500],
    ['١٢٥٠٠', '.', 12500],
    ['\u200f12,500\u200e', '.', 12500],
    ['\ufeff12500', '.', 12500],
    ['\u202b۱۲۵۰۰\u202c', '.', 12500],
    // grouping with '.' as the decimal mark
    ['1,234,567', '.', 1234567],
    ['1,234,567.89', '.', 1234567.89],
    ['۱۲٬۵۰۰', '.', 12500],
    ['۱۲,۵۰۰', '.', 12500],
    ["1'234'567", '.', 1234567],
    ['1’234’567', '.', 1234567],
    ['1 234 567', '.', 1234567],
    ['1\u00a0234\u00a0567', '.', 1234567],
    ['1\u2009234', '.', 1234],
    ['1\u202f234.5', '.', 1234.5],
    ['123,456', '.', 123456],
    // '٫' is always a decimal mark, '٬' always a separator
    ['۱۲٫۵', '.', 12.5],
    ['۱۲٬۵۰۰٫۷۵', '.', 12500.75],
    ['۱۲٫۵', ',', 12.5],
    ['۱۲٬۵۰۰٫۷۵', ',', 12500.75],
    // a decimal comma
    ['12,5', ',', 12.5],
    ['12,50', ',', 12.5],
    ['1,234', ',', 1.234],
    ['1.234,56', ',', 1234.56],
    ['1.234.567', ',', 1234567],
    ['1 234,5', ',', 1234.5],
    ["1'234,5", ',', 1234.5],
    ['12500', ',', 12500],
    ['(1.234,56)', ',', -1234.56],
    ['€ 1.234,56', ',', 1234.56],
    // currency words and symbols, before or after, with or without a space, any case
    ['12,500 تومان', '.', 12500],
    ['12,500تومان', '.', 12500],
    ['تومان 12,500', '.', 12500],
    ['12,500 تو\u200cمان', '.', 12500],
    ['۱۲٬۵۰۰ تومان', '.', 12500],
    ['12,500 تومن', '.', 12500],
    ['125,000 ریال', '.', 125000],
    ['125,000 ريال', '.', 125000],
    ['125,000 ﷼', '.', 125000],
    ['﷼125,000', '.', 125000],
    ['125,000 ر.ا', '.', 125000],
    ['$12.50', '.', 12.5],
    ['12.50$', '.', 12.5],
    ['£12.50', '.', 12.5],
    ['€12.50', '.', 12.5],
    ['12.50 €', '.', 12.5],
    ['125000 IRR', '.', 125000],
    ['IRT 12500', '.', 12500],
    ['12500 irt', '.', 12500],
    ['12.50 USD', '.', 12.5],
    ['usd12.50', '.', 12.5],
    ['12.50 EUR', '.', 12.5],
    ['12.50EUR', '.', 12.5],
    ['12.50 gbp', '.', 12.5],
    ['12500 Toman', '.', 12500],
    ['12500 Tomans', '.', 12500],
    ['12500 TOMAN', '.', 12500],
    ['125000 Rial', '.', 125000],
    ['125000 rials', '.', 125000],
    ['$ 1,234.50 USD', '.', 1234.5],
    // negatives
    ['-12,500', '.', -12500],
    ['−12,500', '.', -12500],
    ['–12,500', '.', -12500],
    ['(12,500)', '.', -12500],
    ['12,500-', '.', -12500],
    ['12,500−', '.', -12500],
    ['12,500–', '.', -12500],
    ['+12,500', '.', 12500],
    ['- 12,500', '.', -12500],
    ['12,500 -', '.', -12500],
    ['( 12,500 )', '.', -12500],
    ['-12.5', '.', -12.5],
    ['-.5', '.', -0.5],
    ['(۱۲٬۵۰۰) ریال', '.', -12500],
    ['۱۲٬۵۰۰- ریال', '.', -12500],
    ['-$12.50', '.', -12.5],
    ['$-12.50', '.', -12.5],
    ['($12.50)', '.', -12.5],
    ['(12.50 USD)', '.', -12.5],
    // Excel's scientific notation
    ['1.5E+3', '.', 1500],
    ['1.5e3', '.', 1500],
    ['2E-2', '.', 0.02],
    ['-1.5E+3', '.', -1500],
    ['1,5E+3', ',', 1500],
  ])('%j (mark %s) → %d', (text, mark, expected) => {
    expect(parseDecimal(text, mark)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, DecimalMark, ValueProblem]>([
    ['', '.', 'empty'],
    ['   ', '.', 'empty'],
    ['\u200f\u200c', '.', 'empty'],
    ['تومان', '.', 'empty'],
    [' ریال ', '.', 'empty'],
    ['$', '.', 'empty'],
    ['USD', '.', 'empty'],
    ['abc', '.', 'not_a_number'],
    ['12a', '.', 'not_a_number'],
    ['12 هزار تومان', '.', 'not_a_number'],
    ['-', '.', 'not_a_number'],
    ['.', '.', 'not_a_number'],
    ['()', '.', 'not_a_number'],
    ['(5', '.', 'not_a_number'],
    ['--5', '.', 'not_a_number'],
    ['-5-', '.', 'not_a_number'],
    ['(-5)', '.', 'not_a_number'],
    ['+-5', '.', 'not_a_number'],
    ['5 + 3', '.', 'not_a_number'],
    ['12USD34', '.', 'not_a_number'],
    ['1e', '.', 'not_a_number'],
    ['1.5E+3.2', '.', 'not_a_number'],
    ['1e400', '.', 'not_a_number'],
    ['9'.repeat(400), '.', 'not_a_number'],
    ['Infinity', '.', 'not_a_number'],
    ['NaN', '.', 'not_a_number'],
    ['0x1F', '.', 'not_a_number'],
    ['12%', '.', 'not_a_number'],
    ['12,34', '.', 'bad_grouping'],
    ['1,2345', '.', 'bad_grouping'],
    ['1234,567', '.', 'bad_grouping'],
    [',123', '.', 'bad_grouping'],
    ['123,', '.', 'bad_grouping'],
    ['1,,234', '.', 'bad_grouping'],
    ['1,234,56', '.', 'bad_grouping'],
    ['1,23.5', '.', 'bad_grouping'],
    ['1.2.3', '.', 'bad_grouping'],
    ['1,234.5,6', '.', 'bad_grouping'],
    ['1,234 567', '.', 'bad_grouping'],
    ['12٬34', '.', 'bad_grouping'],
    ['۱۲٫۵٫۶', '.', 'bad_grouping'],
    ['1.5٫5', '.', 'bad_grouping'],
    ['12.34', ',', 'bad_grouping'],
    ['1,5,5', ',', 'bad_grouping'],
    ['1,5٫5', ',', 'bad_grouping'],
    ['1.234,5.6', ',', 'bad_grouping'],
  ])('%j (mark %s) → %s', (text, mark, problem) => {
    expect(parseDecimal(text, mark)).toEqual({ ok: false, problem });
  });
});

describe('detectDecimalMark', () => {
  it.each<[string[], DecimalMark]>([
    [['12,50', '3,75', '100'], ','],
    [['1.234,56'], ','],
    [['1.234.567'], ','],
    [['1,234', '12,50'], ','],
    [['12,500', '1,234', '500'], '.'],
    [['12.5', '3.75'], '.'],
    [['1,234.56'], '.'],
    [['۱۲٫۵', '۱۲٬۵۰۰'], '.'],
    [['12,50', '12.50', '3.5'], '.'],
    [['abc', '', '2024-11-05'], '.'],
    [[], '.'],
  ])('%j → %s', (samples, expected) => {
    expect(detectDecimalMark(samples)).toBe(expected);
  });
});

const AUTO_DMY: DateParseOptions = { calendar: 'auto', order: 'dmy' };
const AUTO_MDY: DateParseOptions = { calendar: 'auto', order: 'mdy' };
const PERSIAN_DMY: DateParseOptions = { calendar: 'persian', order: 'dmy' };
const GREGORY_MDY: DateParseOptions = { calendar: 'gregory', order: 'mdy' };

/** 'persian 2024-11-05 14:30:00 +210': calendar, Gregorian date, then time and offset if any. */
const show = (value: DateTimeValue): string =>
  [
    value.calendar,
    `${value.year}-${pad(value.month)}-${pad(value.day)}`,
    value.hasTime ? `${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}` : null,
    value.offsetMinutes === null
      ? null
      : `${value.offsetMinutes >= 0 ? '+' : ''}${value.offsetMinutes}`,
  ]
    .filter((part) => part !== null)
    .join(' ');

const showParsed = (parsed: Parsed<DateTimeValue>): string =>
  parsed.ok ? show(parsed.value) : parsed.problem;

describe('parseDateTimeValue', () => {
  it.each<[string, DateParseOptions, string]>([
    // year first
    ['1403/08/15', AUTO_DMY, 'persian 2024-11-05'],
    ['1403/8/5', AUTO_DMY, 'persian 2024-10-26'],
    ['1403-08-15', AUTO_MDY, 'persian 2024-11-05'],
    ['1403.08.15', AUTO_DMY, 'persian 2024-11-05'],
    ['1403/08/15', PERSIAN_DMY, 'persian 2024-11-05'],
    ['۱۴۰۳-۰۸-۱۵ ۱۴:۳۰', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    ['١٤٠٣/٠٨/١٥', AUTO_DMY, 'persian 2024-11-05'],
    ['\u200f۱۴۰۳/۰۸/۱۵\u200f', AUTO_DMY, 'persian 2024-11-05'],
    ['۱۴۰۳/۸/۱۵, ۱۴:۳۰', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    ['  2024-11-05  ', AUTO_DMY, 'gregory 2024-11-05'],
    ['2024-11-05', GREGORY_MDY, 'gregory 2024-11-05'],
    ['2024/11/05 09:05:07', AUTO_DMY, 'gregory 2024-11-05 09:05:07'],
    ['2024.11.05', AUTO_DMY, 'gregory 2024-11-05'],
    ['2024-11-05T14:30:00', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['2024-11-05T14:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['2024-11-05 14:30:00.999', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['2024-11-05 14:30:00,5', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['2024-11-05T14:30:00.123Z', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +0'],
    ['2024-11-05T14:30:00+03:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +210'],
    ['2024-11-05T14:30:00+0330', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +210'],
    ['2024-11-05T14:30:00+03', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +180'],
    ['2024-11-05T14:30:00-05:00', AUTO_DMY, 'gregory 2024-11-05 14:30:00 -300'],
    ['2024-11-05T14:30:00−05:00', AUTO_DMY, 'gregory 2024-11-05 14:30:00 -300'],
    ['2024-11-05T14:30:00-00:00', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +0'],
    ['2019-01-15 10:20:31 -0500', AUTO_DMY, 'gregory 2019-01-15 10:20:31 -300'],
    ['2024-11-05 14:30:00 UTC', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +0'],
    ['2024-11-05 14:30 GMT+03:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00 +210'],
    // year last, read by the day order
    ['15/08/1403', AUTO_DMY, 'persian 2024-11-05'],
    ['15/8/1403 14:30', PERSIAN_DMY, 'persian 2024-11-05 14:30:00'],
    ['05/11/2024', AUTO_DMY, 'gregory 2024-11-05'],
    ['05/11/2024', AUTO_MDY, 'gregory 2024-05-11'],
    ['5/11/2024 2:30 PM', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['12/1/2010 8:26', AUTO_MDY, 'gregory 2010-12-01 08:26:00'],
    ['12/1/2010 8:26', GREGORY_MDY, 'gregory 2010-12-01 08:26:00'],
    ['05-11-2024', AUTO_DMY, 'gregory 2024-11-05'],
    ['05.11.2024', AUTO_DMY, 'gregory 2024-11-05'],
    ['05/11/2024, 14:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['\u200f5\u200f/11\u200f/2024، 14:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    // two-digit years: Gregorian only, 00–49 → 2000s, 50–99 → 1900s
    ['5/11/24', AUTO_DMY, 'gregory 2024-11-05'],
    ['11/5/24', GREGORY_MDY, 'gregory 2024-11-05'],
    ['5/11/00', AUTO_DMY, 'gregory 2000-11-05'],
    ['5/11/49', AUTO_DMY, 'gregory 2049-11-05'],
    ['5/11/50', AUTO_DMY, 'gregory 1950-11-05'],
    ['5/11/99', AUTO_DMY, 'gregory 1999-11-05'],
    ['11/5/24, 2:30 PM', AUTO_MDY, 'gregory 2024-11-05 14:30:00'],
    // 12-hour clocks
    ['2024-11-05 12:00 AM', AUTO_DMY, 'gregory 2024-11-05 00:00:00'],
    ['2024-11-05 12:30:15 am', AUTO_DMY, 'gregory 2024-11-05 00:30:15'],
    ['2024-11-05 12:00 PM', AUTO_DMY, 'gregory 2024-11-05 12:00:00'],
    ['2024-11-05 1:05 a.m.', AUTO_DMY, 'gregory 2024-11-05 01:05:00'],
    ['2024-11-05 11:59:59 p.m.', AUTO_DMY, 'gregory 2024-11-05 23:59:59'],
    ['2024-11-05 2:30pm', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['2024-11-05 2:30 PM -0500', AUTO_DMY, 'gregory 2024-11-05 14:30:00 -300'],
    ['1403/08/15 02:30 ب.ظ', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    ['1403/08/15 ب.ظ 02:30', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    ['1403/08/15 ق.ظ 02:30', AUTO_DMY, 'persian 2024-11-05 02:30:00'],
    ['۱۴۰۳/۰۸/۱۵ ۱۲:۰۰ ق.ظ', AUTO_DMY, 'persian 2024-11-05 00:00:00'],
    ['۱۴۰۳/۰۸/۱۵ ۲:۳۰ ب.ظ.', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    // English month names
    ['15 Jan 2024', AUTO_DMY, 'gregory 2024-01-15'],
    ['15 Jan 2024', AUTO_MDY, 'gregory 2024-01-15'],
    ['15-Jan-2024', AUTO_DMY, 'gregory 2024-01-15'],
    ['15-jan-24', AUTO_DMY, 'gregory 2024-01-15'],
    ['Jan 15, 2024', AUTO_DMY, 'gregory 2024-01-15'],
    ['January 15 2024', GREGORY_MDY, 'gregory 2024-01-15'],
    ['JANUARY 15, 2024 14:30', AUTO_DMY, 'gregory 2024-01-15 14:30:00'],
    ['15 Jan. 2024', AUTO_DMY, 'gregory 2024-01-15'],
    ['1 Sept 2024', AUTO_DMY, 'gregory 2024-09-01'],
    ['Sep 1, 2024 2:30 PM', AUTO_DMY, 'gregory 2024-09-01 14:30:00'],
    ['Nov 5, 2024, 2:30:05 PM', AUTO_DMY, 'gregory 2024-11-05 14:30:05'],
    ['5 November 2024 at 14:30', AUTO_DMY, 'gregory 2024-11-05 14:30:00'],
    ['29 Feb 2024', AUTO_DMY, 'gregory 2024-02-29'],
    ['Tue, 15 Jan 2024 10:00:00 GMT', AUTO_DMY, 'gregory 2024-01-15 10:00:00 +0'],
    // Persian month names
    ['۱۵ آبان ۱۴۰۳', AUTO_DMY, 'persian 2024-11-05'],
    ['15 آبان 1403', PERSIAN_DMY, 'persian 2024-11-05'],
    ['۱۵ آبان ۱۴۰۳، ۱۴:۳۰:۰۵', AUTO_DMY, 'persian 2024-11-05 14:30:05'],
    ['۱۵ آبان ۱۴۰۳ ساعت ۱۴:۳۰', AUTO_DMY, 'persian 2024-11-05 14:30:00'],
    ['۱ فروردين ۱۴۰۳', AUTO_DMY, 'persian 2024-03-20'],
    ['۱۵ ابان ۱۴۰۳', AUTO_DMY, 'persian 2024-11-05'],
    ['۳۰ اسفند ۱۴۰۳', AUTO_DMY, 'persian 2025-03-20'],
    // Excel serials
    ['45000.5', AUTO_DMY, 'gregory 2023-03-15 12:00:00'],
    ['45000', AUTO_DMY, 'gregory 2023-03-15'],
    ['45000.25', PERSIAN_DMY, 'gregory 2023-03-15 06:00:00'],
    ['45000.0000116', AUTO_DMY, 'gregory 2023-03-15 00:00:01'],
    ['45000.99999999', AUTO_DMY, 'gregory 2023-03-16 00:00:00'],
    ['20000', AUTO_DMY, 'gregory 1954-10-03'],
    ['80000', AUTO_DMY, 'gregory 2119-01-11'],
    // leap days
    ['1403/12/30', AUTO_DMY, 'persian 2025-03-20'],
    ['1399/12/30', AUTO_DMY, 'persian 2021-03-20'],
    ['2024-02-29', AUTO_DMY, 'gregory 2024-02-29'],
    ['2000-02-29', AUTO_DMY, 'gregory 2000-02-29'],
  ])('%j %o → %s', (text, options, expected) => {
    expect(showParsed(parseDateTimeValue(text, options))).toBe(expected);
  });

  it('reads each Persian month name', () => {
    const names = 'فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند'.split(' ');
    names.forEach((name, index) => {
      const g = jalaliToGregorian(1403, index + 1, 1);
      expect(showParsed(parseDateTimeValue(`۱ ${name} ۱۴۰۳`, AUTO_DMY))).toBe(
        `persian ${g.year}-${pad(g.month)}-${pad(g.day)}`,
      );
    });
  });

  it('reads each English month name, full and short', () => {
    const names =
      'January February March April May June July August September October November December';
    names.split(' ').forEach((name, index) => {
      const expected = `gregory 2024-${pad(index + 1)}-02`;
      expect(showParsed(parseDateTimeValue(`2 ${name} 2024`, AUTO_DMY))).toBe(expected);
      expect(showParsed(parseDateTimeValue(`${name.slice(0, 3)} 2, 2024`, AUTO_DMY))).toBe(
        expected,
      );
    });
  });

  it('knows the leap years the cases above rely on (ICU rule)', () => {
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
  });

  it.each<[string, DateParseOptions, ValueProblem]>([
    ['', AUTO_DMY, 'empty'],
    ['  ', AUTO_DMY, 'empty'],
    ['\u200f', AUTO_DMY, 'empty'],
    ['abc', AUTO_DMY, 'not_a_date'],
    ['1403', AUTO_DMY, 'not_a_date'],
    ['2024', AUTO_DMY, 'not_a_date'],
    ['5', AUTO_DMY, 'not_a_date'],
    ['19999', AUTO_DMY, 'not_a_date'],
    ['80001', AUTO_DMY, 'not_a_date'],
    ['2958465', AUTO_DMY, 'not_a_date'],
    ['14030815', AUTO_DMY, 'not_a_date'],
    ['45000.', AUTO_DMY, 'not_a_date'],
    ['-45000', AUTO_DMY, 'not_a_date'],
    ['۴۵۰۰۰٫۵', AUTO_DMY, 'not_a_date'],
    ['2024-11', AUTO_DMY, 'not_a_date'],
    ['2024/11/05/01', AUTO_DMY, 'not_a_date'],
    ['2024-11/05', AUTO_DMY, 'not_a_date'],
    ['024-11-05', AUTO_DMY, 'not_a_date'],
    ['2024-011-05', AUTO_DMY, 'not_a_date'],
    ['05/11/202', AUTO_DMY, 'not_a_date'],
    ['05/11/02024', AUTO_DMY, 'not_a_date'],
    ['15 Foo 2024', AUTO_DMY, 'not_a_date'],
    ['Jan 2024', AUTO_DMY, 'not_a_date'],
    ['15 Jan', AUTO_DMY, 'not_a_date'],
    ['2024-11-05 14', AUTO_DMY, 'not_a_date'],
    ['2024-11-05 14:3', AUTO_DMY, 'not_a_date'],
    ['2024-11-05 garbage', AUTO_DMY, 'not_a_date'],
    ['2024-11-05T', AUTO_DMY, 'not_a_date'],
    ['2024-11-0514:30', AUTO_DMY, 'not_a_date'],
    ['2024-11-05 14:30 +5', AUTO_DMY, 'not_a_date'],
    ['1000/01/01', AUTO_DMY, 'not_a_date'],
    ['1700-01-01', AUTO_DMY, 'not_a_date'],
    ['2300-01-01', AUTO_DMY, 'not_a_date'],
    ['1403/08/15', GREGORY_MDY, 'not_a_date'],
    ['2024-11-05', PERSIAN_DMY, 'not_a_date'],
    ['15 Jan 2024', PERSIAN_DMY, 'not_a_date'],
    ['15 Jan 24', PERSIAN_DMY, 'not_a_date'],
    ['۱۵ آبان ۱۴۰۳', GREGORY_MDY, 'not_a_date'],
    ['15 آبان 2024', AUTO_DMY, 'not_a_date'],
    ['15 Jan 1403', AUTO_DMY, 'not_a_date'],
    ['1404/12/30', AUTO_DMY, 'impossible_date'],
    ['۳۰ اسفند ۱۴۰۴', AUTO_DMY, 'impossible_date'],
    ['1403/07/31', AUTO_DMY, 'impossible_date'],
    ['1403/13/01', AUTO_DMY, 'impossible_date'],
    ['2025-02-30', AUTO_DMY, 'impossible_date'],
    ['2023-02-29', AUTO_DMY, 'impossible_date'],
    ['1900-02-29', AUTO_DMY, 'impossible_date'],
    ['2024-13-01', AUTO_DMY, 'impossible_date'],
    ['2024-00-10', AUTO_DMY, 'impossible_date'],
    ['2024-11-00', AUTO_DMY, 'impossible_date'],
    ['31/04/2024', AUTO_DMY, 'impossible_date'],
    ['13/05/2024', AUTO_MDY, 'impossible_date'],
    ['05/13/2024', AUTO_DMY, 'impossible_date'],
    ['30 Feb 2024', AUTO_DMY, 'impossible_date'],
    ['Jan 32, 2024', AUTO_DMY, 'impossible_date'],
    ['2025-02-30 25:00', AUTO_DMY, 'impossible_date'],
    ['2024-11-05 24:00', AUTO_DMY, 'bad_time'],
    ['2024-11-05 23:60', AUTO_DMY, 'bad_time'],
    ['2024-11-05 23:59:60', AUTO_DMY, 'bad_time'],
    ['2024-11-05 13:00 PM', AUTO_DMY, 'bad_time'],
    ['2024-11-05 0:30 AM', AUTO_DMY, 'bad_time'],
    ['2024-11-05T10:00+24:00', AUTO_DMY, 'bad_time'],
    ['2024-11-05T10:00+03:60', AUTO_DMY, 'bad_time'],
    ['5/11/24', PERSIAN_DMY, 'ambiguous_year'],
    ['۱۵/۰۸/۰۳', PERSIAN_DMY, 'ambiguous_year'],
    ['15 آبان 03', AUTO_DMY, 'ambiguous_year'],
  ])('%j %o → %s', (text, options, problem) => {
    expect(parseDateTimeValue(text, options)).toEqual({ ok: false, problem });
  });
});

describe('dateShapeOf', () => {
  it.each<[string, DateShape]>([
    ['15/08/1403', { calendar: 'persian', order: 'dmy' }],
    ['۱۵/۰۸/۱۴۰۳ ۱۴:۳۰', { calendar: 'persian', order: 'dmy' }],
    ['05/13/2024', { calendar: 'gregory', order: 'mdy' }],
    ['12/1/2010 8:26', { calendar: 'gregory', order: 'either' }],
    ['5/11/24', { calendar: null, order: 'either' }],
    ['25/11/24', { calendar: null, order: 'dmy' }],
    ['13/13/2024', { calendar: 'gregory', order: null }],
    ['05/11/1000', { calendar: null, order: 'either' }],
    ['1403/08/15', { calendar: 'persian', order: null }],
    ['2024-11-05T10:00Z', { calendar: 'gregory', order: null }],
    ['2024-02-30', { calendar: 'gregory', order: null }],
    ['15 Jan 2024', { calendar: 'gregory', order: null }],
    ['۱۵ آبان ۱۴۰۳', { calendar: 'persian', order: null }],
    ['45000.5', { calendar: 'gregory', order: null }],
    ['abc', { calendar: null, order: null }],
    ['', { calendar: null, order: null }],
  ])('%j → %o', (text, expected) => {
    expect(dateShapeOf(text)).toEqual(expected);
  });
});

describe('parseTimeOfDay', () => {
  it.each<[string, string]>([
    ['14:30', '14:30:00'],
    ['14:30:15', '14:30:15'],
    [' 8:26 ', '08:26:00'],
    ['09:05:07.250', '09:05:07'],
    ['2:30 PM', '14:30:00'],
    ['2:30pm', '14:30:00'],
    ['12:00 AM', '00:00:00'],
    ['12:00 PM', '12:00:00'],
    ['12:30 a.m.', '00:30:00'],
    ['11:59:59 P.M.', '23:59:59'],
    ['۱۴:۳۰:۱۵', '14:30:15'],
    ['١٤:٣٠', '14:30:00'],
    ['ب.ظ 02:30', '14:30:00'],
    ['ق.ظ 02:30', '02:30:00'],
    ['ب.ظ ۱۲:۱۵', '12:15:00'],
    ['۲:۳۰ ب.ظ.', '14:30:00'],
    ['\u200f۲:۳۰ ق.ظ\u200f', '02:30:00'],
  ])('%j → %s', (text, expected) => {
    const parsed = parseTimeOfDay(text);
    expect(
      parsed.ok &&
        `${pad(parsed.value.hour)}:${pad(parsed.value.minute)}:${pad(parsed.value.second)}`,
    ).toBe(expected);
  });

  it.each<[string, ValueProblem]>([
    ['', 'empty'],
    ['  ', 'empty'],
    ['x', 'bad_time'],
    ['14', 'bad_time'],
    ['14:3', 'bad_time'],
    ['24:00', 'bad_time'],
    ['12:60', 'bad_time'],
    ['12:30:60', 'bad_time'],
    ['13:00 PM', 'bad_time'],
    ['14:30Z', 'bad_time'],
    ['14:30 ب', 'bad_time'],
    ['2024-11-05 14:30', 'bad_time'],
  ])('%j → %s', (text, problem) => {
    expect(parseTimeOfDay(text)).toEqual({ ok: false, problem });
  });
});

describe('idKey', () => {
  it.each<[string, string]>([
    ['INV-001', 'inv-001'],
    [' INV-001 ', 'inv-001'],
    ['inv-001', 'inv-001'],
    ['A  B', 'a b'],
    ['A\tB\n', 'a b'],
    ['', ''],
    ['   ', ''],
    ['۱۲۳', '123'],
    ['١٢٣', '123'],
    ['كد ۱۲', 'کد 12'],
    ['علي', 'علی'],
    ['\u200fINV\u200c-1\u200e', 'inv-1'],
    ['مُحَمَّد', 'محمد'],
    ['ＩＮＶ１', 'inv1'],
  ])('%j → %j', (text, expected) => {
    expect(idKey(text)).toBe(expected);
  });

  it('agrees with normaliseForSearch on printable ASCII (the fast path)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        expect(idKey(s)).toBe(normaliseForSearch(s));
      }),
    );
  });

  it('gives two spellings of the same id the same key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/), (id) => {
        const spelled = `\u200f ${toPersianDigits(id.toUpperCase())}\u200c `;
        expect(idKey(spelled)).toBe(idKey(id));
      }),
    );
  });
});

// -----------------------------------------------------------------------------------------------
// Properties

type Grouping = { separator: string; mark: DecimalMark };
const GROUPINGS: readonly Grouping[] = [
  { separator: '', mark: '.' },
  { separator: '', mark: ',' },
  { separator: ',', mark: '.' },
  { separator: '.', mark: ',' },
  { separator: '٬', mark: '.' },
  { separator: '٬', mark: ',' },
  { separator: "'", mark: '.' },
  { separator: '’', mark: ',' },
  { separator: ' ', mark: '.' },
  { separator: ' ', mark: ',' },
  { separator: '\u00a0', mark: '.' },
  { separator: '\u2009', mark: ',' },
  { separator: '\u202f', mark: '.' },
];
const DIGIT_STYLES: readonly ((s: string) => string)[] = [
  (s) => s,
  toPersianDigits,
  toArabicIndicDigits,
];
const CURRENCIES = [
  ...['', 'تومان', 'تو\u200cمان', 'تومن', 'ریال', 'ريال', '﷼', 'ر.ا', '$', '£', '€'],
  ...['IRR', 'irt', 'USD', 'Eur', 'GBP', 'Toman', 'tomans', 'Rial', 'RIALS'],
];
const NEGATIVE_STYLES: readonly ((s: string) => string)[] = [
  (s) => `-${s}`,
  (s) => `−${s}`,
  (s) => `–${s}`,
  (s) => `(${s})`,
  (s) => `${s}-`,
];
const POSITIVE_STYLES: readonly ((s: string) => string)[] = [(s) => s, (s) => `+${s}`];
const withCurrency = (s: string, currency: string, position: number): string =>
  [`${currency} ${s}`, `${currency}${s}`, `${s} ${currency}`, `${s}${currency}`][position] ?? s;

describe('parseDecimal properties', () => {
  it('reads any integer back in every supported spelling', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.constantFrom(...GROUPINGS),
        fc.constantFrom(...DIGIT_STYLES),
        fc.nat(4),
        fc.constantFrom(...CURRENCIES),
        fc.nat(3),
        fc.boolean(),
        (n, grouping, digits, signStyle, currency, position, hasBidiMarks) => {
          const styles = n < 0 ? NEGATIVE_STYLES : POSITIVE_STYLES;
          const sign = styles[signStyle % styles.length] ?? ((s: string) => s);
          const number = sign(digits(group(String(Math.abs(n)), grouping.separator)));
          const text = withCurrency(number, currency, position);
          const input = hasBidiMarks ? `\u200f${text}\u200e` : text;
          expect(parseDecimal(input, grouping.mark)).toEqual({ ok: true, value: n === 0 ? 0 : n });
        },
      ),
    );
  });

  it('reads decimals with up to two fraction digits in either mark, to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.constantFrom(...GROUPINGS),
        fc.boolean(),
        (units, fractionDigits, fraction, isNegative, grouping, isArabicMark) => {
          const fractionText = pad(fraction, 2).slice(0, fractionDigits);
          const mark = isArabicMark ? '٫' : grouping.mark;
          const body = group(String(units), grouping.separator);
          const fractionPart = fractionDigits > 0 ? mark + fractionText : '';
          const text = `${isNegative ? '-' : ''}${body}${fractionPart}`;
          const cents = units * 100 + Number(fractionText.padEnd(2, '0'));
          const parsed = parseDecimal(text, grouping.mark);
          expect(parsed.ok && Math.round(parsed.value * 100)).toBe(
            isNegative ? -cents || 0 : cents,
          );
        },
      ),
    );
  });

  it('gives the same answer on the plain-ASCII fast path and the general path', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?[0-9]{0,12}(\.[0-9]{0,4})?$/),
        fc.constantFrom<DecimalMark>('.', ','),
        (text, mark) => {
          // A bidi mark is removed by the general path but keeps the text off the fast path.
          expect(parseDecimal(`\u200e${text}`, mark)).toEqual(parseDecimal(text, mark));
        },
      ),
    );
  });

  it('never throws and never returns a non-finite number', () => {
    const tricky = fc.constantFrom(
      ..."0123456789۰۱۹٠٩.,٫٬ -−–+()$€eE'’تومانریال\u200c\u200f".split(''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(tricky, fc.string({ maxLength: 2 })), { maxLength: 16 }),
        fc.constantFrom<DecimalMark>('.', ','),
        (parts, mark) => {
          const parsed = parseDecimal(parts.join(''), mark);
          if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
        },
      ),
    );
  });
});

const GREGORIAN_DAYS = fc
  .integer({ min: gregorianToDayNumber(1900, 1, 1), max: gregorianToDayNumber(2100, 12, 31) })
  .map(dayNumberToGregorian);

const TIMES = fc.option(
  fc.record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  }),
);

describe('parseDateTimeValue properties', () => {
  it('reads any Gregorian date 1900–2100 written ISO, dmy or mdy', () => {
    fc.assert(
      fc.property(
        GREGORIAN_DAYS,
        fc.constantFrom('iso', 'dmy', 'mdy'),
        fc.constantFrom('-', '/', '.'),
        fc.boolean(),
        fc.constantFrom<DateParseOptions['calendar']>('auto', 'gregory'),
        TIMES,
        (date, shape, separator, isPadded, calendar, time) => {
          const m = isPadded ? pad(date.month) : String(date.month);
          const d = isPadded ? pad(date.day) : String(date.day);
          const y = String(date.year);
          const dateText =
            shape === 'iso'
              ? [y, m, d].join(separator)
              : shape === 'dmy'
                ? [d, m, y].join(separator)
                : [m, d, y].join(separator);
          const timeText =
            time === null ? '' : `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
          const joiner = shape === 'iso' && separator === '-' ? 'T' : ' ';
          const text = time === null ? dateText : `${dateText}${joiner}${timeText}`;
          const order = shape === 'mdy' ? 'mdy' : 'dmy';
          expect(parseDateTimeValue(text, { calendar, order })).toEqual({
            ok: true,
            value: {
              ...date,
              hour: time?.hour ?? 0,
              minute: time?.minute ?? 0,
              second: time?.second ?? 0,
              hasTime: time !== null,
              offsetMinutes: null,
              calendar: 'gregory',
            },
          });
        },
      ),
    );
  });

  const JALALI_DATES = fc
    .tuple(fc.integer({ min: 1300, max: 1499 }), fc.integer({ min: 1, max: 12 }))
    .chain(([year, month]) =>
      fc.record({
        year: fc.constant(year),
        month: fc.constant(month),
        day: fc.integer({ min: 1, max: jalaliMonthLength(year, month) }),
      }),
    );

  it('reads any Jalali date 1300–1499 in Persian digits as its Gregorian date', () => {
    fc.assert(
      fc.property(
        JALALI_DATES,
        fc.constantFrom<DateParseOptions['calendar']>('auto', 'persian'),
        (date, calendar) => {
          const text = toPersianDigits(`${date.year}/${pad(date.month)}/${pad(date.day)}`);
          const parsed = parseDateTimeValue(text, { calendar, order: 'dmy' });
          const expected = jalaliToGregorian(date.year, date.month, date.day);
          expect(parsed.ok && { ...parsed.value }).toMatchObject({
            ...expected,
            calendar: 'persian',
            hasTime: false,
          });
        },
      ),
    );
  });

  it('rejects the day after the last day of any month as impossible_date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1300, max: 1499 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<DateParseOptions['order']>('dmy', 'mdy'),
        (gy, jy, month, order) => {
          const gDay = gregorianMonthLength(gy, month) + 1;
          const jDay = jalaliMonthLength(jy, month) + 1;
          const dayFirst = order === 'dmy';
          const gYearLast = dayFirst ? `${gDay}/${month}/${gy}` : `${month}/${gDay}/${gy}`;
          const expected = { ok: false, problem: 'impossible_date' };
          expect(parseDateTimeValue(`${gy}-${pad(month)}-${gDay}`, AUTO_DMY)).toEqual(expected);
          expect(parseDateTimeValue(gYearLast, { calendar: 'auto', order })).toEqual(expected);
          expect(parseDateTimeValue(`${jy}/${month}/${jDay}`, AUTO_DMY)).toEqual(expected);
          expect(parseDateTimeValue(`${jDay}/${month}/${jy}`, PERSIAN_DMY)).toEqual(expected);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    const tricky = fc.constantFrom(
      ...'0123456789۰۱۴٠/-.:T Z+ APMapmق.ظب.ظJanآبان,،\u200f'.split(''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(tricky, fc.string({ maxLength: 2 })), { maxLength: 24 }),
        (parts) => {
          const text = parts.join('');
          parseDateTimeValue(text, AUTO_DMY);
          parseDateTimeValue(text, PERSIAN_DMY);
          dateShapeOf(text);
          parseTimeOfDay(text);
        },
      ),
    );
  });
});
