import type { Customer, InputOf, PreferredChannel } from '../../../src-shared/contract/index.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import type { CalendarKind } from '../../../src-shared/i18n/locale.ts';
import { parseDateInput } from '../../../src-shared/i18n/locale.ts';
import type { Formatter } from '../../app/i18n/format.ts';

/** The contact details as the user edits them: text as typed, checked on save. */
export type ContactDraft = {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  preferredChannel: PreferredChannel;
  doNotContact: boolean;
  tags: string[];
  notes: string;
};

export type ContactField = keyof ContactDraft;
/** Field → reason code (translated by reasonText). */
export type ContactErrors = Partial<Record<ContactField, string>>;

export const EMPTY_DRAFT: ContactDraft = {
  name: '',
  phone: '',
  email: '',
  birthday: '',
  preferredChannel: 'phone',
  doNotContact: false,
  tags: [],
  notes: '',
};

export function draftOf(customer: Customer, fmt: Formatter): ContactDraft {
  return {
    name: customer.name,
    phone: customer.phone ? fmt.phone(customer.phone) : (customer.phoneRaw ?? ''),
    email: customer.email ?? '',
    birthday: customer.birthday ? fmt.date(customer.birthday, 'short') : '',
    preferredChannel: customer.preferredChannel,
    doNotContact: customer.doNotContact,
    tags: [...customer.tags],
    notes: customer.notes,
  };
}

type Patch = InputOf<'customers:update'>['patch'];

/**
 * Checks the draft the way the core will (so mistakes show before a round trip) and builds the
 * patch of the fields that changed from `base`. The core checks again and has the last word.
 */
export function validateDraft(
  draft: ContactDraft,
  base: ContactDraft,
  calendar: CalendarKind,
): { errors: ContactErrors; patch: Patch } {
  const errors: ContactErrors = {};
  const patch: Patch = {};

  if (draft.name.trim() === '') errors.name = 'required';
  else if (draft.name !== base.name) patch.name = draft.name.trim();

  const phone = draft.phone.trim();
  if (phone !== base.phone.trim()) {
    if (phone !== '' && !normalisePhone(phone)) errors.phone = 'invalid_phone';
    else patch.phone = phone === '' ? null : phone;
  }

  const email = draft.email.trim();
  if (email !== base.email.trim()) {
    if (email !== '' && !normaliseEmail(email)) errors.email = 'invalid_email';
    else patch.email = email === '' ? null : email;
  }

  const birthday = draft.birthday.trim();
  if (birthday !== base.birthday.trim()) {
    if (birthday === '') {
      patch.birthday = null;
    } else {
      const parsed = parseDateInput(birthday, calendar);
      if (parsed.ok) patch.birthday = parsed.date;
      else errors.birthday = parsed.reason;
    }
  }

  if (draft.preferredChannel !== base.preferredChannel) {
    patch.preferredChannel = draft.preferredChannel;
  }
  if (draft.doNotContact !== base.doNotContact) patch.doNotContact = draft.doNotContact;
  if (draft.tags.join('\u0000') !== base.tags.join('\u0000')) patch.tags = draft.tags;
  if (draft.notes !== base.notes) patch.notes = draft.notes;

  return { errors, patch };
}

export function isDraftDirty(draft: ContactDraft, base: ContactDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(base);
}
