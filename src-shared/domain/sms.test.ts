import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSms, isGsm7 } from './sms.ts';

const latin = (n: number) => 'a'.repeat(n);
const persian = (n: number) => 'س'.repeat(n);

describe('countSms', () => {
  it('counts nothing for an empty message', () => {
    expect(countSms('')).toEqual({
      encoding: 'gsm7',
      units: 0,
      parts: 0,
      perPart: 160,
      remaining: 160,
    });
  });

  it.each([
    // GSM-7: 160 in one SMS, then 153 per part.
    [latin(160), 'gsm7', 1],
    [latin(161), 'gsm7', 2],
    [latin(306), 'gsm7', 2],
    [latin(307), 'gsm7', 3],
    // UCS-2: 70 in one SMS, then 67 per part (2 × 67 = 134).
    [persian(70), 'ucs2', 1],
    [persian(71), 'ucs2', 2],
    [persian(134), 'ucs2', 2],
    [persian(135), 'ucs2', 3],
  ])('%#: %s chars → %s, %i part(s)', (text, encoding, parts) => {
    expect(countSms(text)).toMatchObject({ encoding, parts, units: text.length });
  });

  it('switches the whole message to UCS-2 for one Persian letter or digit', () => {
    expect(countSms(`${latin(69)}ب`)).toMatchObject({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(countSms(`${latin(70)}ب`)).toMatchObject({ encoding: 'ucs2', units: 71, parts: 2 });
    expect(countSms('Code ۱۲۳۴')).toMatchObject({ encoding: 'ucs2', units: 9 });
    expect(countSms('Code 1234')).toMatchObject({ encoding: 'gsm7', units: 9 });
  });

  it('counts an extension-table character as two septets', () => {
    expect(countSms('€')).toMatchObject({ encoding: 'gsm7', units: 2, remaining: 158 });
    expect(countSms(`${latin(158)}[`)).toMatchObject({ units: 160, parts: 1 });
    expect(countSms(`${latin(159)}[`)).toMatchObject({ units: 161, parts: 2 });
    expect(isGsm7('{}[]~^|\\€')).toBe(true);
  });

  it('never splits an extension character across parts', () => {
    // 152 septets, then € (2) does not fit in the first part's 153: it opens the second.
    const text = `${latin(152)}€${latin(10)}`;
    expect(countSms(text)).toMatchObject({ units: 164, parts: 2, remaining: 153 - 12 });
  });

  it('counts an emoji as two UTF-16 units and keeps its pair in one part', () => {
    expect(countSms('😀')).toMatchObject({ encoding: 'ucs2', units: 2, parts: 1 });
    expect(countSms(`${persian(68)}😀`)).toMatchObject({ units: 70, parts: 1 });
    expect(countSms(`${persian(69)}😀`)).toMatchObject({ units: 71, parts: 2 });
    // 66 + 😀 does not fit in 67: the pair moves to the second part.
    expect(countSms(`${persian(66)}😀${persian(3)}`)).toMatchObject({
      units: 71,
      parts: 2,
      remaining: 67 - 5,
    });
  });

  it('reports the room left in the last part', () => {
    expect(countSms(persian(71))).toMatchObject({ perPart: 67, remaining: 67 * 2 - 71 });
    expect(countSms('Hi')).toMatchObject({ perPart: 160, remaining: 158 });
  });

  it('is ceil(units / 67) for plain Persian text longer than one SMS', () => {
    fc.assert(
      fc.property(fc.integer({ min: 71, max: 2000 }), (n) => {
        expect(countSms(persian(n)).parts).toBe(Math.ceil(n / 67));
      }),
    );
  });

  it('never needs fewer parts when a character is added', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 3 }), (text, more) => {
        expect(countSms(text + more).parts).toBeGreaterThanOrEqual(countSms(text).parts);
      }),
    );
  });
});
