/**
 * Message templates (DESIGN.md §6): the placeholder syntax, the first-name rule, and rendering a
 * template for one recipient with numbers in the locale's digits. Pure, so the editor's live
 * preview, the core's preview channel and the senders all fill a template the same way.
 *
 * Syntax: a placeholder is its name in braces, `{firstName}`; spaces inside the braces are
 * ignored (`{ firstName }`). Each placeholder also has a Persian name (`{نام}`, `{نام_کامل}`, …,
 * PLACEHOLDER_ALIASES) so a Persian template reads as Persian. `{{` and `}}` stand for a literal
 * brace. A lone `{` or `}` with no name after it is kept as written; a name in braces that is not
 * a placeholder (`{frstName}`) is an error, so a typo is caught in the editor rather than sent.
 */
import { formatMoney, formatNumber } from '../i18n/locale.ts';
import type { Locale, MoneySettings } from '../i18n/locale.ts';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** The playbook's moments that have default templates (DESIGN.md §4, issue 6). */
export const TEMPLATE_MOMENTS = [
  'post_purchase_thanks',
  'survey_ask',
  'second_purchase_offer',
  'win_back',
  'birthday',
  'tier_reached',
] as const;
export type TemplateMoment = (typeof TEMPLATE_MOMENTS)[number];

/** Longest subject and body a template may have (an SMS panel caps far lower; the editor warns). */
export const TEMPLATE_LIMITS = { nameMax: 120, subjectMax: 300, bodyMax: 20_000 } as const;

export const PLACEHOLDERS = [
  'firstName',
  'fullName',
  'lastProduct',
  'daysSinceLastPurchase',
  'tier',
  'pointsBalance',
  'pointsToNextTier',
  'shopName',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The Persian name of every placeholder, accepted in templates alongside the English one. */
export const PLACEHOLDER_ALIASES: Readonly<Record<Placeholder, string>> = {
  firstName: 'نام',
  fullName: 'نام_کامل',
  lastProduct: 'آخرین_محصول',
  daysSinceLastPurchase: 'روز_از_آخرین_خرید',
  tier: 'سطح',
  pointsBalance: 'امتیاز',
  pointsToNextTier: 'تا_سطح_بعد',
  shopName: 'نام_فروشگاه',
};

const BY_NAME: ReadonlyMap<string, Placeholder> = new Map([
  ...PLACEHOLDERS.map((name) => [name, name] as const),
  ...PLACEHOLDERS.map((name) => [PLACEHOLDER_ALIASES[name], name] as const),
  // A space typed instead of the underscore (or a ZWNJ) is the same Persian name.
  ...PLACEHOLDERS.map((name) => [PLACEHOLDER_ALIASES[name].replace(/_/g, ' '), name] as const),
]);

/**
 * What is known about a recipient; null where it is not (no name, no purchase yet, no tier).
 * `firstName`, when absent, is derived from fullName (firstNameOf).
 */
export type RecipientValues = {
  fullName: string | null;
  firstName?: string | null;
  lastProduct: string | null;
  daysSinceLastPurchase: number | null;
  tier: string | null;
  pointsBalance: number | null;
  /**
   * Tiers are reached by net spend in the window (DESIGN.md §2), so what is "to the next tier" is
   * the spend still missing, in integer minor units, shown as money when RenderOptions.money is
   * given. Null at the top tier or without loyalty.
   */
  pointsToNextTier: number | null;
  shopName: string | null;
};

export type RenderOptions = { locale: Locale; money?: MoneySettings };

export type TemplateError = {
  reason: 'unknown_placeholder';
  /** The text between the braces, as written. */
  name: string;
  /** UTF-16 offset of the opening brace. */
  offset: number;
};

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: Placeholder; offset: number };

export type ParsedTemplate = { parts: TemplatePart[]; errors: TemplateError[] };

const TOKEN_RE = /\{\{|\}\}|\{([^{}\n]+)\}/g;

const canonicalName = (raw: string): Placeholder | undefined =>
  BY_NAME.get(
    raw
      .trim()
      .replace(/\u200c/g, ' ')
      .replace(/\s+/g, ' '),
  );

/** Splits a template into text and placeholders; unknown names are errors (kept as text). */
export const parseTemplate = (template: string): ParsedTemplate => {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN_RE)) {
    const offset = match.index;
    text += template.slice(last, offset);
    last = offset + match[0].length;
    const raw = match[1];
    if (raw === undefined) {
      text += match[0][0];
      continue;
    }
    const name = canonicalName(raw);
    if (!name) {
      errors.push({ reason: 'unknown_placeholder', name: raw, offset });
      text += match[0];
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'placeholder', name, offset });
  }
  text += template.slice(last);
  if (text) parts.push({ kind: 'text', text });
  return { parts, errors };
};

/** The placeholders a template uses, each once, in order of first use. */
export const placeholdersOf = (template: string): Placeholder[] => [
  ...new Set(
    parseTemplate(template).parts.flatMap((part) =>
      part.kind === 'placeholder' ? [part.name] : [],
    ),
  ),
];

// Titles written before a name, in lower case and without dots: skipped for the first name.
const TITLES = new Set([
  'آقا',
  'آقای',
  'خانم',
  'سرکار',
  'جناب',
  'دکتر',
  'مهندس',
  'استاد',
  'حاج',
  'حاجی',
  'حاجیه',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
]);

const isTitle = (word: string): boolean =>
  TITLES.has(
    word
      .toLowerCase()
      .replace(/\./g, '')
      .replace(/\u200c/g, ''),
  );

/**
 * The first name in a full name, Persian or English: titles (آقای، خانم، دکتر، Mr, Dr, …) are
 * skipped and the first remaining word is the first name; "Rezaei, Maryam" (family name, comma,
 * given name) gives the part after the comma. A ZWNJ joins a word (عبدالله, امیر‌حسین stay whole),
 * but a compound name written with a space (محمد علی) gives its first word: whether the space
 * splits a given name from a family name cannot be told from the text. Null when nothing is
 * left, or when the name has no letters (a phone number typed as a name).
 */
export const firstNameOf = (fullName: string | null | undefined): string | null => {
  if (!fullName) return null;
  const comma = fullName.split(/[,،]/);
  const given = comma.length === 2 && comma[1]?.trim() ? comma[1] : fullName;
  const words = given.trim().split(/\s+/).filter(Boolean);
  const word = words.find((candidate) => !isTitle(candidate));
  if (!word || !/\p{L}/u.test(word)) return null;
  return word;
};

const formatted = (
  name: Placeholder,
  values: RecipientValues,
  options: RenderOptions,
): string | null => {
  const text = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : null;
  };
  const number = (value: number | null) =>
    value === null || !Number.isFinite(value) ? null : formatNumber(value, options.locale);
  switch (name) {
    case 'firstName':
      return text(values.firstName === undefined ? firstNameOf(values.fullName) : values.firstName);
    case 'fullName':
      return text(values.fullName);
    case 'lastProduct':
      return text(values.lastProduct);
    case 'daysSinceLastPurchase':
      return number(values.daysSinceLastPurchase);
    case 'tier':
      return text(values.tier);
    case 'pointsBalance':
      return number(values.pointsBalance);
    case 'pointsToNextTier': {
      const missing = values.pointsToNextTier;
      if (missing === null || !Number.isFinite(missing)) return null;
      return options.money
        ? formatMoney(missing, options.money, options.locale)
        : formatNumber(missing, options.locale);
    }
    case 'shopName':
      return text(values.shopName);
  }
};

export type RenderResult = {
  text: string;
  /** Placeholders used that this recipient cannot fill (rendered as nothing): warn before sending. */
  missing: Placeholder[];
  /** Names in braces that are not placeholders: the template must be fixed before it is used. */
  errors: TemplateError[];
};

/**
 * Fills a template for one recipient. A placeholder the recipient cannot fill becomes nothing,
 * and one of the spaces around it goes too ("Hi {firstName}," → "Hi,"), and is listed in
 * `missing` so the UI can warn or skip the recipient.
 */
export const renderTemplate = (
  template: string,
  values: RecipientValues,
  options: RenderOptions,
): RenderResult => {
  const { parts, errors } = parseTemplate(template);
  const missing = new Set<Placeholder>();
  let text = '';
  // A space taken off before an empty placeholder: put back unless a space, punctuation or the
  // end follows, so "{firstName} {fullName}" with one of them missing keeps one space.
  let isSpaceDropped = false;
  for (const part of parts) {
    if (part.kind === 'text') {
      if (isSpaceDropped && !/^([ \t\n,.!?،؛:؟)]|$)/.test(part.text)) text += ' ';
      isSpaceDropped = false;
      text += part.text;
      continue;
    }
    const value = formatted(part.name, values, options);
    if (value !== null) {
      if (isSpaceDropped) text += ' ';
      isSpaceDropped = false;
      text += value;
      continue;
    }
    missing.add(part.name);
    if (/[ \t]$/.test(text)) {
      text = text.slice(0, -1);
      isSpaceDropped = true;
    }
  }
  return { text, missing: [...missing], errors };
};

/** The placeholders of a template that this recipient cannot fill. */
export const missingPlaceholders = (
  template: string,
  values: RecipientValues,
  options: RenderOptions,
): Placeholder[] => renderTemplate(template, values, options).missing;
