import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDERS,
  PLACEHOLDER_ALIASES,
  firstNameOf,
  parseTemplate,
  placeholdersOf,
  renderTemplate,
} from './message-template.ts';
import type { RecipientValues } from './message-template.ts';

const maryam: RecipientValues = {
  fullName: 'مریم رضایی',
  lastProduct: 'شال آبی',
  daysSinceLastPurchase: 45,
  tier: 'طلایی',
  pointsBalance: 1250,
  pointsToNextTier: 2_000_000,
  shopName: 'گالری نور',
};

const nobody: RecipientValues = {
  fullName: null,
  lastProduct: null,
  daysSinceLastPurchase: null,
  tier: null,
  pointsBalance: null,
  pointsToNextTier: null,
  shopName: null,
};

const irr = { currency: 'IRR', displayUnit: 'toman' } as const;

describe('firstNameOf', () => {
  it.each([
    ['مریم رضایی', 'مریم'],
    ['  آقای   علی   محمدی ', 'علی'],
    ['سرکار خانم زهرا کریمی', 'زهرا'],
    ['دکتر امیر‌حسین نوری', 'امیر‌حسین'],
    ['عبدالله رستمی', 'عبدالله'],
    ['محمد علی احمدی', 'محمد'],
    ['Maryam Rezaei', 'Maryam'],
    ['Mr. John Smith', 'John'],
    ['Dr Jane Doe', 'Jane'],
    ['Rezaei, Maryam', 'Maryam'],
    ['رضایی، مریم', 'مریم'],
    ['Sara', 'Sara'],
    ['', null],
    ['خانم', null],
    ['09121234567', null],
  ])('%s → %s', (full, first) => {
    expect(firstNameOf(full)).toBe(first);
  });

  it('is always one word of the name, or null', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const first = firstNameOf(name);
        if (first !== null) {
          expect(first).not.toMatch(/\s/);
          expect(name).toContain(first);
        }
      }),
    );
  });
});

describe('parseTemplate', () => {
  it('reads English and Persian names, spaces inside braces, and escaped braces', () => {
    expect(placeholdersOf('{firstName} {نام} { tier } {نام کامل} {{x}}')).toEqual([
      'firstName',
      'tier',
      'fullName',
    ]);
    expect(parseTemplate('{{firstName}}').parts).toEqual([{ kind: 'text', text: '{firstName}' }]);
  });

  it('reports unknown placeholders with their offset and keeps them as text', () => {
    const parsed = parseTemplate('Hi {frstName}, {tier}');
    expect(parsed.errors).toEqual([{ reason: 'unknown_placeholder', name: 'frstName', offset: 3 }]);
    expect(renderTemplate('Hi {frstName}', maryam, { locale: 'en' }).text).toBe('Hi {frstName}');
  });

  it('keeps lone braces as written', () => {
    expect(parseTemplate('a { b } c }').errors).toHaveLength(1);
    expect(parseTemplate('a { and } b').errors).toEqual([
      { reason: 'unknown_placeholder', name: ' and ', offset: 2 },
    ]);
    expect(renderTemplate('{ ', nobody, { locale: 'en' })).toEqual({
      text: '{ ',
      missing: [],
      errors: [],
    });
  });

  it('accepts every Persian alias', () => {
    for (const name of PLACEHOLDERS) {
      expect(placeholdersOf(`{${PLACEHOLDER_ALIASES[name]}}`)).toEqual([name]);
    }
  });
});

describe('renderTemplate', () => {
  it('fills a Persian template with Persian digits and money', () => {
    const result = renderTemplate(
      '{نام} عزیز، {روز_از_آخرین_خرید} روز از خرید {آخرین_محصول} گذشته. ' +
        'امتیاز شما {امتیاز} است و {تا_سطح_بعد} تا سطح بعد مانده. {نام_فروشگاه}',
      maryam,
      { locale: 'fa', money: irr },
    );
    expect(result.errors).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.text).toBe(
      'مریم عزیز، ۴۵ روز از خرید شال آبی گذشته. امتیاز شما ۱٬۲۵۰ است و ۲۰۰٬۰۰۰ تومان تا سطح بعد مانده. گالری نور',
    );
  });

  it('uses Latin digits in English and plain numbers without money settings', () => {
    const result = renderTemplate('{pointsBalance} / {pointsToNextTier}', maryam, {
      locale: 'en',
    });
    expect(result.text).toBe('1,250 / 2,000,000');
  });

  it('lists what a recipient cannot fill and drops the space before it', () => {
    const result = renderTemplate('Hi {firstName}, your tier: {tier}!', nobody, { locale: 'en' });
    expect(result.missing).toEqual(['firstName', 'tier']);
    expect(result.text).toBe('Hi, your tier:!');
    expect(
      renderTemplate(
        '{firstName} {fullName}',
        { ...nobody, fullName: 'Ali' },
        {
          locale: 'en',
        },
      ).text,
    ).toBe('Ali Ali');
    expect(
      renderTemplate(
        '{tier} {fullName}',
        { ...nobody, fullName: 'Ali' },
        {
          locale: 'en',
        },
      ),
    ).toMatchObject({ text: ' Ali', missing: ['tier'] });
    expect(
      renderTemplate(
        'Dear {tier} {fullName}',
        { ...nobody, fullName: 'Ali' },
        {
          locale: 'en',
        },
      ).text,
    ).toBe('Dear Ali');
  });

  it('treats zero days since the last purchase as known', () => {
    const result = renderTemplate(
      '{daysSinceLastPurchase}',
      { ...nobody, daysSinceLastPurchase: 0 },
      {
        locale: 'fa',
      },
    );
    expect(result).toEqual({ text: '۰', missing: [], errors: [] });
  });

  it('prefers an explicit first name to the derived one', () => {
    const values = { ...maryam, firstName: 'Mimi' };
    expect(renderTemplate('{firstName}', values, { locale: 'en' }).text).toBe('Mimi');
  });

  it('leaves a template without placeholders unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[{}]/.test(s)),
        (text) => {
          expect(renderTemplate(text, maryam, { locale: 'fa' })).toEqual({
            text,
            missing: [],
            errors: [],
          });
        },
      ),
    );
  });

  it('fills every placeholder for a full recipient and none for an empty one', () => {
    const all = PLACEHOLDERS.map((name) => `{${name}}`).join('|');
    expect(renderTemplate(all, maryam, { locale: 'fa' }).missing).toEqual([]);
    expect(renderTemplate(all, nobody, { locale: 'fa' }).missing).toEqual([...PLACEHOLDERS]);
  });
});
