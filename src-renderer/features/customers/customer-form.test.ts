import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, validateDraft } from './customer-form.ts';

const base = { ...EMPTY_DRAFT, name: 'Sara' };

describe('validateDraft', () => {
  it('sends only what changed', () => {
    const { errors, patch } = validateDraft({ ...base, notes: 'hi' }, base, 'persian');
    expect(errors).toEqual({});
    expect(patch).toEqual({ notes: 'hi' });
  });

  it('reads a Jalali birthday in Persian digits', () => {
    const { patch } = validateDraft({ ...base, birthday: '۱۳۷۰/۸/۱۵' }, base, 'persian');
    expect(patch.birthday).toBe('1991-11-06');
  });

  it('names the reason for each bad field', () => {
    const { errors } = validateDraft(
      { ...base, name: ' ', email: 'a@', phone: '12', birthday: '1370/13/1' },
      base,
      'persian',
    );
    expect(errors).toEqual({
      name: 'required',
      email: 'invalid_email',
      phone: 'invalid_phone',
      birthday: 'invalid-date',
    });
  });

  it('clears a field emptied by the user', () => {
    const withEmail = { ...base, email: 'sara@example.com' };
    expect(validateDraft({ ...withEmail, email: '' }, withEmail, 'gregory').patch).toEqual({
      email: null,
    });
  });
});
