import { describe, expect, it } from 'vitest';
import { createTranslator } from './translate.ts';

describe('createTranslator', () => {
  it('picks the English plural form by count and formats the number', () => {
    const t = createTranslator('en');
    expect(t('customers.count', { count: 1 })).toBe('1 customer');
    expect(t('customers.count', { count: 2000 })).toBe('2,000 customers');
  });

  it('writes counts in Persian digits', () => {
    const t = createTranslator('fa');
    expect(t('customers.count', { count: 2000 })).toBe('۲٬۰۰۰ مشتری');
  });

  it('fills text placeholders as given', () => {
    expect(createTranslator('fa')('customers.noMatchTitle', { query: 'رضا' })).toBe(
      'مشتری‌ای با «رضا» پیدا نشد',
    );
  });
});
