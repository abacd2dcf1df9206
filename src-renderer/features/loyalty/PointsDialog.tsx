import { useState } from 'react';
import type { FormEvent } from 'react';
import type { LoyaltyCustomer } from '../../../src-shared/contract/index.ts';
import { LOYALTY_LIMITS } from '../../../src-shared/domain/loyalty.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useApi } from '../../api/use-api.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';

export type PointsMode = 'adjust' | 'redeem';

type Props = {
  mode: PointsMode;
  customerId: string;
  customerName: string;
  balance: number;
  onClose: () => void;
  onDone: (loyalty: LoyaltyCustomer) => void;
};

/** The loyalty failures a staff member can put right, in words; the rest as any error. */
export function pointsErrorText(t: T, error: unknown): string {
  if (isApiError(error) && error.code === 'conflict') {
    const { reason, balance } = error.details;
    if (reason === 'not_enough_points') {
      return t('loyalty.points.notEnough', { balance: typeof balance === 'number' ? balance : 0 });
    }
  }
  return errorText(t, error);
}

/**
 * Points by hand: an adjustment (add, or take away with a minus sign) always with a reason, or a
 * redemption (the customer spends points) with an optional note. Neither takes the balance
 * below 0.
 */
export function PointsDialog({ mode, customerId, customerName, balance, onClose, onDone }: Props) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const { settings } = useSettings();
  const [pointsText, setPointsText] = useState('');
  const [reason, setReason] = useState('');
  const [pointsError, setPointsError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = normaliseDigits(pointsText)
      .replace(/[\s,\u066c]/g, '')
      .replace('\u2212', '-');
    const points = /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
    const isValid =
      Number.isSafeInteger(points) &&
      points !== 0 &&
      Math.abs(points) <= LOYALTY_LIMITS.pointsMax &&
      (mode === 'adjust' || points > 0);
    setPointsError(
      isValid
        ? null
        : t(mode === 'adjust' ? 'loyalty.points.adjustInvalid' : 'loyalty.points.redeemInvalid'),
    );
    const isReasonMissing = mode === 'adjust' && reason.trim() === '';
    setReasonError(isReasonMissing ? t('loyalty.points.reasonRequired') : null);
    if (!isValid || isReasonMissing) return;
    if (balance + (mode === 'adjust' ? points : -points) < 0) {
      setPointsError(t('loyalty.points.notEnough', { balance }));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const staffId = settings.currentStaffId;
      const result =
        mode === 'adjust'
          ? await api.call('loyalty:adjust', { customerId, points, reason: reason.trim(), staffId })
          : await api.call('loyalty:redeem', {
              customerId,
              points,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
              staffId,
            });
      onDone(result);
    } catch (error) {
      setFormError(pointsErrorText(t, error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t(mode === 'adjust' ? 'loyalty.points.adjustTitle' : 'loyalty.points.redeemTitle', {
        name: customerName,
      })}
      onClose={onClose}
      isDismissible={!isBusy}
      testId="points-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{t('loyalty.points.balanceNow', { points: fmt.number(balance) })}</p>
        <Field
          label={t(mode === 'adjust' ? 'loyalty.points.adjustLabel' : 'loyalty.points.redeemLabel')}
          hint={mode === 'adjust' ? t('loyalty.points.adjustHint') : undefined}
          error={pointsError}
          testId="points-amount"
        >
          {(control) => (
            <input
              {...control}
              className="input input-medium"
              inputMode={mode === 'adjust' ? 'text' : 'numeric'}
              autoComplete="off"
              value={pointsText}
              onChange={(event) => {
                setPointsText(event.target.value);
                setPointsError(null);
              }}
              data-autofocus
              data-testid="points-amount"
            />
          )}
        </Field>
        <Field
          label={t(mode === 'adjust' ? 'loyalty.points.reason' : 'loyalty.points.note')}
          error={reasonError}
          testId="points-reason"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={LOYALTY_LIMITS.reasonMax}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
              data-testid="points-reason"
            />
          )}
        </Field>
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t(
            mode === 'adjust' ? 'loyalty.points.adjustSave' : 'loyalty.points.redeemSave',
          )}
          submitTestId="points-save"
        />
      </form>
    </Dialog>
  );
}
