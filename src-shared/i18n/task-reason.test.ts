import { describe, expect, it } from 'vitest';
import type { TaskReason } from '../contract/types.ts';
import { renderTaskReason } from './task-reason.ts';
import type { ReasonContext } from './task-reason.ts';

const fa: ReasonContext = {
  locale: 'fa',
  calendar: 'persian',
  timeZone: 'Asia/Tehran',
  currency: 'IRR',
  displayUnit: 'toman',
};
const en: ReasonContext = { ...fa, locale: 'en', calendar: 'gregory' };

const checkin: TaskReason = {
  key: 'task.reason.post_purchase_checkin',
  params: { count: 7, product: 'Blue scarf', others: 0, amount: 8_500_000, date: '2026-09-01' },
};

describe('renderTaskReason', () => {
  it('reads naturally in English, with money in the shop’s unit', () => {
    expect(renderTaskReason(checkin, en)).toBe(
      'First purchase 7 days ago: Blue scarf, 850,000 Toman',
    );
  });

  it('reads naturally in Persian, with Persian digits', () => {
    expect(renderTaskReason(checkin, fa)).toBe('اولین خرید ۷ روز پیش: Blue scarf، ۸۵۰٬۰۰۰ تومان');
  });

  it('mentions further items, picks the plural, and formats the day in the calendar', () => {
    const nudge: TaskReason = {
      key: 'task.reason.second_purchase_nudge',
      params: { count: 1, product: 'Hat', others: 2, amount: 100_000 },
    };
    expect(renderTaskReason(nudge, en)).toBe(
      'Bought once, 1 day ago, and not back yet: Hat and 2 more items, 10,000 Toman',
    );
    const birthday: TaskReason = { key: 'task.reason.birthday', params: { date: '2027-03-21' } };
    expect(renderTaskReason(birthday, en)).toBe('Birthday on 21 March 2027');
    expect(renderTaskReason(birthday, fa)).toBe('تولد در ۱ فروردین ۱۴۰۶');
  });

  it('quotes the comment of a low score', () => {
    const reason: TaskReason = {
      key: 'task.reason.recovery_comment',
      params: { kind: 'NPS', score: 3, max: 10, comment: 'the zip broke' },
    };
    expect(renderTaskReason(reason, { ...en, currency: 'GBP', displayUnit: null })).toBe(
      'Gave a low NPS score: 3 out of 10 (“the zip broke”)',
    );
  });
});
