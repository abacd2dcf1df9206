import { useCallback, useEffect, useState } from 'react';
import type {
  LoyaltyCustomer,
  PointsEntry,
  TierChange,
} from '../../../src-shared/contract/index.ts';
import type { Formatter } from '../../app/i18n/format.ts';
import { formatNumber } from '../../../src-shared/i18n/locale.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useToast } from '../../components/use-toast.ts';
import { PointsDialog } from './PointsDialog.tsx';
import type { PointsMode } from './PointsDialog.tsx';
import { TierBadge } from './TierBadge.tsx';
import './loyalty.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; loyalty: LoyaltyCustomer };

/** The ledger rows shown before "show all". */
const LEDGER_SHOWN = 8;

type Props = {
  customerId: string;
  customerName: string;
  /** Merged or archived customers show their points but take no new ones by hand. */
  isReadOnly: boolean;
  /** Bumped when the customer's orders change, so the card reads again. */
  version?: string;
};

/**
 * A customer's loyalty in their profile: tier and how long it is held, the way to the next tier,
 * the points balance with its ledger, adjustments and redemptions, and the tier's history.
 */
export function LoyaltyCard({ customerId, customerName, isReadOnly, version }: Props) {
  const { t } = useLocale();
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', loyalty: await api.call('loyalty:customer', { customerId }) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api, customerId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <section
      className="card loyalty-card"
      aria-labelledby="profile-loyalty"
      data-testid="profile-loyalty"
    >
      <h2 id="profile-loyalty" className="card-title">
        {t('loyalty.card.title')}
      </h2>
      {state.status === 'loading' ? (
        <div
          className="skeleton loyalty-card-skeleton"
          aria-busy="true"
          aria-label={t('common.loading')}
        />
      ) : state.status === 'failed' ? (
        <LoadFailed
          inline
          title={t('loyalty.card.loadFailed')}
          error={state.error}
          onRetry={() => void load()}
        />
      ) : (
        <LoyaltyDetails
          loyalty={state.loyalty}
          customerName={customerName}
          isReadOnly={isReadOnly}
          onChange={(loyalty) => setState({ status: 'ready', loyalty })}
        />
      )}
    </section>
  );
}

function LoyaltyDetails({
  loyalty,
  customerName,
  isReadOnly,
  onChange,
}: {
  loyalty: LoyaltyCustomer;
  customerName: string;
  isReadOnly: boolean;
  onChange: (loyalty: LoyaltyCustomer) => void;
}) {
  const { t, fmt, locale } = useLocale();
  const toast = useToast();
  const [dialog, setDialog] = useState<PointsMode | null>(null);
  const [isLedgerOpen, setLedgerOpen] = useState(false);
  const { next } = loyalty;
  const progress = next && next.tier.threshold > 0 ? loyalty.spend / next.tier.threshold : 1;
  const ledger = isLedgerOpen ? loyalty.ledger : loyalty.ledger.slice(0, LEDGER_SHOWN);

  return (
    <div className="loyalty-details">
      <div className="loyalty-standing">
        <div className="loyalty-standing-tier">
          <TierBadge tier={loyalty.tier} isBaseShown />
          <p className="muted" data-testid="loyalty-spend">
            {t(
              loyalty.window === 'jalaliYear' ? 'loyalty.card.spendYear' : 'loyalty.card.spend12',
              {
                amount: fmt.money(loyalty.spend),
              },
            )}
          </p>
          {loyalty.heldUntil ? (
            <p className="muted" data-testid="loyalty-held">
              {t('loyalty.card.held', {
                tier: loyalty.tier.name,
                date: fmt.date(loyalty.heldUntil),
                reached: fmt.date(loyalty.reachedOn),
              })}
            </p>
          ) : null}
        </div>
        <div className="loyalty-standing-points">
          <span className="loyalty-balance" data-testid="loyalty-balance">
            {fmt.number(loyalty.balance)}
          </span>
          <span className="muted">{t('loyalty.card.points')}</span>
        </div>
      </div>

      {next ? (
        <div className="loyalty-next">
          <div
            className="loyalty-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(1, progress) * 100)}
            aria-label={t('loyalty.near.progress', { tier: next.tier.name })}
          >
            <span
              className={`loyalty-progress-fill${next.isNear ? ' is-near' : ''}`}
              style={{ inlineSize: `${Math.min(100, progress * 100)}%` }}
            />
          </div>
          <p className="muted" data-testid="loyalty-next">
            {t('loyalty.near.missing', { amount: fmt.money(next.missing), tier: next.tier.name })}
          </p>
        </div>
      ) : (
        <p className="muted" data-testid="loyalty-next">
          {t('loyalty.card.top')}
        </p>
      )}

      <div className="loyalty-actions">
        <button
          type="button"
          className="button button-small"
          disabled={isReadOnly}
          onClick={() => setDialog('redeem')}
          data-testid="loyalty-redeem"
        >
          {t('loyalty.points.redeem')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={isReadOnly}
          onClick={() => setDialog('adjust')}
          data-testid="loyalty-adjust"
        >
          {t('loyalty.points.adjust')}
        </button>
      </div>

      <div className="loyalty-ledger">
        <h3 className="loyalty-subtitle">{t('loyalty.ledger.title')}</h3>
        {loyalty.ledger.length === 0 ? (
          <p className="muted" data-testid="loyalty-ledger-empty">
            {t('loyalty.ledger.empty')}
          </p>
        ) : (
          <ul className="loyalty-ledger-list" data-testid="loyalty-ledger">
            {ledger.map((entry) => (
              <li key={entry.id} className="loyalty-ledger-row" data-testid="loyalty-ledger-row">
                <span className="loyalty-ledger-date">{fmt.date(entry.localDate, 'short')}</span>
                <span className="loyalty-ledger-what">{entryText(t, fmt, entry)}</span>
                <span className={`loyalty-ledger-points${entry.points < 0 ? ' is-minus' : ''}`}>
                  {formatNumber(entry.points, locale, { signDisplay: 'exceptZero' })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {loyalty.ledger.length > LEDGER_SHOWN ? (
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={isLedgerOpen}
            onClick={() => setLedgerOpen((open) => !open)}
          >
            {isLedgerOpen
              ? t('loyalty.ledger.less')
              : t('loyalty.ledger.all', { count: loyalty.ledger.length })}
          </button>
        ) : null}
      </div>

      {loyalty.history.length > 0 ? (
        <div className="loyalty-history">
          <h3 className="loyalty-subtitle">{t('loyalty.history.title')}</h3>
          <ul className="loyalty-history-list" data-testid="loyalty-history">
            {loyalty.history.map((change) => (
              <li key={change.id} className="loyalty-history-row">
                <span className="loyalty-ledger-date">{fmt.date(change.changedOn, 'short')}</span>
                <span>{changeText(t, change)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {dialog ? (
        <PointsDialog
          mode={dialog}
          customerId={loyalty.customerId}
          customerName={customerName}
          balance={loyalty.balance}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            onChange(updated);
            toast.show({
              message: t(
                dialog === 'adjust' ? 'loyalty.points.adjusted' : 'loyalty.points.redeemed',
                {
                  points: fmt.number(updated.balance),
                },
              ),
              tone: 'success',
              testId: 'points-toast',
            });
          }}
        />
      ) : null}
    </div>
  );
}

/** A ledger row in words: why the points came or went. */
export function entryText(t: T, fmt: Formatter, entry: PointsEntry): string {
  const amount = fmt.money(Math.abs(entry.spend));
  switch (entry.cause) {
    case 'order':
      return t('loyalty.ledger.order', { amount });
    case 'refund':
      return t('loyalty.ledger.refund', { amount });
    case 'order_removed':
      return t('loyalty.ledger.removed');
    case 'order_moved':
      return t('loyalty.ledger.moved');
    case 'expiry':
      return t(entry.points < 0 ? 'loyalty.ledger.expired' : 'loyalty.ledger.unexpired');
    case 'merge':
      return t(entry.points < 0 ? 'loyalty.ledger.mergedTo' : 'loyalty.ledger.mergedFrom', {
        name: entry.reason,
      });
    case 'manual':
      if (entry.kind === 'redeem') {
        return entry.reason
          ? t('loyalty.ledger.redeemedFor', { reason: entry.reason })
          : t('loyalty.ledger.redeemed');
      }
      return t('loyalty.ledger.adjusted', { reason: entry.reason });
  }
}

/** A tier change in words. */
export function changeText(t: T, change: TierChange): string {
  const params = { from: change.from?.name ?? '', tier: change.tier.name };
  switch (change.cause) {
    case 'spend':
      return t('loyalty.history.spend', params);
    case 'hold_ended':
      return t('loyalty.history.holdEnded', params);
    case 'orders_changed':
      return t('loyalty.history.ordersChanged', params);
    case 'rules_changed':
      return t('loyalty.history.rulesChanged', params);
  }
}
