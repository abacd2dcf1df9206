import { useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n/use-t.ts';
import { errorText } from '../app/i18n/error-text.ts';
import { Dialog } from './Dialog.tsx';
import { BusyButton } from './BusyButton.tsx';
import { FormError } from './FormError.tsx';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that backs out; "Cancel" unless the choice reads better named. */
  cancelLabel?: string;
  /** Runs the action; the dialog shows it busy and reports a failure in place. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  tone?: 'danger' | 'primary';
  /** The button focused first; "cancel" where a reflexive Enter must not lose anything. */
  initialFocus?: 'confirm' | 'cancel';
  testId?: string;
};

/** Asks before a destructive or far-reaching action. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
  tone = 'primary',
  initialFocus = 'confirm',
  testId,
}: Props) {
  const t = useT();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      isDismissible={!isBusy}
      size="small"
      testId={testId}
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={onClose}
            disabled={isBusy}
            data-autofocus={initialFocus === 'cancel' ? true : undefined}
            data-testid={testId ? `${testId}-cancel` : undefined}
          >
            {cancelLabel ?? t('common.cancel')}
          </button>
          <BusyButton
            type="button"
            className={`button button-${tone}`}
            onClick={() => void confirm()}
            data-autofocus={initialFocus === 'confirm' ? true : undefined}
            data-testid={testId ? `${testId}-confirm` : undefined}
            isBusy={isBusy}
            busyLabel={t('common.working')}
          >
            {confirmLabel}
          </BusyButton>
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      <FormError message={error ? errorText(t, error) : null} />
    </Dialog>
  );
}
