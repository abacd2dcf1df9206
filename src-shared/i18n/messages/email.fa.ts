import type { Message } from './types.ts';
import type { emailEn } from './email.en.ts';

/** What the app itself writes into the emails it sends, in Persian (spread into fa.ts). */
export const emailFa = {
  'email.unsubscribe':
    'اگر نمی‌خواهید دیگر این ایمیل‌ها را دریافت کنید، در پاسخ همین ایمیل بنویسید «لغو».',
  'email.test.subject': 'ایمیل آزمایشی از {app}',
  'email.test.body':
    'این یک ایمیل آزمایشی از {app} برای {shop} است.\n\nاگر آن را می‌خوانید، تنظیمات ایمیل درست است: سرور ایمیل {host} آن را پذیرفت.',
} as const satisfies Record<keyof typeof emailEn, Message>;
