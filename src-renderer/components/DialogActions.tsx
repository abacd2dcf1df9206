import type { ReactNode } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import { BusyButton } from './BusyButton.tsx';

type Props = {
  onCancel: () => void;
  isBusy: boolean;
  /** The submit button's label. */
  submitLabel: string;
  /** Shown on the submit button while the work runs (default "Saving…"). */
  busyLabel?: string;
  /** 'danger' for a submit that takes something away (dismiss). */
  tone?: 'primary' | 'danger';
  submitTestId: string;
  cancelTestId?: string;
  /** More classes for the footer, beside form-actions. */
  className?: string;
  /** Before the buttons: a hint such as the keyboard shortcut that saves. */
  hint?: ReactNode;
  /**
   * For a settings form: false while nothing is changed, and then there is nothing to save or
   * undo (both buttons are off). Dialogs leave it out.
   */
  isDirty?: boolean;
};

/**
 * A form's footer: Cancel, then the submit button, which says when it is working (a dialog's, or
 * a settings form's, whose Cancel puts back what was saved).
 */
export function DialogActions({
  onCancel,
  isBusy,
  submitLabel,
  busyLabel,
  tone = 'primary',
  submitTestId,
  cancelTestId,
  className,
  hint,
  isDirty = true,
}: Props) {
  const t = useT();
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      {hint}
      <button
        type="button"
        className="button"
        onClick={onCancel}
        disabled={isBusy || !isDirty}
        data-testid={cancelTestId}
      >
        {t('common.cancel')}
      </button>
      <BusyButton
        type="submit"
        className={`button button-${tone}`}
        isBusy={isBusy}
        disabled={!isDirty}
        busyLabel={busyLabel ?? t('common.saving')}
        data-testid={submitTestId}
      >
        {submitLabel}
      </BusyButton>
    </div>
  );
}
