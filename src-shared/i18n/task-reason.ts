/**
 * A task's reason in words: the message key and parameters the playbook stored, in either
 * language. Amounts are formatted as money, `date` as a day in the shop's calendar, other numbers
 * in the locale's digits; the purchase (product, more items, amount) reads as one phrase.
 */
import type { TaskReason } from '../contract/types.ts';
import { formatDate, formatMoney, formatNumber } from './locale.ts';
import type { CalendarKind, Locale, MoneySettings } from './locale.ts';
import { catalogues } from './messages/index.ts';
import type { MessageKey } from './messages/index.ts';

export type ReasonContext = MoneySettings & {
  locale: Locale;
  calendar: CalendarKind;
  timeZone: string;
};

type Params = Readonly<Record<string, string | number>>;

const PLACEHOLDER_RE = /\{(\w+)\}/g;
const MONEY_PARAMS = new Set(['amount', 'average']);
const plurals = new Map<Locale, Intl.PluralRules>();

const fill = (key: MessageKey, params: Params, ctx: ReasonContext): string => {
  const message = catalogues[ctx.locale][key];
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    let rules = plurals.get(ctx.locale);
    if (!rules) {
      rules = new Intl.PluralRules(ctx.locale);
      plurals.set(ctx.locale, rules);
    }
    template = rules.select(Number(params.count ?? 0)) === 'one' ? message.one : message.other;
  }
  return template.replace(PLACEHOLDER_RE, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (MONEY_PARAMS.has(name) && typeof value === 'number') {
      return formatMoney(value, ctx, ctx.locale);
    }
    if (name === 'date' && typeof value === 'string') return formatDate(value, ctx, 'long');
    return typeof value === 'number' ? formatNumber(value, ctx.locale) : value;
  });
};

/** "Blue scarf, 850,000 Toman", "Blue scarf and 2 more items, …", or just the amount. */
const purchasePhrase = (params: Params, ctx: ReasonContext): string | undefined => {
  const { product, others, amount } = params;
  if (typeof product === 'string' && product !== '') {
    const more = typeof others === 'number' ? others : 0;
    return more > 0
      ? fill('task.purchase.more', { product, count: more, amount: amount ?? '' }, ctx)
      : fill('task.purchase.one', { product, amount: amount ?? '' }, ctx);
  }
  return typeof amount === 'number' ? fill('task.purchase.amount', { amount }, ctx) : undefined;
};

export const renderTaskReason = (reason: TaskReason, ctx: ReasonContext): string => {
  const purchase = purchasePhrase(reason.params, ctx);
  const params = purchase === undefined ? reason.params : { ...reason.params, purchase };
  return fill(reason.key, params, ctx);
};
