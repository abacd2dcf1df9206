import type { MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { MessageTemplate } from '../../../src-shared/contract/types.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import type { CoreContext } from '../context.ts';
import { createTemplateFiller } from './templates.service.ts';

/**
 * An email as the app writes it (DESIGN.md §6), the same for SMTP and .eml: the template filled
 * for one customer in the template's language, a plain-text part and an HTML part laid out in
 * that language's direction, and the unsubscribe line every email carries. nodemailer encodes it
 * (RFC 2047 headers, so a Persian subject survives any mail server).
 */

export type ComposedEmail = {
  locale: Locale;
  subject: string;
  /** The filled body, as the owner wrote it (what the timeline logs). */
  body: string;
  /** The plain-text part: the body, then the unsubscribe line under a signature separator. */
  text: string;
  html: string;
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/** Paragraphs at blank lines, line breaks within them: how a plain-text body reads as HTML. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => escapeHtml(paragraph).replace(/\n/g, '<br>\n'));

/**
 * The HTML part. The direction is on the document and again on a wrapping block, because some
 * webmail readers drop the <html> and <body> attributes; text-align follows for the same readers.
 */
export const emailHtml = (input: {
  locale: Locale;
  subject: string;
  body: string;
  footer: string;
}): string => {
  const dir = input.locale === 'fa' ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const paragraphs = paragraphsOf(input.body).map((p) => `<p style="margin:0 0 1em">${p}</p>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${input.locale}" dir="${dir}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    `<body dir="${dir}">`,
    `<div dir="${dir}" lang="${input.locale}" style="text-align:${align};` +
      'font-family:Vazirmatn,Tahoma,Arial,sans-serif;line-height:1.7">',
    ...paragraphs,
    `<p style="margin:2em 0 0;padding-top:0.75em;border-top:1px solid #ddd;color:#666;` +
      `font-size:0.85em">${escapeHtml(input.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
};

/** A subject is one line: line breaks and runs of spaces (from a placeholder) become one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Fills nothing: lays out a subject and body already filled, in the given language. */
export const composeEmail = (input: {
  locale: Locale;
  subject: string;
  body: string;
}): ComposedEmail => {
  const footer = createTranslator(input.locale)('email.unsubscribe');
  const subject = oneLine(input.subject);
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  return {
    locale: input.locale,
    subject,
    body,
    text: `${body}\n\n-- \n${footer}\n`,
    html: emailHtml({ locale: input.locale, subject, body, footer }),
  };
};

/** Composes an email template filled for each customer, in the template's language. */
export const createEmailComposer = async (
  ctx: CoreContext,
  template: Pick<MessageTemplate, 'locale' | 'subject' | 'body'>,
): Promise<(customerId: string) => ComposedEmail> => {
  const fill = await createTemplateFiller(ctx, template);
  return (customerId) => {
    const { subject, body } = fill(customerId);
    return composeEmail({
      locale: template.locale,
      subject: subject?.text ?? '',
      body: body.text,
    });
  };
};

export type MailParty = { name: string; address: string };

/**
 * The message for nodemailer (its transport or its MailComposer for .eml). A sender address
 * gives the List-Unsubscribe header, which mail programs show as an unsubscribe button; the
 * reply it asks for is the one the footer line asks for.
 */
export const mailOptionsOf = (
  email: ComposedEmail,
  parties: { from: MailParty | null; to: MailParty },
  extra: { date?: Date; headers?: Record<string, string> } = {},
): MailComposerOptions => ({
  ...(parties.from && { from: parties.from }),
  to: parties.to,
  subject: email.subject,
  text: email.text,
  html: email.html,
  ...(extra.date && { date: extra.date }),
  headers: {
    ...(parties.from && {
      'List-Unsubscribe': `<mailto:${encodeURI(parties.from.address)}?subject=unsubscribe>`,
    }),
    'Content-Language': email.locale,
    ...extra.headers,
  },
});
