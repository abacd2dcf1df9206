import type { InputOf, SmtpSecurity, SmtpSettings } from '../../../src-shared/contract/index.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';

/** The email form as typed; the password is write-only and empty unless a new one is typed. */
export type SmtpDraft = {
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  password: string;
  fromAddress: string;
  fromName: string;
};

export type SmtpField = 'host' | 'port' | 'fromAddress';
export type SmtpErrors = Partial<Record<SmtpField, 'required' | 'invalid_port' | 'invalid_email'>>;

/** The port each kind of security is usually served on (RFC 8314 for TLS, RFC 6409 for STARTTLS). */
export const USUAL_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

export const smtpDraftOf = (settings: SmtpSettings): SmtpDraft => ({
  host: settings.host,
  port: settings.configured ? String(settings.port) : String(USUAL_PORTS[settings.security]),
  security: settings.security,
  user: settings.user,
  password: '',
  fromAddress: settings.fromAddress,
  fromName: settings.fromName,
});

/**
 * The port to show after the security changes: the new kind's usual port while the old one was
 * still the usual port (the owner had not chosen one), otherwise the owner's own port.
 */
export function portAfterSecurity(port: string, from: SmtpSecurity, to: SmtpSecurity): string {
  const typed = normaliseDigits(port).trim();
  return typed === '' || typed === String(USUAL_PORTS[from]) ? String(USUAL_PORTS[to]) : port;
}

// One @ with something on each side and a dot after it: the server has the last word.
const looksLikeEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

/** The draft checked as smtp:save will check it: the input to send, or what to fix first. */
export function checkSmtpDraft(
  draft: SmtpDraft,
): { input: InputOf<'smtp:save'>; errors: null } | { input: null; errors: SmtpErrors } {
  const errors: SmtpErrors = {};
  const host = draft.host.trim();
  const port = normaliseDigits(draft.port).trim();
  const fromAddress = draft.fromAddress.trim();
  if (host === '') errors.host = 'required';
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    errors.port = port === '' ? 'required' : 'invalid_port';
  }
  if (fromAddress === '') errors.fromAddress = 'required';
  else if (!looksLikeEmail(fromAddress)) errors.fromAddress = 'invalid_email';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    errors: null,
    input: {
      host,
      port: Number(port),
      security: draft.security,
      user: draft.user.trim(),
      // Left out, the saved password stays: the field is write-only.
      ...(draft.password !== '' && { password: draft.password }),
      fromAddress,
      fromName: draft.fromName.trim(),
    },
  };
}

/** Whether anything differs from what is saved (a typed password always does). */
export const isSmtpDirty = (draft: SmtpDraft, base: SmtpDraft): boolean =>
  JSON.stringify(draft) !== JSON.stringify(base);
