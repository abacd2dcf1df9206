import type { InputOf, MessageTemplate } from '../../../src-shared/contract/index.ts';
import {
  MESSAGE_CHANNELS,
  PLACEHOLDER_ALIASES,
} from '../../../src-shared/domain/message-template.ts';
import type {
  MessageChannel,
  Placeholder,
  TemplateMoment,
} from '../../../src-shared/domain/message-template.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { isApiError } from '../../api/client.ts';

/**
 * The template editor's form (DESIGN.md §6) as plain data: what is typed, how it is compared
 * with what was saved, checked, and sent to the core. The subject is kept while an email is
 * switched to SMS and back, so a slip of the channel does not lose it; only an email sends it.
 */
export type TemplateDraft = {
  /** Null for a template not saved yet. */
  id: string | null;
  name: string;
  channel: MessageChannel;
  locale: Locale;
  subject: string;
  body: string;
  moment: TemplateMoment | null;
};

export const LOCALES: readonly Locale[] = ['fa', 'en'];

export const draftOf = (template: MessageTemplate): TemplateDraft => ({
  id: template.id,
  name: template.name,
  channel: template.channel,
  locale: template.locale,
  subject: template.subject ?? '',
  body: template.body,
  moment: template.moment,
});

/** A new, empty template; its language is the app's, its channel email. */
export const newDraft = (locale: Locale, name: string): TemplateDraft => ({
  id: null,
  name,
  channel: 'email',
  locale,
  subject: '',
  body: '',
  moment: null,
});

/** The subject a channel carries: an SMS has none. */
const subjectOf = (draft: TemplateDraft): string | null =>
  draft.channel === 'email' ? draft.subject : null;

/** Whether two drafts would save the same template (an SMS's kept subject does not count). */
export const isSameDraft = (a: TemplateDraft, b: TemplateDraft): boolean =>
  a.id === b.id &&
  a.name === b.name &&
  a.channel === b.channel &&
  a.locale === b.locale &&
  subjectOf(a) === subjectOf(b) &&
  a.body === b.body;

/** The text the preview fills: the draft as it is, saved or not. */
export const previewDraftOf = (draft: TemplateDraft) => ({
  channel: draft.channel,
  locale: draft.locale,
  subject: subjectOf(draft),
  body: draft.body,
});

export const saveInputOf = (draft: TemplateDraft): InputOf<'templates:save'> => ({
  ...(draft.id === null ? {} : { id: draft.id }),
  name: draft.name.trim(),
  channel: draft.channel,
  locale: draft.locale,
  subject: draft.channel === 'email' ? draft.subject.trim() : null,
  body: draft.body,
});

export type DraftField = 'name' | 'subject' | 'body';

/** Why a field was refused; `placeholder` is the unknown name as written, for the message. */
export type FieldProblem =
  | { reason: 'required' | 'too_long' | 'invalid' }
  | { reason: 'unknown_placeholder'; placeholder: string };

export type DraftProblems = Partial<Record<DraftField, FieldProblem>>;

/** The fields that must not be empty: the name, the body and an email's subject. */
export const checkDraft = (draft: TemplateDraft): DraftProblems => {
  const problems: DraftProblems = {};
  if (draft.name.trim() === '') problems.name = { reason: 'required' };
  if (draft.channel === 'email' && draft.subject.trim() === '') {
    problems.subject = { reason: 'required' };
  }
  if (draft.body.trim() === '') problems.body = { reason: 'required' };
  return problems;
};

const isDraftField = (field: unknown): field is DraftField =>
  field === 'name' || field === 'subject' || field === 'body';

/**
 * The field a `bad_input` from templates:save names, and why: an unknown placeholder (the core
 * reads the braces the same way the senders will), or the schema's length and emptiness rules.
 * Null for any other failure, which the form shows as a whole.
 */
export const saveProblemOf = (
  error: unknown,
): { field: DraftField; problem: FieldProblem } | null => {
  if (!isApiError(error) || error.code !== 'bad_input') return null;
  const { field, reason, name } = error.details;
  if (!isDraftField(field)) return null;
  if (reason === 'unknown_placeholder' && typeof name === 'string') {
    return { field, problem: { reason: 'unknown_placeholder', placeholder: name } };
  }
  if (reason === 'too_small') return { field, problem: { reason: 'required' } };
  if (reason === 'too_big') return { field, problem: { reason: 'too_long' } };
  return { field, problem: { reason: 'invalid' } };
};

/** A placeholder as a template in `locale` writes it: `{نام}` in Persian, `{firstName}` in English. */
export const placeholderToken = (name: Placeholder, locale: Locale): string =>
  `{${locale === 'fa' ? PLACEHOLDER_ALIASES[name] : name}}`;

/**
 * `insert` typed over the selection [start, end) of `text`; the caret lands just after it. A space is
 * added where the insert would otherwise stick to a letter before or after it, so a placeholder
 * dropped in mid-sentence stays a word of its own.
 */
export const insertAtCursor = (
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } => {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  const lead = isWordChar(before.at(-1)) ? ' ' : '';
  const trail = isWordChar(after[0]) ? ' ' : '';
  return {
    text: `${before}${lead}${insert}${trail}${after}`,
    caret: before.length + lead.length + insert.length,
  };
};

export type TemplateGroup = {
  channel: MessageChannel;
  locale: Locale;
  templates: MessageTemplate[];
};

/**
 * The list's groups: email before SMS, and within a channel the app's language first; the
 * core's order (the playbook's moments, then names) is kept inside a group. Empty groups are left
 * out.
 */
export const groupTemplates = (
  templates: readonly MessageTemplate[],
  firstLocale: Locale,
): TemplateGroup[] => {
  const locales = [firstLocale, ...LOCALES.filter((locale) => locale !== firstLocale)];
  return MESSAGE_CHANNELS.flatMap((channel) =>
    locales.map((locale) => ({
      channel,
      locale,
      templates: templates.filter(
        (template) => template.channel === channel && template.locale === locale,
      ),
    })),
  ).filter((group) => group.templates.length > 0);
};

/** The choices for "at most this many SMS per message". */
export const SMS_PART_LIMITS = [1, 2, 3, 4, 5] as const;

/** Two parts: a Persian greeting with a name fits, a paragraph does not. */
export const DEFAULT_SMS_PART_LIMIT = 2;

/** Where the chosen limit is remembered on this computer (a preference, not shop data). */
export const SMS_LIMIT_STORAGE_KEY = 'bazgasht.messages.smsPartLimit';

/** The remembered limit, or the default when nothing (or something unusable) was stored. */
export const readSmsPartLimit = (stored: string | null): number => {
  const value = Number(stored);
  return (SMS_PART_LIMITS as readonly number[]).includes(value) ? value : DEFAULT_SMS_PART_LIMIT;
};
