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
  /** Before the buttons: a hint such as the keyboard shortcut that saves. */
  hint?: ReactNode;
};

/** A form dialog's footer: Cancel, then the submit button, which says when it is working. */
export function DialogActions({
  onCancel,
  isBusy,
  submitLabel,
  busyLabel,
  tone = 'primary',
  submitTestId,
  hint,
}: Props) {
  const t = useT();
  return (
    <div className="form-actions">
      {hint}
      <button type="button" className="button" onClick={onCancel} disabled={isBusy}>
        {t('common.cancel')}
      </button>
      <BusyButton
        type="submit"
        className={`button button-${tone}`}
        isBusy={isBusy}
        busyLabel={busyLabel ?? t('common.saving')}
        data-testid={submitTestId}
      >
        {submitLabel}
      </BusyButton>
    </div>
  );
}
