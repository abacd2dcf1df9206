import { useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import './dialog.css';

type Props = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** False while work is in flight: Escape and the close button do nothing. */
  isDismissible?: boolean;
  size?: 'small' | 'medium' | 'large';
  testId?: string;
};

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside) and Escape asks to close. Render it to open it; unmount it to close it. The element
 * marked data-autofocus gets the first focus.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  isDismissible = true,
  size = 'medium',
  testId,
}: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to where the user was, as a native dialog would.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (isDismissible) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('common.close')}
          disabled={!isDismissible}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
