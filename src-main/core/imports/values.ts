/**
 * Cell-value parsers for the sales importer: amounts, dates, times and ids as shops' exports write
 * them (Persian and Arabic-Indic digits, Jalali dates, currency words, Excel serials, Shopify
 * offsets). They run on every cell of files with a million lines, so the plain-ASCII shapes go
 * through hand-written char-code scanners, and regex and Unicode normalisation are kept for text
 * that needs them.
 */
import { normaliseDigits, normaliseForSearch } from '../../../src-shared/domain/persian-text.ts';
import {
  dayNumberToGregorian,
  gregorianToDayNumber,
  isValidGregorianDate,
  isValidJalaliDate,
  jalaliToGregorian,
} from '../../../src-shared/i18n/jalali.ts';

export type DecimalMark = '.' | ',';
export type ValueProblem =
  | 'empty' // blank after trimming
  | 'not_a_number' // letters or garbage left after cleaning
  | 'bad_grouping' // thousands separators in impossible places, e.g. '12,34' with decimal mark '.'
  | 'not_a_date' // no recognisable date shape
  // the shape is fine but the day does not exist: 1404/12/30, 2025-02-30, month 13
  | 'impossible_date'
  | 'bad_time' // hour > 23, minute > 59…
  | 'ambiguous_year'; // a two-digit year where the calendar is not Gregorian
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

type Failure = { ok: false; problem: ValueProblem };

// Shared, frozen failures: a bad column can fail on every one of a million rows.
const failure = (problem: ValueProblem): Failure => Object.freeze({ ok: false, problem });
const EMPTY = failure('empty');
const NOT_A_NUMBER = failure('not_a_number');
const BAD_GROUPING = failure('bad_grouping');
const NOT_A_DATE = failure('not_a_date');
const IMPOSSIBLE_DATE = failure('impossible_date');
const BAD_TIME = failure('bad_time');
const AMBIGUOUS_YEAR = failure('ambiguous_year');

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const PLUS = 0x2b;
const COMMA = 0x2c;
const HYPHEN_MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const ARABIC_COMMA = 0x060c;
const ARABIC_DECIMAL_SEPARATOR = 0x066b; // ٫
const ARABIC_THOUSANDS_SEPARATOR = 0x066c; // ٬
const EN_DASH = 0x2013;
const RIGHT_SINGLE_QUOTE = 0x2019; // ’
const MINUS_SIGN = 0x2212; // −
const QAF = 0x0642; // ق, as in ق.ظ (before noon)
const BEH = 0x0628; // ب, as in ب.ظ (after noon)
const ZAH = 0x0638; // ظ

const isDigit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9;
const isMinusSign = (c: number): boolean => c === HYPHEN_MINUS || c === MINUS_SIGN || c === EN_DASH;
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
// Arabic-script letters and marks, without the Arabic-Indic digits and separators (U+0660–066D).
const isArabicLetter = (c: number): boolean =>
  (c >= 0x0620 && c <= 0x065f) || (c >= 0x066e && c <= 0x06d5);

const INVISIBLE_RE = /\p{Cf}/gu;
// Spaces other than U+0020 that exports put between digit groups or words.
const WIDE_SPACE_RE = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/** Trimmed text with ASCII digits, no invisible format characters and U+0020 for every space. */
function cleanCell(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c < SPACE) {
      return normaliseDigits(text).replace(INVISIBLE_RE, '').replace(WIDE_SPACE_RE, ' ').trim();
    }
  }
  return text.trim();
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Longer words first, so 'tomans' is not cut to 'toman' + 's'. ZWNJ variants of تومان need no
// entry: format characters are gone before this runs.
const CURRENCY = 'تومان|تومن|ریال|ريال|﷼|ر\\.ا|\\$|£|€|irr|irt|usd|eur|gbp|tomans|toman|rials|rial';
// A currency word with digits on both sides ('12USD34') is not around the number: it stays, and
// the parse fails rather than joining the two numbers.
const CURRENCY_RE = new RegExp(`(?<![0-9])(?:${CURRENCY})|(?:${CURRENCY})(?![0-9])`, 'giu');
const EXPONENT_RE = /^[+-]?[0-9]+$/;

/** A number as written in a sales export, in the file's own unit (not yet minor units). */
export function parseDecimal(text: string, decimalMark: DecimalMark): Parsed<number> {
  const plain = parsePlainDecimal(text, decimalMark);
  return Number.isNaN(plain) ? parseDecimalSlow(text, decimalMark) : { ok: true, value: plain };
}

// The shape nearly every cell has: ASCII digits with maybe a leading '-' and one decimal point.
// NaN means "not this shape", never "not a number".
function parsePlainDecimal(text: string, decimalMark: DecimalMark): number {
  // Long digit runs can overflow to Infinity, which the general path rejects.
  if (text.length > 20) return NaN;
  let hasDigit = false;
  let hasPoint = false;
  for (let i = text.charCodeAt(0) === HYPHEN_MINUS ? 1 : 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) hasDigit = true;
    else if (c === DOT && decimalMark === '.' && !hasPoint) hasPoint = true;
    else return NaN;
  }
  if (!hasDigit) return NaN;
  const value = Number(text);
  return value === 0 ? 0 : value; // no -0 from '-0'
}

// Whether a currency word could be present at all, so that plain grouped numbers skip the regex.
function mayHaveCurrency(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c === 0x24 || (isAsciiLetter(c) && (c | 0x20) !== 0x65)) return true;
  }
  return false;
}

function isDecimalPoint(c: number, decimalMark: DecimalMark): boolean {
  return c === ARABIC_DECIMAL_SEPARATOR || c === (decimalMark === '.' ? DOT : COMMA);
}

/** Which kind of grouping separator c is (all spaces alike, both apostrophes alike), or 0. */
function groupKindOf(c: number, decimalMark: DecimalMark): number {
  if (c === ARABIC_THOUSANDS_SEPARATOR) return 1;
  if (c === (decimalMark === '.' ? COMMA : DOT)) return 2;
  if (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) return 3;
  if (c === SPACE) return 4;
  return 0;
}

function parseDecimalSlow(text: string, decimalMark: DecimalMark): Parsed<number> {
  let s = cleanCell(text);
  if (mayHaveCurrency(s)) s = s.replace(CURRENCY_RE, '').trim();
  if (s === '') return EMPTY;

  let start = 0;
  let end = s.length;
  let isNegative = false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(end - 1);
  if (first === OPEN_PAREN) {
    if (last !== CLOSE_PAREN || end < 2) return NOT_A_NUMBER;
    isNegative = true;
    start = 1;
    end -= 1;
  } else if (isMinusSign(first)) {
    isNegative = true;
    start = 1;
  } else if (first === PLUS) {
    start = 1;
  } else if (isMinusSign(last)) {
    // Iranian accounting exports write debits as '12,500-'.
    isNegative = true;
    end -= 1;
  }
  while (start < end && s.charCodeAt(start) === SPACE) start += 1;
  while (end > start && s.charCodeAt(end - 1) === SPACE) end -= 1;

  let ascii = isNegative ? '-' : '';
  let digitCount = 0;
  let groupLength = 0; // digits since the last separator
  let groupCount = 0;
  let groupKind = 0;
  let hasPoint = false;
  let i = start;
  for (; i < end; i += 1) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      ascii += s.charAt(i);
      digitCount += 1;
      groupLength += 1;
      continue;
    }
    if (isDecimalPoint(c, decimalMark)) {
      if (hasPoint || (groupCount > 0 && groupLength !== 3)) return BAD_GROUPING;
      hasPoint = true;
      ascii += '.';
      continue;
    }
    const kind = groupKindOf(c, decimalMark);
    if (kind !== 0) {
      const isGroupLengthOk =
        groupCount === 0 ? groupLength >= 1 && groupLength <= 3 : groupLength === 3;
      if (hasPoint || !isGroupLengthOk || (groupKind !== 0 && kind !== groupKind)) {
        return BAD_GROUPING;
      }
      groupKind = kind;
      groupCount += 1;
      groupLength = 0;
      continue;
    }
    if ((c | 0x20) === 0x65 && digitCount > 0) break; // 'e'/'E': Excel's '1.5E+3'
    return NOT_A_NUMBER;
  }
  if (digitCount === 0) return NOT_A_NUMBER;
  if (!hasPoint && groupCount > 0 && groupLength !== 3) return BAD_GROUPING;
  if (i < end) {
    const exponent = s.slice(i + 1, end);
    if (!EXPONENT_RE.test(exponent)) return NOT_A_NUMBER;
    ascii += `e${exponent}`;
  }
  const value = Number(ascii);
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Which decimal mark a column's sample values imply: ',' only when the sample clearly uses a
 * decimal comma (e.g. '12,50', '1.234,56'), else '.'.
 */
export function detectDecimalMark(samples: readonly string[]): DecimalMark {
  // A value is evidence only when it reads under one mark and not the other: '1,234' and '12500'
  // read either way, '12,50' and '1.234,56' only with a comma, '12.5' and '1,234.5' only with a
  // point.
  let commaVotes = 0;
  let pointVotes = 0;
  for (const sample of samples) {
    const isPointOk = parseDecimal(sample, '.').ok;
    const isCommaOk = parseDecimal(sample, ',').ok;
    if (isCommaOk && !isPointOk) commaVotes += 1;
    else if (isPointOk && !isCommaOk) pointVotes += 1;
  }
  return commaVotes > pointVotes ? ',' : '.';
}

// ---------------------------------------------------------------------------------------------
// Dates and times

export type DayOrder = 'dmy' | 'mdy';
export type CalendarChoice = 'auto' | 'persian' | 'gregory';
/** A date (always converted to the proleptic GREGORIAN calendar) and optional time as written. */
export type DateTimeValue = {
  year: number;
  month: number;
  day: number; // Gregorian
  hour: number;
  minute: number;
  second: number; // 0 when hasTime is false
  hasTime: boolean;
  /**
   * Minutes east of UTC when the text carried an offset ('Z', '+03:30', '-0500'), else null (a
   * wall-clock time in the shop's zone).
   */
  offsetMinutes: number | null;
  /** The calendar the text was written in. */
  calendar: 'persian' | 'gregory';
};
export type DateParseOptions = { calendar: CalendarChoice; order: DayOrder };

/** Evidence a date column's values give about how to read them, for deciding on the preview. */
export type DateShape = {
  calendar: 'persian' | 'gregory' | null; // null when unknown (e.g. not a date)
  /**
   * For year-last numeric dates: 'dmy' when the first number > 12, 'mdy' when the second > 12,
   * 'either' when both ≤ 12, null when the shape has no order question.
   */
  order: DayOrder | 'either' | null;
};

type Clock = {
  hasTime: boolean;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number | null;
  /** False when the clock is well formed but out of range ('25:00', '13:00 PM', '+25:00'). */
  isTimeValid: boolean;
};

/** A date as scanned, before the calendar and day order are applied. */
type RawDateTime = Clock & {
  form: 'ymd' | 'year-last' | 'named' | 'serial';
  /** 'ymd' and 'named': the month; 'year-last': the first number. */
  a: number;
  /** 'ymd' and 'named': the day; 'year-last': the second number. */
  b: number;
  year: number;
  yearWidth: number;
  /** The calendar a month name implies. */
  namedCalendar: 'persian' | 'gregory' | null;
  serial: number;
};

type Scanner = { s: string; i: number; width: number };

const EXCEL_EPOCH_DAY = gregorianToDayNumber(1899, 12, 30);
// Excel serials for 1954-10-03 … 2119-01-11: a date column holding 5 is more likely garbage.
const MIN_SERIAL = 20_000;
const MAX_SERIAL = 80_000;
const SECONDS_PER_DAY = 86_400;

type MonthName = { month: number; calendar: 'persian' | 'gregory' };
const MONTH_NAMES = new Map<string, MonthName>();
const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const PERSIAN_MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];
const WEEKDAYS = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
]);

// Arabic keyboards write ي for ی; sloppy typing drops the madda of آبان and آذر.
const ARABIC_MARKS_RE = /[\u064b-\u065f\u0670\u0640]/g;
function persianWordKey(word: string): string {
  return word
    .replace(ARABIC_MARKS_RE, '')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627');
}

ENGLISH_MONTHS.forEach((name, index) => {
  MONTH_NAMES.set(name, { month: index + 1, calendar: 'gregory' });
  MONTH_NAMES.set(name.slice(0, 3), { month: index + 1, calendar: 'gregory' });
});
MONTH_NAMES.set('sept', { month: 9, calendar: 'gregory' });
PERSIAN_MONTHS.forEach((name, index) => {
  MONTH_NAMES.set(persianWordKey(name), { month: index + 1, calendar: 'persian' });
});

function calendarOfYear(year: number): 'persian' | 'gregory' | null {
  if (year >= 1200 && year <= 1599) return 'persian';
  if (year >= 1800 && year <= 2200) return 'gregory';
  return null;
}

function codeAt(sc: Scanner): number {
  return sc.i < sc.s.length ? sc.s.charCodeAt(sc.i) : -1;
}

/** Reads a run of ASCII digits; sc.width is its length (0 when there was none). */
function readNumber(sc: Scanner): number {
  const { s } = sc;
  let value = 0;
  let i = sc.i;
  for (; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    value = value * 10 + (c - DIGIT_0);
  }
  sc.width = i - sc.i;
  sc.i = i;
  return value;
}

function skipSpaces(sc: Scanner): number {
  const from = sc.i;
  while (sc.s.charCodeAt(sc.i) === SPACE) sc.i += 1;
  return sc.i - from;
}

/** Skips spaces and at most one of '-', '/', '.' (and ',' if allowed); returns what it skipped. */
function skipDateSeparator(sc: Scanner, allowComma: boolean): number {
  const from = sc.i;
  skipSpaces(sc);
  const c = codeAt(sc);
  if (
    c === HYPHEN_MINUS ||
    c === SLASH ||
    c === DOT ||
    (allowComma && (c === COMMA || c === ARABIC_COMMA))
  ) {
    sc.i += 1;
    skipSpaces(sc);
  }
  return sc.i - from;
}

function readWord(sc: Scanner): string {
  const from = sc.i;
  const isArabic = isArabicLetter(codeAt(sc));
  while (sc.i < sc.s.length) {
    const c = sc.s.charCodeAt(sc.i);
    if (isArabic ? !isArabicLetter(c) : !isAsciiLetter(c)) break;
    sc.i += 1;
  }
  const word = sc.s.slice(from, sc.i);
  return isArabic ? persianWordKey(word) : word.toLowerCase();
}

function readMonthName(sc: Scanner, raw: RawDateTime): boolean {
  const name = MONTH_NAMES.get(readWord(sc));
  if (name === undefined) return false;
  if (name.calendar === 'gregory' && codeAt(sc) === DOT) sc.i += 1; // 'Jan.'
  raw.a = name.month;
  raw.namedCalendar = name.calendar;
  return true;
}

function readYear(sc: Scanner, raw: RawDateTime): boolean {
  raw.year = readNumber(sc);
  raw.yearWidth = sc.width;
  return sc.width === 4 || sc.width === 2;
}

// An Excel serial: digits with an optional fraction, anything but a 4-digit (year-like) integer.
function scanSerial(s: string, raw: RawDateTime): boolean {
  let i = 0;
  while (isDigit(s.charCodeAt(i))) i += 1;
  const integerWidth = i;
  if (integerWidth === 0 || integerWidth === 4) return false;
  let hasFraction = false;
  if (s.charCodeAt(i) === DOT) {
    i += 1;
    hasFraction = i < s.length;
    while (isDigit(s.charCodeAt(i))) i += 1;
  }
  if (i !== s.length || (!hasFraction && integerWidth !== s.length)) return false;
  const serial = Number(s);
  if (!(serial >= MIN_SERIAL && serial <= MAX_SERIAL)) return false;
  raw.form = 'serial';
  raw.serial = serial;
  raw.hasTime = hasFraction;
  return true;
}

function scanDate(sc: Scanner, raw: RawDateTime, mayHaveWeekday: boolean): boolean {
  const c = codeAt(sc);
  if (isDigit(c)) {
    const n1 = readNumber(sc);
    const w1 = sc.width;
    const sep = codeAt(sc);
    if (
      (sep === HYPHEN_MINUS || sep === SLASH || sep === DOT) &&
      isDigit(sc.s.charCodeAt(sc.i + 1))
    ) {
      sc.i += 1;
      const n2 = readNumber(sc);
      const w2 = sc.width;
      if (codeAt(sc) !== sep) return false;
      sc.i += 1;
      const n3 = readNumber(sc);
      const w3 = sc.width;
      const isShort2 = w2 === 1 || w2 === 2;
      if (w1 === 4 && isShort2 && (w3 === 1 || w3 === 2)) {
        raw.form = 'ymd';
        raw.year = n1;
        raw.yearWidth = 4;
        raw.a = n2;
        raw.b = n3;
        return true;
      }
      if ((w1 === 1 || w1 === 2) && isShort2 && (w3 === 4 || w3 === 2)) {
        raw.form = 'year-last';
        raw.a = n1;
        raw.b = n2;
        raw.year = n3;
        raw.yearWidth = w3;
        return true;
      }
      return false;
    }
    // '15 Jan 2024', '15-Jan-24', '۱۵ آبان ۱۴۰۳'
    if (w1 > 2) return false;
    skipDateSeparator(sc, false);
    if (!readMonthName(sc, raw)) return false;
    raw.form = 'named';
    raw.b = n1;
    skipDateSeparator(sc, true);
    return readYear(sc, raw);
  }
  if (!isAsciiLetter(c) && !isArabicLetter(c)) return false;
  const from = sc.i;
  if (mayHaveWeekday && WEEKDAYS.has(readWord(sc))) {
    if (codeAt(sc) === DOT) sc.i += 1;
    skipDateSeparator(sc, true);
    return scanDate(sc, raw, false);
  }
  sc.i = from;
  // 'Jan 15, 2024', 'January 15 2024'
  if (!readMonthName(sc, raw)) return false;
  raw.form = 'named';
  skipDateSeparator(sc, false);
  raw.b = readNumber(sc);
  if (sc.width < 1 || sc.width > 2) return false;
  if (skipDateSeparator(sc, true) === 0) return false;
  return readYear(sc, raw);
}

const AM = 1;
const PM = 2;

/** Reads 'am', 'p.m.', 'ق.ظ', 'ب.ظ.' and the like: 0 when there is none, else AM or PM. */
function readMeridiem(sc: Scanner): number {
  const { s } = sc;
  let i = sc.i;
  const c = s.charCodeAt(i);
  let meridiem: number;
  if (c === QAF || c === BEH) {
    meridiem = c === QAF ? AM : PM;
    i += 1;
    if (s.charCodeAt(i) === DOT) i += 1;
    if (s.charCodeAt(i) !== ZAH) return 0;
    i += 1;
    if (s.charCodeAt(i) === DOT) i += 1;
  } else {
    const lower = c | 0x20;
    if (lower !== 0x61 && lower !== 0x70) return 0;
    meridiem = lower === 0x61 ? AM : PM;
    i += 1;
    if (s.charCodeAt(i) === DOT) i += 1;
    if ((s.charCodeAt(i) | 0x20) !== 0x6d) return 0;
    i += 1;
    if (s.charCodeAt(i) === DOT) i += 1;
    if (isAsciiLetter(s.charCodeAt(i))) return 0;
  }
  sc.i = i;
  return meridiem;
}

/** Reads 'Z', 'UTC', 'GMT', '+03:30', '+0330', '+03', '-0500' (also after 'UTC'/'GMT'). */
function readOffset(sc: Scanner, clock: Clock): boolean {
  const { s } = sc;
  const c = codeAt(sc);
  if (c === 0x5a || c === 0x7a) {
    sc.i += 1;
    clock.offsetMinutes = 0;
    return true;
  }
  const isNamedZone =
    (c === 0x55 || c === 0x47) && (s.startsWith('UTC', sc.i) || s.startsWith('GMT', sc.i));
  if (isNamedZone) sc.i += 3;
  const signCode = codeAt(sc);
  if (signCode !== PLUS && !isMinusSign(signCode)) {
    if (isNamedZone) clock.offsetMinutes = 0;
    return isNamedZone;
  }
  sc.i += 1;
  let hours = readNumber(sc);
  let minutes = 0;
  if (sc.width === 4) {
    minutes = hours % 100;
    hours = Math.floor(hours / 100);
  } else if (sc.width !== 2) {
    return false;
  } else if (codeAt(sc) === COLON) {
    sc.i += 1;
    minutes = readNumber(sc);
    if (sc.width !== 2) return false;
  }
  if (hours > 23 || minutes > 59) clock.isTimeValid = false;
  const total = hours * 60 + minutes;
  clock.offsetMinutes = total === 0 ? 0 : signCode === PLUS ? total : -total;
  return true;
}

/** Reads '14:30', '2:30:15.5 PM', 'ب.ظ 02:30' and, when allowed, a trailing offset. */
function scanClock(sc: Scanner, clock: Clock, allowOffset: boolean): boolean {
  let meridiem = readMeridiem(sc);
  if (meridiem !== 0) skipSpaces(sc);
  let hour = readNumber(sc);
  if (sc.width < 1 || sc.width > 2 || codeAt(sc) !== COLON) return false;
  sc.i += 1;
  const minute = readNumber(sc);
  if (sc.width !== 2) return false;
  let second = 0;
  if (codeAt(sc) === COLON) {
    sc.i += 1;
    second = readNumber(sc);
    if (sc.width !== 2) return false;
    const c = codeAt(sc);
    if ((c === DOT || c === COMMA) && isDigit(sc.s.charCodeAt(sc.i + 1))) {
      // Fractions of a second are dropped: rounding up could roll over into the next day.
      sc.i += 1;
      readNumber(sc);
    }
  }
  if (meridiem === 0) {
    const mark = sc.i;
    skipSpaces(sc);
    meridiem = readMeridiem(sc);
    if (meridiem === 0) sc.i = mark;
  }
  if (allowOffset) {
    const mark = sc.i;
    skipSpaces(sc);
    if (!readOffset(sc, clock)) sc.i = mark;
  }
  let isValid = minute <= 59 && second <= 59;
  if (meridiem === 0) {
    isValid &&= hour <= 23;
  } else {
    isValid &&= hour >= 1 && hour <= 12;
    hour = (hour % 12) + (meridiem === PM ? 12 : 0);
  }
  clock.hasTime = true;
  clock.hour = hour;
  clock.minute = minute;
  clock.second = second;
  if (!isValid) clock.isTimeValid = false;
  return true;
}

/** After a date: 'T14:30', ' 14:30', ', 2:30 PM', '، ۱۴:۳۰', ' at 14:30', ' ساعت ۱۴:۳۰'. */
function scanTimeAfterDate(sc: Scanner, clock: Clock): boolean {
  const c = codeAt(sc);
  if ((c | 0x20) === 0x74 && isDigit(sc.s.charCodeAt(sc.i + 1))) {
    sc.i += 1;
  } else {
    let skipped = 0;
    if (c === COMMA || c === ARABIC_COMMA) {
      sc.i += 1;
      skipped = 1;
    }
    if (skipSpaces(sc) + skipped === 0) return false;
    // The connecting word Intl's long formats put between date and time.
    const mark = sc.i;
    if (!isDigit(codeAt(sc))) {
      const word = readWord(sc);
      if (!((word === 'at' || word === 'ساعت') && skipSpaces(sc) > 0)) sc.i = mark;
    }
  }
  return scanClock(sc, clock, true) && sc.i === sc.s.length;
}

/** Scans a cleaned cell; null when it has no date shape. */
function scanDateTime(s: string): RawDateTime | null {
  const raw: RawDateTime = {
    form: 'ymd',
    a: 0,
    b: 0,
    year: 0,
    yearWidth: 0,
    namedCalendar: null,
    serial: 0,
    hasTime: false,
    hour: 0,
    minute: 0,
    second: 0,
    offsetMinutes: null,
    isTimeValid: true,
  };
  if (scanSerial(s, raw)) return raw;
  const sc: Scanner = { s, i: 0, width: 0 };
  if (!scanDate(sc, raw, true)) return null;
  if (sc.i < s.length && !scanTimeAfterDate(sc, raw)) return null;
  return raw;
}

function fromSerial(serial: number, hasTime: boolean): Parsed<DateTimeValue> {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * SECONDS_PER_DAY);
  if (seconds === SECONDS_PER_DAY) {
    days += 1;
    seconds = 0;
  }
  const date = dayNumberToGregorian(EXCEL_EPOCH_DAY + days);
  return {
    ok: true,
    value: {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(seconds / 3600),
      minute: Math.floor(seconds / 60) % 60,
      second: seconds % 60,
      hasTime,
      offsetMinutes: null,
      calendar: 'gregory',
    },
  };
}

function resolveDateTime(raw: RawDateTime, options: DateParseOptions): Parsed<DateTimeValue> {
  if (raw.form === 'serial') return fromSerial(raw.serial, raw.hasTime);
  const isDayFirst = raw.form === 'year-last' && options.order === 'dmy';
  const month = isDayFirst ? raw.b : raw.a;
  const day = isDayFirst ? raw.a : raw.b;
  const named = raw.namedCalendar;
  if (named !== null && options.calendar !== 'auto' && named !== options.calendar) {
    return NOT_A_DATE;
  }
  let year = raw.year;
  let calendar: 'persian' | 'gregory' | null;
  if (raw.yearWidth === 2) {
    if (options.calendar === 'persian' || named === 'persian') return AMBIGUOUS_YEAR;
    year += year < 50 ? 2000 : 1900;
    calendar = 'gregory';
  } else {
    calendar = calendarOfYear(year);
    if (calendar === null || (named !== null && named !== calendar)) return NOT_A_DATE;
    if (options.calendar !== 'auto' && options.calendar !== calendar) return NOT_A_DATE;
  }
  const isPersian = calendar === 'persian';
  if (!(isPersian ? isValidJalaliDate(year, month, day) : isValidGregorianDate(year, month, day))) {
    return IMPOSSIBLE_DATE;
  }
  if (!raw.isTimeValid) return BAD_TIME;
  const date = isPersian ? jalaliToGregorian(year, month, day) : { year, month, day };
  return {
    ok: true,
    value: {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: raw.hour,
      minute: raw.minute,
      second: raw.second,
      hasTime: raw.hasTime,
      offsetMinutes: raw.offsetMinutes,
      calendar,
    },
  };
}

/**
 * A date and optional time in any of the shapes shops' exports use: year first ('1403/08/15',
 * ISO with offsets, Shopify's '2019-01-15 10:20:31 -0500'), year last (read by options.order),
 * English or Persian month names, or an Excel serial. Jalali dates come back in Gregorian.
 */
export function parseDateTimeValue(text: string, options: DateParseOptions): Parsed<DateTimeValue> {
  const s = cleanCell(text);
  if (s === '') return EMPTY;
  const raw = scanDateTime(s);
  return raw === null ? NOT_A_DATE : resolveDateTime(raw, options);
}

function orderOf(first: number, second: number): DayOrder | 'either' | null {
  if (first > 12) return second > 12 ? null : 'dmy';
  return second > 12 ? 'mdy' : 'either';
}

/** Evidence a date column's values give about how to read them, for deciding on the preview. */
export function dateShapeOf(text: string): DateShape {
  const raw = scanDateTime(cleanCell(text));
  if (raw === null) return { calendar: null, order: null };
  switch (raw.form) {
    case 'serial':
      return { calendar: 'gregory', order: null };
    case 'named':
      return { calendar: raw.namedCalendar, order: null };
    case 'ymd':
      return { calendar: calendarOfYear(raw.year), order: null };
    case 'year-last':
      return {
        calendar: raw.yearWidth === 4 ? calendarOfYear(raw.year) : null,
        order: orderOf(raw.a, raw.b),
      };
  }
}

/**
 * Time of day from a separate time column ('14:30', '2:30 PM', '۱۴:۳۰:۱۵', 'ب.ظ 02:30'). Any
 * failure but a blank cell is 'bad_time': there is no separate "not a time" problem.
 */
export function parseTimeOfDay(
  text: string,
): Parsed<{ hour: number; minute: number; second: number }> {
  const s = cleanCell(text);
  if (s === '') return EMPTY;
  const clock: Clock = {
    hasTime: false,
    hour: 0,
    minute: 0,
    second: 0,
    offsetMinutes: null,
    isTimeValid: true,
  };
  const sc: Scanner = { s, i: 0, width: 0 };
  if (!scanClock(sc, clock, false) || sc.i !== s.length || !clock.isTimeValid) return BAD_TIME;
  return { ok: true, value: { hour: clock.hour, minute: clock.minute, second: clock.second } };
}

// ---------------------------------------------------------------------------------------------
// Ids

/**
 * Receipt numbers, customer codes: the key two spellings of the same id share. Digits normalised,
 * Arabic ي/ك folded to Persian ی/ک, ZWNJ/bidi marks and diacritics removed, whitespace collapsed
 * and trimmed, lower-cased. Returns '' for blank.
 */
export function idKey(text: string): string {
  // Printable ASCII needs only trim, lower case and single spaces, which is what
  // normaliseForSearch does to it; most ids need none of that and come back as they are.
  let needsWork = false;
  const last = text.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const c = text.charCodeAt(i);
    if (c < SPACE || c > 0x7e) return normaliseForSearch(text);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c === SPACE && (i === 0 || i === last || text.charCodeAt(i + 1) === SPACE))
    ) {
      needsWork = true;
    }
  }
  return needsWork ? text.trim().toLowerCase().replace(/ {2,}/g, ' ') : text;
}
