import type { Message } from './types.ts';

/** What the app itself writes into the emails it sends (DESIGN.md §6) (spread into en.ts). */
export const emailEn = {
  'email.unsubscribe': 'To stop receiving these emails, reply with “unsubscribe”.',
  'email.test.subject': 'Test email from {app}',
  'email.test.body':
    'This is a test email from {app} for {shop}.\n\nIf you are reading it, the email settings work: the mail server {host} accepted it.',
} as const satisfies Record<string, Message>;
