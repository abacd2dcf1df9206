/**
 * Message lookup for every side: the UI, the desktop shell's notifications and the CLI.
 */
import type { Locale } from './locale.ts';
import { formatNumber } from './locale.ts';
import { catalogues } from './messages/index.ts';
import type { MessageKey } from './messages/index.ts';

export type TParams = Readonly<Record<string, string | number>>;
/** Translates a message key; `{name}` placeholders are filled from params, numbers in locale digits. */
export type T = (key: MessageKey, params?: TParams) => string;

const PLACEHOLDER_RE = /\{(\w+)\}/g;

export function createTranslator(locale: Locale): T {
  const catalogue = catalogues[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, params) => {
    const message = catalogue[key];
    let template: string;
    if (typeof message === 'string') {
      template = message;
    } else {
      const count = Number(params?.['count'] ?? 0);
      template = plural.select(count) === 'one' ? message.one : message.other;
    }
    if (!params) return template;
    return template.replace(PLACEHOLDER_RE, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? formatNumber(value, locale) : value;
    });
  };
}
