// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'message_templates';

/**
 * Message templates (DESIGN.md §6): per channel (email, sms) and language, with placeholders in
 * braces ({firstName}, or their Persian names, {نام}; src-shared/domain/message-template.ts).
 * `subject` is the email's subject and is null exactly for SMS. `moment` names the playbook moment
 * a template was written for (post_purchase_thanks, survey_ask, second_purchase_offer, win_back,
 * birthday, tier_reached), null for the owner's own; it is checked by the contract, not by a
 * CHECK, so a later moment needs no table rebuild. Deleting soft-deletes (deleted_at).
 *
 * The defaults for the playbook's moments, in fa and en, for email and for SMS, are written here,
 * once: an owner's edits and deletions then stand (a default seeded on read would come back after
 * being deleted), and every shop gets the same ids for them, ready for sync. The texts are frozen
 * with the migration; better defaults in a later version are a new migration.
 */

type Default = {
  moment: string;
  names: { fa: string; en: string };
  sms: { fa: string; en: string };
  email: { fa: { subject: string; body: string }; en: { subject: string; body: string } };
};

const DEFAULTS: Default[] = [
  {
    moment: 'post_purchase_thanks',
    names: { fa: 'تشکر پس از خرید', en: 'Thank you after a purchase' },
    sms: {
      fa: '{نام} عزیز، از خرید {آخرین_محصول} از {نام_فروشگاه} سپاسگزاریم. امیدواریم از آن لذت ببرید.',
      en: 'Hi {firstName}, thank you for buying {lastProduct} at {shopName}. We hope you love it!',
    },
    email: {
      fa: {
        subject: 'از خرید شما سپاسگزاریم',
        body:
          '{نام} عزیز،\n\nاز اینکه {آخرین_محصول} را از {نام_فروشگاه} خریدید سپاسگزاریم. ' +
          'امیدواریم از آن لذت ببرید. اگر پرسشی دارید، خوشحال می‌شویم کمکتان کنیم.\n\n' +
          'با احترام،\n{نام_فروشگاه}',
      },
      en: {
        subject: 'Thank you for your purchase',
        body:
          'Hi {firstName},\n\nThank you for buying {lastProduct} at {shopName}. We hope you ' +
          'love it. If you have any questions, we are happy to help.\n\nBest wishes,\n{shopName}',
      },
    },
  },
  {
    moment: 'survey_ask',
    names: { fa: 'درخواست نظر', en: 'How did we do?' },
    sms: {
      fa: '{نام} عزیز، از {آخرین_محصول} راضی هستید؟ لطفاً با عددی از ۰ تا ۱۰ پاسخ دهید. {نام_فروشگاه}',
      en: 'Hi {firstName}, how is your {lastProduct}? Reply with a score from 0 to 10. {shopName}',
    },
    email: {
      fa: {
        subject: 'نظر شما برای ما مهم است',
        body:
          '{نام} عزیز،\n\n{روز_از_آخرین_خرید} روز از خرید {آخرین_محصول} گذشته. ' +
          'از ۰ تا ۱۰ چقدر احتمال دارد {نام_فروشگاه} را به دوستانتان پیشنهاد کنید؟ ' +
          'کافی است به همین ایمیل پاسخ دهید.\n\nبا سپاس،\n{نام_فروشگاه}',
      },
      en: {
        subject: 'How did we do?',
        body:
          'Hi {firstName},\n\nIt has been {daysSinceLastPurchase} days since you bought ' +
          '{lastProduct}. From 0 to 10, how likely are you to recommend {shopName} to a ' +
          'friend? Just reply to this email.\n\nThank you,\n{shopName}',
      },
    },
  },
  {
    moment: 'second_purchase_offer',
    names: { fa: 'پیشنهاد خرید دوم', en: 'Second purchase offer' },
    sms: {
      fa: '{نام} عزیز، این هفته در {نام_فروشگاه} برای خرید بعدی‌تان هدیه‌ای ویژه داریم. منتظرتان هستیم!',
      en: 'Hi {firstName}, a special thank-you is waiting for you on your next visit to {shopName} this week!',
    },
    email: {
      fa: {
        subject: 'هدیه‌ای برای خرید بعدی شما',
        body:
          '{نام} عزیز،\n\nامیدواریم از {آخرین_محصول} لذت برده باشید. این هفته برای خرید ' +
          'بعدی‌تان در {نام_فروشگاه} هدیه‌ای ویژه کنار گذاشته‌ایم.\n\nمنتظرتان هستیم،\n' +
          '{نام_فروشگاه}',
      },
      en: {
        subject: 'A thank-you for your next visit',
        body:
          'Hi {firstName},\n\nWe hope you are enjoying your {lastProduct}. This week we have ' +
          'put aside a special thank-you for your next purchase at {shopName}.\n\nSee you ' +
          'soon,\n{shopName}',
      },
    },
  },
  {
    moment: 'win_back',
    names: { fa: 'بازگرداندن مشتری', en: 'We miss you' },
    sms: {
      fa: '{نام} عزیز، دلمان برایتان تنگ شده! {روز_از_آخرین_خرید} روز است به {نام_فروشگاه} سر نزده‌اید.',
      en: 'We miss you, {firstName}! It has been {daysSinceLastPurchase} days since your last visit to {shopName}.',
    },
    email: {
      fa: {
        subject: 'دلمان برایتان تنگ شده',
        body:
          '{نام} عزیز،\n\n{روز_از_آخرین_خرید} روز است که به {نام_فروشگاه} سر نزده‌اید. ' +
          'چیزهای تازه‌ای رسیده و خوشحال می‌شویم دوباره ببینیمتان.\n\nبا احترام،\n' +
          '{نام_فروشگاه}',
      },
      en: {
        subject: 'We miss you',
        body:
          'Hi {firstName},\n\nIt has been {daysSinceLastPurchase} days since your last visit ' +
          'to {shopName}. There is plenty that is new, and we would love to see you ' +
          'again.\n\nBest wishes,\n{shopName}',
      },
    },
  },
  {
    moment: 'birthday',
    names: { fa: 'تبریک تولد', en: 'Happy birthday' },
    sms: {
      fa: '{نام} عزیز، تولدتان مبارک! هدیه‌ای در {نام_فروشگاه} منتظر شماست.',
      en: 'Happy birthday, {firstName}! A small gift is waiting for you at {shopName}.',
    },
    email: {
      fa: {
        subject: 'تولدتان مبارک!',
        body:
          '{نام} عزیز،\n\nتولدتان مبارک! همه ما در {نام_فروشگاه} بهترین‌ها را برایتان ' +
          'آرزو می‌کنیم. هدیه‌ای کوچک در فروشگاه منتظر شماست.\n\nبا مهر،\n{نام_فروشگاه}',
      },
      en: {
        subject: 'Happy birthday!',
        body:
          'Hi {firstName},\n\nHappy birthday from everyone at {shopName}! A small gift is ' +
          'waiting for you in the shop.\n\nWarm wishes,\n{shopName}',
      },
    },
  },
  {
    moment: 'tier_reached',
    names: { fa: 'رسیدن به سطح تازه', en: 'New tier reached' },
    sms: {
      fa: '{نام} عزیز، تبریک! شما در {نام_فروشگاه} به سطح {سطح} رسیدید و {امتیاز} امتیاز دارید.',
      en: 'Congratulations {firstName}! You are now {tier} at {shopName}, with {pointsBalance} points.',
    },
    email: {
      fa: {
        subject: 'تبریک! به سطح {سطح} رسیدید',
        body:
          '{نام} عزیز،\n\nتبریک! شما در {نام_فروشگاه} به سطح {سطح} رسیدید و اکنون ' +
          '{امتیاز} امتیاز دارید. از همراهی‌تان سپاسگزاریم.\n\nبا احترام،\n{نام_فروشگاه}',
      },
      en: {
        subject: 'Congratulations: you are now {tier}',
        body:
          'Hi {firstName},\n\nCongratulations! You are now {tier} at {shopName}, with ' +
          '{pointsBalance} points. Thank you for being with us.\n\nBest wishes,\n{shopName}',
      },
    },
  },
];

const quote = (text: string | null) => (text === null ? 'NULL' : `'${text.replace(/'/g, "''")}'`);

/** Fixed UUIDv7-shaped ids, the same in every shop: 0190…7000-8000-0000000000NN. */
const defaultId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

// 'now' is the same instant throughout one statement.
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

const defaultRows = (): string[] => {
  const rows: string[] = [];
  for (const d of DEFAULTS) {
    for (const locale of ['fa', 'en'] as const) {
      for (const channel of ['sms', 'email'] as const) {
        const subject = channel === 'email' ? d.email[locale].subject : null;
        const body = channel === 'email' ? d.email[locale].body : d.sms[locale];
        const values = [
          defaultId(rows.length + 1),
          d.names[locale],
          channel,
          locale,
          subject,
          body,
        ];
        rows.push(`(${values.map(quote).join(', ')}, '${d.moment}', ${NOW}, ${NOW})`);
      }
    }
  }
  return rows;
};

export const up = `
CREATE TABLE message_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  locale TEXT NOT NULL CHECK (locale IN ('fa', 'en')),
  subject TEXT,
  body TEXT NOT NULL,
  moment TEXT,
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((channel = 'email') = (subject IS NOT NULL))
) STRICT;
-- The editor's list: a channel's templates in a language, by moment then name.
CREATE INDEX idx_message_templates_channel ON message_templates (channel, locale)
  WHERE deleted_at IS NULL;

INSERT INTO message_templates (id, name, channel, locale, subject, body, moment, created_at,
  updated_at) VALUES
${defaultRows().join(',\n')};
`;
