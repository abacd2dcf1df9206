import { describe, expect, it } from 'vitest';
import type { MessageTemplate } from '../../../src-shared/contract/types.ts';
import { renderTemplate } from '../../../src-shared/domain/message-template.ts';
import { ApiError } from '../../api/client.ts';
import {
  DEFAULT_SMS_PART_LIMIT,
  checkDraft,
  draftOf,
  groupTemplates,
  insertAtCursor,
  isSameDraft,
  newDraft,
  placeholderToken,
  previewDraftOf,
  readSmsPartLimit,
  saveInputOf,
  saveProblemOf,
} from './template-draft.ts';

const template = (patch: Partial<MessageTemplate>): MessageTemplate => ({
  id: 't1',
  name: 'We miss you',
  channel: 'email',
  locale: 'en',
  subject: 'We miss you',
  body: 'Hi {firstName}',
  moment: 'win_back',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});

describe('the draft', () => {
  it('is unchanged until a saved field changes, whatever an SMS keeps of its old subject', () => {
    const base = draftOf(template({}));
    expect(isSameDraft(base, { ...base })).toBe(true);
    expect(isSameDraft(base, { ...base, body: 'Hello {firstName}' })).toBe(false);
    expect(isSameDraft(base, { ...base, subject: 'Come back' })).toBe(false);
    const sms = draftOf(template({ channel: 'sms', subject: null }));
    expect(isSameDraft(sms, { ...sms, subject: 'typed while it was an email' })).toBe(true);
  });

  it('sends a subject only for email, trimmed, and an id only once saved', () => {
    const draft = { ...newDraft('fa', ' خوش‌آمد '), subject: ' سلام ', body: '{نام} عزیز' };
    expect(saveInputOf(draft)).toEqual({
      name: 'خوش‌آمد',
      channel: 'email',
      locale: 'fa',
      subject: 'سلام',
      body: '{نام} عزیز',
    });
    const sms = { ...draftOf(template({})), channel: 'sms' as const };
    expect(saveInputOf(sms)).toMatchObject({ id: 't1', channel: 'sms', subject: null });
    expect(previewDraftOf(sms).subject).toBeNull();
  });

  it('needs a name, a body and, for email, a subject', () => {
    const empty = newDraft('en', ' ');
    expect(checkDraft(empty)).toEqual({
      name: { reason: 'required' },
      subject: { reason: 'required' },
      body: { reason: 'required' },
    });
    expect(checkDraft({ ...empty, name: 'Offer', channel: 'sms', body: 'Hi' })).toEqual({});
  });
});

describe('a refused save', () => {
  it('names the field and the unknown placeholder the core found', () => {
    const error = new ApiError('templates:save', 'bad_input', '{foo} is not a placeholder.', {
      field: 'body',
      reason: 'unknown_placeholder',
      name: 'foo',
      offset: 3,
    });
    expect(saveProblemOf(error)).toEqual({
      field: 'body',
      problem: { reason: 'unknown_placeholder', placeholder: 'foo' },
    });
  });

  it('maps the schema’s rules to the field, and leaves other failures to the form', () => {
    const schema = (field: string, reason: string) =>
      new ApiError('templates:save', 'bad_input', 'no', { field, reason });
    expect(saveProblemOf(schema('name', 'too_small'))).toEqual({
      field: 'name',
      problem: { reason: 'required' },
    });
    expect(saveProblemOf(schema('subject', 'too_big'))?.problem).toEqual({ reason: 'too_long' });
    expect(saveProblemOf(schema('channel', 'invalid_value'))).toBeNull();
    expect(saveProblemOf(new ApiError('templates:save', 'not_found', 'gone', {}))).toBeNull();
    expect(saveProblemOf(new Error('boom'))).toBeNull();
  });
});

describe('inserting a placeholder', () => {
  it('writes it in the template’s language, as the renderer reads it', () => {
    expect(placeholderToken('firstName', 'en')).toBe('{firstName}');
    expect(placeholderToken('daysSinceLastPurchase', 'fa')).toBe('{روز_از_آخرین_خرید}');
    const values = {
      fullName: 'Sara Ahmadi',
      lastProduct: null,
      daysSinceLastPurchase: null,
      tier: null,
      pointsBalance: null,
      pointsToNextTier: null,
      shopName: null,
    };
    expect(renderTemplate(placeholderToken('firstName', 'fa'), values, { locale: 'fa' }).text).toBe(
      'Sara',
    );
  });

  it.each([
    ['Hi ,', 3, 3, 'Hi {firstName},', 14],
    ['Hi', 2, 2, 'Hi {firstName}', 14],
    ['Hello there', 0, 5, '{firstName} there', 11],
    ['', 0, 0, '{firstName}', 11],
    ['سلامعزیز', 4, 4, 'سلام {firstName} عزیز', 16],
  ])('in %j at %i–%i gives %j, caret at %i', (text, start, end, expected, caret) => {
    expect(insertAtCursor(text, start, end, '{firstName}')).toEqual({ text: expected, caret });
  });
});

describe('the list', () => {
  it('groups by channel, then language with the app’s first, keeping the core’s order', () => {
    const list = [
      template({ id: 'e-en-1', channel: 'email', locale: 'en' }),
      template({ id: 'e-en-2', channel: 'email', locale: 'en', moment: null }),
      template({ id: 'e-fa', channel: 'email', locale: 'fa' }),
      template({ id: 's-en', channel: 'sms', locale: 'en', subject: null }),
    ];
    const groups = groupTemplates(list, 'fa').map((group) => [
      group.channel,
      group.locale,
      group.templates.map((t) => t.id),
    ]);
    expect(groups).toEqual([
      ['email', 'fa', ['e-fa']],
      ['email', 'en', ['e-en-1', 'e-en-2']],
      ['sms', 'en', ['s-en']],
    ]);
    expect(groupTemplates([], 'en')).toEqual([]);
  });
});

describe('the SMS part limit', () => {
  it.each([
    ['3', 3],
    ['1', 1],
    [null, DEFAULT_SMS_PART_LIMIT],
    ['0', DEFAULT_SMS_PART_LIMIT],
    ['99', DEFAULT_SMS_PART_LIMIT],
    ['two', DEFAULT_SMS_PART_LIMIT],
  ])('stored %j is read as %i', (stored, limit) => {
    expect(readSmsPartLimit(stored)).toBe(limit);
  });
});
