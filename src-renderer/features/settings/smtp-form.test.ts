import { describe, expect, it } from 'vitest';
import type { SmtpSettings } from '../../../src-shared/contract/index.ts';
import { smtpSave } from '../../../src-shared/contract/schemas.ts';
import { checkSmtpDraft, isSmtpDirty, portAfterSecurity, smtpDraftOf } from './smtp-form.ts';
import type { SmtpDraft } from './smtp-form.ts';

const SAVED: SmtpSettings = {
  host: 'mail.example.ir',
  port: 2525,
  security: 'starttls',
  user: 'shop',
  fromAddress: 'shop@example.ir',
  fromName: 'Shop',
  passwordSaved: true,
  passwordStorage: 'encrypted',
  configured: true,
};

const draft = (patch: Partial<SmtpDraft> = {}): SmtpDraft => ({ ...smtpDraftOf(SAVED), ...patch });

describe('the email settings form', () => {
  it('starts from the saved settings with the password left empty', () => {
    expect(smtpDraftOf(SAVED)).toEqual({
      host: 'mail.example.ir',
      port: '2525',
      security: 'starttls',
      user: 'shop',
      password: '',
      fromAddress: 'shop@example.ir',
      fromName: 'Shop',
    });
    // Nothing saved yet: the usual port of the security shown.
    expect(smtpDraftOf({ ...SAVED, configured: false, port: 0, security: 'tls' }).port).toBe('465');
  });

  it('keeps the saved password unless a new one is typed', () => {
    const kept = checkSmtpDraft(draft());
    expect(kept.input).not.toHaveProperty('password');
    expect(checkSmtpDraft(draft({ password: 's3cret' })).input).toMatchObject({
      password: 's3cret',
    });
  });

  it('sends what smtp:save accepts: trimmed, with the port as a number from any digits', () => {
    const { input } = checkSmtpDraft(draft({ host: ' smtp.x.ir ', port: '۴۶۵', security: 'tls' }));
    expect(input).toMatchObject({ host: 'smtp.x.ir', port: 465, security: 'tls' });
    expect(smtpSave.safeParse(input).success).toBe(true);
  });

  it('names what to fix: host, port and sender address', () => {
    expect(checkSmtpDraft(draft({ host: ' ', port: '', fromAddress: '' })).errors).toEqual({
      host: 'required',
      port: 'required',
      fromAddress: 'required',
    });
    expect(checkSmtpDraft(draft({ port: '70000', fromAddress: 'shop' })).errors).toEqual({
      port: 'invalid_port',
      fromAddress: 'invalid_email',
    });
    expect(checkSmtpDraft(draft({ port: '0' })).errors).toEqual({ port: 'invalid_port' });
  });

  it('follows the security with the usual port, unless the owner chose a port', () => {
    expect(portAfterSecurity('587', 'starttls', 'tls')).toBe('465');
    expect(portAfterSecurity('', 'starttls', 'none')).toBe('25');
    expect(portAfterSecurity('2525', 'starttls', 'tls')).toBe('2525');
  });

  it('is changed by any edit, a typed password included', () => {
    expect(isSmtpDirty(draft(), draft())).toBe(false);
    expect(isSmtpDirty(draft({ password: 'x' }), draft())).toBe(true);
    expect(isSmtpDirty(draft({ fromName: 'Other' }), draft())).toBe(true);
  });
});
