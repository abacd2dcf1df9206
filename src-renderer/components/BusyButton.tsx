import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  isBusy: boolean;
  /** Shown instead of the label while the work runs ("Working…", "Saving…"). */
  busyLabel: string;
  children: ReactNode;
  'data-testid'?: string;
  'data-autofocus'?: boolean;
};

/** A button that starts long work: disabled and marked busy while it runs, saying so. */
export function BusyButton({ isBusy, busyLabel, children, disabled, ...rest }: Props) {
  return (
    <button {...rest} disabled={disabled === true || isBusy} aria-busy={isBusy}>
      {isBusy ? busyLabel : children}
    </button>
  );
}
