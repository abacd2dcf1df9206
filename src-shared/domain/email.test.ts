import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

describe('normaliseEmail', () => {
  it.each([
    ['ali@example.com', 'ali@example.com'],
    ['  Ali.Karimi@Example.COM ', 'ali.karimi@example.com'],
    ['first.last+tag@mail.example.co.uk', 'first.last+tag@mail.example.co.uk'],
    ['o_neil-99@sub-domain.example.ir', 'o_neil-99@sub-domain.example.ir'],
    ["o'brien@example.com", "o'brien@example.com"],
    ['x@a.io', 'x@a.io'],
    ['user@xn--mgba3a4f16a.ir', 'user@xn--mgba3a4f16a.ir'],
    ['user@example.xn--mgba3a4f16a', 'user@example.xn--mgba3a4f16a'],
    ['user@ایران.ایران', 'user@ایران.ایران'],
    ['ali۱۲@gmail.com', 'ali12@gmail.com'],
    ['\u200fali@example.com\u200e', 'ali@example.com'],
    ['123@456.com', '123@456.com'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'ali',
    'ali@',
    '@example.com',
    'ali@example',
    'ali@@example.com',
    'ali@bob@example.com',
    'ali karimi@example.com',
    'ali@exa mple.com',
    'ali@example..com',
    'ali@.example.com',
    'ali@example.com.',
    'ali@-example.com',
    'ali@example-.com',
    'ali@exam_ple.com',
    'ali@example.c',
    'ali@example.123',
    '.ali@example.com',
    'ali.@example.com',
    'al..i@example.com',
    '"ali"@example.com',
    'ali(comment)@example.com',
    'ali@[127.0.0.1]',
    'mailto:ali@example.com',
    `${'a'.repeat(65)}@example.com`,
    `ali@${'a'.repeat(64)}.com`,
    `ali@${'abcdefghi.'.repeat(25)}com`,
    '09121234567',
  ])('%j → null', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('is idempotent and its output is trimmed lowercase with one @', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string()), (raw) => {
        const email = normaliseEmail(raw);
        if (email === null) return;
        expect(normaliseEmail(email)).toBe(email);
        expect(email).toBe(email.trim().toLowerCase());
        expect(email.split('@')).toHaveLength(2);
      }),
    );
  });

  it('accepts the addresses fast-check generates, except those with single-letter TLDs', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        const tld = raw.split('.').pop() ?? '';
        fc.pre(tld.length >= 2 && !/\.\./.test(raw) && raw.length <= 254);
        expect(normaliseEmail(raw)).toBe(raw.toLowerCase());
      }),
    );
  });
});
