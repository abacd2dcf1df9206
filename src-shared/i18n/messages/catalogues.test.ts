import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract/errors.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import type { Message } from './types.ts';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))]
    .filter((name): name is string => name !== undefined)
    .sort();
};

describe('message catalogues', () => {
  it('give Persian the same keys as English', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s uses the same placeholders in fa', (key) => {
    expect(placeholders(fa[key])).toEqual(placeholders(en[key]));
  });

  it('translate every error code the core can send', () => {
    for (const code of ERROR_CODES) expect(en).toHaveProperty(`error.${code}`);
  });

  it('leave no Latin digits in Persian text outside codes and examples', () => {
    // Codes (ISO 4217, time-zone names, shortcuts) may be Latin; numbers shown to a reader not.
    const allowed = /ISO 4217/;
    for (const [key, message] of Object.entries(fa)) {
      const text = typeof message === 'string' ? message : message.other;
      if (!allowed.test(text)) expect(text, key).not.toMatch(/[0-9]/);
    }
  });
});
