import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from './persian-text.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  formatPhone,
  IRANIAN_PREFIX_DIGITS,
  isValidIranianNsn,
  normalisePhone,
  phoneQueryDigits,
  phoneSearchVariants,
} from './phone.ts';

describe('normalisePhone', () => {
  const MOBILE = { e164: '+989121234567', national: '09121234567' };

  it.each([
    '09121234567',
    '0912 123 4567',
    '0912-123-4567',
    '0912.123.4567',
    '(0912) 123 4567',
    '+989121234567',
    '+98 912 123 4567',
    '+98 (912) 123-45-67',
    '+98 0912 123 4567',
    '00989121234567',
    '0098 912 123 4567',
    '989121234567',
    '98 912 123 4567',
    '9121234567',
    '912 123 4567',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '۰۹۱۲ ۱۲۳ ۴۵۶۷',
    '+۹۸۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢١٢٣٤٥٦٧',
    '۰۹۱۲-١٢٣-4567',
    '  09121234567  ',
    '\u200e09121234567\u200f',
    '0912\u00a0123\u00a04567',
  ])('%j is the same Iranian mobile', (raw) => {
    expect(normalisePhone(raw)).toEqual(MOBILE);
  });

  it.each([
    ['021 8888 1234', '+982188881234', '02188881234'],
    ['۰۲۱-۸۸۸۸۱۲۳۴', '+982188881234', '02188881234'],
    ['+98 21 8888 1234', '+982188881234', '02188881234'],
    ['0311 123 4567', '+983111234567', '03111234567'],
    ['+44 20 7946 0958', '+442079460958', '02079460958'],
    ['0044 20 7946 0958', '+442079460958', '02079460958'],
    ['+1 415 555 2671', '+14155552671', '4155552671'],
    ['+1 (415) 555-2671', '+14155552671', '4155552671'],
  ])('%j → %s', (raw, e164, national) => {
    expect(normalisePhone(raw)).toEqual({ e164, national });
  });

  it.each([
    '',
    '12',
    'abc',
    '0912123',
    '091212345678',
    '0912 123 4567 ext 5',
    '0912abc4567',
    '+98',
    '+0 912 123 4567',
    '09121234567 09121234567',
    '1234567890123456',
    '0000000000',
  ])('%j → null', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('uses another default country for national numbers', () => {
    expect(normalisePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
    expect(normalisePhone('(415) 555-2671', 'US')?.e164).toBe('+14155552671');
    // The Iranian shortcuts belong to Iran only: here it is a UK national number.
    expect(normalisePhone('9121234567', 'GB')?.e164).toBe('+449121234567');
  });

  it('accepts only international numbers with an unknown default country', () => {
    expect(normalisePhone('+989121234567', 'XX')?.e164).toBe('+989121234567');
    expect(normalisePhone('09121234567', 'XX')).toBeNull();
  });
});

describe('phoneSearchVariants', () => {
  it.each([
    ['+989121234567', ['989121234567', '00989121234567', '09121234567', '9121234567']],
    ['+982188881234', ['982188881234', '00982188881234', '02188881234', '2188881234']],
    ['+442079460958', ['442079460958', '00442079460958', '02079460958', '2079460958']],
    // National format and national number coincide in the US: listed once.
    ['+14155552671', ['14155552671', '0014155552671', '4155552671']],
  ])('%s', (e164, expected) => {
    expect(phoneSearchVariants(e164)).toEqual(expected);
  });

  it('gives every Iranian number the national form libphonenumber formats for it', () => {
    // The +98 shortcut must agree with the library for every valid mobile prefix and landlines.
    const national = (e164: string) =>
      parsePhoneNumberFromString(e164)?.formatNational().replace(/\D/g, '');
    for (let prefix = 900; prefix <= 999; prefix += 1) {
      for (const raw of [`0${prefix}1234567`, `0${prefix}9876543`]) {
        const phone = normalisePhone(raw);
        if (!phone) continue;
        const variants = phoneSearchVariants(phone.e164);
        expect(variants).toContain(national(phone.e164));
        expect(variants).toContain(phone.national);
      }
    }
    for (const raw of ['02188776655', '07112345678', '03131234567']) {
      const phone = normalisePhone(raw);
      expect(phone && phoneSearchVariants(phone.e164)).toContain(phone?.national);
    }
  });
});

describe('phoneQueryDigits', () => {
  it.each([
    ['۰۹۱۲ ۱۲۳', '0912123'],
    ['+98 912', '98912'],
    ['0098912', '98912'],
    ['0912-123', '0912123'],
    ['(021) 88', '02188'],
    ['912', '912'],
    ['٠٩١٢', '0912'],
    ['0912.123.4567', '09121234567'],
    ['12', null],
    ['+98', null],
    ['00 9', null],
    ['', null],
    ['علی', null],
    ['ali 0912', null],
    ['0912 123 x', null],
  ])('%j → %j', (query, expected) => {
    expect(phoneQueryDigits(query)).toBe(expected);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+989121234567', 'en', '0912 123 4567'],
    ['+989121234567', 'fa', '۰۹۱۲ ۱۲۳ ۴۵۶۷'],
    ['+982188881234', 'en', '021 8888 1234'],
    ['+442079460958', 'en', '+44 20 7946 0958'],
    ['+442079460958', 'fa', '+۴۴ ۲۰ ۷۹۴۶ ۰۹۵۸'],
    ['+14155552671', 'en', '+1 415 555 2671'],
  ] as const)('%s in %s → %s', (e164, locale, expected) => {
    expect(formatPhone(e164, locale)).toBe(expected);
  });

  it('shows an unparsable value as it is rather than losing it', () => {
    expect(formatPhone('garbage', 'en')).toBe('garbage');
  });
});

describe('Iranian mobiles, property-based', () => {
  // Operator prefixes for which libphonenumber's metadata accepts every 7-digit subscriber
  // number (checked exhaustively by sampling: 0995 and 0997–0999 are only partly allocated).
  const PREFIXES = [
    ...['0901', '0902', '0903', '0904', '0905'],
    ...['0910', '0911', '0912', '0913', '0914', '0915', '0916', '0917', '0918', '0919'],
    ...['0920', '0921', '0922'],
    ...['0930', '0931', '0932', '0933', '0934', '0935', '0936', '0937', '0938', '0939'],
    ...['0990', '0991', '0992', '0993', '0994', '0996'],
  ];
  const mobile = fc
    .tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^\d{7}$/))
    .map(([prefix, rest]) => `${prefix}${rest}`);

  // A typed form of the mobile: one of the accepted prefixes, optionally Persian digits, and
  // random separators between digits.
  const typed = (national: string) =>
    fc
      .record({
        form: fc.constantFrom('0', '+98', '0098', '98', 'bare'),
        persian: fc.boolean(),
        separators: fc.array(fc.constantFrom('', '', '', ' ', '-', '.', ' - '), {
          minLength: 16,
          maxLength: 16,
        }),
      })
      .map(({ form, persian, separators }) => {
        const nsn = national.slice(1);
        const base = form === '0' ? national : form === 'bare' ? nsn : `${form}${nsn}`;
        const head = base.startsWith('+') ? '+' : '';
        const digits = base.slice(head.length);
        const spaced = [...digits].map((d, i) => `${i > 0 ? (separators[i] ?? '') : ''}${d}`);
        const text = head + spaced.join('');
        return persian ? toPersianDigits(text) : text;
      });

  const mobileAndTyped = mobile.chain((national) =>
    fc.tuple(fc.constant(national), fc.array(typed(national), { minLength: 1, maxLength: 5 })),
  );

  it('every typed form of a valid mobile normalises to the same E.164', () => {
    fc.assert(
      fc.property(mobileAndTyped, ([national, forms]) => {
        const expected = { e164: `+98${national.slice(1)}`, national };
        for (const form of forms) expect(normalisePhone(form)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('any phone-like fragment of a typed form is found in the search variants', () => {
    const withFragment = mobileAndTyped.chain(([national, forms]) => {
      const form = forms[0] ?? national;
      return fc
        .tuple(fc.nat({ max: form.length - 3 }), fc.integer({ min: 3, max: form.length }))
        .map(([start, length]) => ({ national, form, fragment: form.slice(start, start + length) }))
        .filter(({ fragment }) => fragment.length >= 3);
    });
    fc.assert(
      fc.property(withFragment, ({ national, fragment }) => {
        const digits = phoneQueryDigits(fragment);
        fc.pre(digits !== null);
        const variants = phoneSearchVariants(`+98${national.slice(1)}`);
        expect(variants.some((v) => v.includes(digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('drops a digit → never an Iranian mobile', () => {
    fc.assert(
      fc.property(mobile, fc.nat({ max: 10 }), (national, i) => {
        const short = national.slice(0, i) + national.slice(i + 1);
        // A 10-digit string starting with 9 is a bare mobile, so only check the other shapes.
        fc.pre(!/^9\d{9}$/.test(short));
        // Dropping the 9 of "0902…" leaves "002…", a real international number (+247 is
        // Ascension Island), so the claim is only that no mobile number comes out of it.
        expect(normalisePhone(short)?.e164 ?? '').not.toMatch(/^\+989\d{9}$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('drops a digit of 0902 473 0000 → a foreign number, not the mobile', () => {
    expect(normalisePhone('0024730000')?.e164).toBe('+24730000');
    expect(normalisePhone('0902473000')?.e164 ?? null).not.toBe('+989024730000');
  });
});

describe('the Iranian prefix shortcut', () => {
  // Any 10-digit number starting with 9, weighted towards the allocated 09xx ranges.
  const nsn = fc
    .tuple(
      fc.oneof(fc.stringMatching(/^9[0-39]\d$/), fc.stringMatching(/^9\d\d$/)),
      fc.stringMatching(/^\d{7}$/),
    )
    .map(([head, tail]) => `${head}${tail}`);

  it('agrees with libphonenumber on every number, valid or not', () => {
    fc.assert(
      fc.property(nsn, (number) => {
        const parsed = parsePhoneNumberFromString(`+98${number}`);
        const expected = parsed?.isValid() ? { e164: parsed.number, national: `0${number}` } : null;
        expect(normalisePhone(`0${number}`)).toEqual(expected);
        expect(normalisePhone(`+98${number}`)).toEqual(expected);
        if (parsed?.isValid()) {
          expect(parsed.formatNational().replace(/\D/g, '')).toBe(`0${number}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('holds for every number sharing a prefix: the metadata decides by the first six digits', () => {
    // Two numbers with the same six-digit prefix and different endings, the first asked first.
    const tail = fc.stringMatching(new RegExp(`^\\d{${10 - IRANIAN_PREFIX_DIGITS}}$`));
    const prefix = fc.oneof(
      fc.stringMatching(new RegExp(`^9[0-49]\\d{${IRANIAN_PREFIX_DIGITS - 2}}$`)),
      fc.stringMatching(new RegExp(`^9\\d{${IRANIAN_PREFIX_DIGITS - 1}}$`)),
    );
    const pair = fc.tuple(prefix, tail, tail);
    fc.assert(
      fc.property(pair, ([prefix, a, b]) => {
        const first = parsePhoneNumberFromString(`+98${prefix}${a}`)?.isValid() ?? false;
        const second = parsePhoneNumberFromString(`+98${prefix}${b}`)?.isValid() ?? false;
        expect(second).toBe(first);
        expect(isValidIranianNsn(`${prefix}${b}`)).toBe(second);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells the 94… fixed lines apart by their sixth digit', () => {
    // 94 000 0… and 94 000 9… are fixed lines; 94 000 1… is not a number at all.
    expect(normalisePhone('09400001234')).toEqual({
      e164: '+989400001234',
      national: '09400001234',
    });
    expect(normalisePhone('09400011234')).toBeNull();
    expect(normalisePhone('09400091234')).toEqual({
      e164: '+989400091234',
      national: '09400091234',
    });
  });
});
