import type { ReactNode } from 'react';

/**
 * Left-to-right text (phone numbers, emails, codes) isolated inside right-to-left text, so its
 * digits and punctuation keep their order and do not reorder the sentence around them.
 */
export function Ltr({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {children}
    </bdi>
  );
}
