import { useCallback, useEffect, useState } from 'react';
import type {
  ContactResult,
  Customer,
  CustomerProfile as Profile,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { whenLeaveAllowed } from '../../app/leave-guard.ts';
import { hrefOf, navigate } from '../../app/router.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { LoyaltyCard } from '../loyalty/LoyaltyCard.tsx';
import { TierBadge } from '../loyalty/TierBadge.tsx';
import { useToast } from '../../components/use-toast.ts';
import { ContactForm } from './ContactForm.tsx';
import { LogContactDialog } from './LogContactDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { OrdersList } from './OrdersList.tsx';
import { SurveyDialog } from './SurveyDialog.tsx';
import { Timeline } from './Timeline.tsx';
import './customers.css';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; profile: Profile };

type Props = { id: string; onCustomersChanged: () => void };

/** One customer's 360° view: contact details, orders, and the timeline of contacts. */
export function CustomerProfile({ id, onCustomersChanged }: Props) {
  const { t } = useLocale();
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', profile: await api.call('customers:get', { id }) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') {
    return (
      <div className="screen" aria-busy="true">
        <BackLink />
        <div className="profile-skeleton" aria-label={t('common.loading')} />
      </div>
    );
  }
  if (state.status === 'failed') {
    const isMissing = isApiError(state.error) && state.error.code === 'not_found';
    return (
      <div className="screen">
        <BackLink />
        <div className="empty-state" role="alert" data-testid="profile-error">
          <p className="empty-title">
            {isMissing ? t('customer.notFound') : t('customer.loadFailed')}
          </p>
          {isMissing ? null : <p>{errorText(t, state.error)}</p>}
          {isMissing ? null : (
            <button type="button" className="button" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <ProfileView
      profile={state.profile}
      onChange={(profile) => setState({ status: 'ready', profile })}
      onCustomersChanged={onCustomersChanged}
    />
  );
}

function BackLink() {
  const { t } = useLocale();
  return (
    <a className="back-link" href={hrefOf({ name: 'customers' })} data-testid="profile-back">
      <span className="back-arrow" aria-hidden="true">
        ←
      </span>
      {t('customer.back')}
    </a>
  );
}

function ProfileView({
  profile,
  onChange,
  onCustomersChanged,
}: {
  profile: Profile;
  onChange: (profile: Profile) => void;
  onCustomersChanged: () => void;
}) {
  const { t, fmt, locale, calendar } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [isMerging, setMerging] = useState(false);
  const [isArchiving, setArchiving] = useState(false);
  const [contactDialog, setContactDialog] = useState<'contact' | 'survey' | null>(null);
  const { customer, orders, timeline, tasks, surveys } = profile;

  /** After a contact or a score: the timeline again, and word of a recovery call it planned. */
  const contactLogged = async (result: ContactResult, message: string) => {
    setContactDialog(null);
    toast.show(
      result.recoveryTask
        ? { message: t('today.toast.recovery', { name: customer.name }), testId: 'recovery-toast' }
        : { message, tone: 'success', testId: 'contact-toast' },
    );
    try {
      onChange(await api.call('customers:get', { id: customer.id }));
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    }
  };

  const setCustomer = (next: Customer) => {
    onChange({ ...profile, customer: next });
    onCustomersChanged();
  };

  const setArchived = async (archived: boolean) => {
    const next = await api.call('customers:archive', { id: customer.id, archived });
    onCustomersChanged();
    return next;
  };

  const archive = async () => {
    setArchiving(true);
    try {
      const next = await setArchived(true);
      setCustomer(next);
      navigate({ name: 'customers' });
      toast.show({
        message: t('customer.archivedToast', { name: customer.name }),
        testId: 'archive-toast',
        action: {
          label: t('common.undo'),
          onAction: async () => {
            try {
              await setArchived(false);
              toast.show({ message: t('customer.restoredToast', { name: customer.name }) });
            } catch (error) {
              toast.show({ message: errorText(t, error), tone: 'error' });
            }
          },
        },
      });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
      setArchiving(false);
    }
  };

  const restore = async () => {
    try {
      setCustomer(await setArchived(false));
      toast.show({ message: t('customer.restoredToast', { name: customer.name }) });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    }
  };

  const isMerged = customer.mergedIntoId !== null;

  return (
    <div className="screen profile" data-testid="customer-profile">
      <BackLink />
      <header className="profile-header">
        <div className="avatar" aria-hidden="true">
          {Array.from(customer.name.trim())[0] ?? '?'}
        </div>
        <div className="profile-heading">
          <h1 className="screen-title" data-testid="profile-name">
            {customer.name}
          </h1>
          <TierBadge tier={customer.tier} />
          <p className="profile-contact">
            {customer.phone ? <Ltr>{fmt.phone(customer.phone)}</Ltr> : null}
            {customer.phone && customer.email ? <span className="dot-sep">·</span> : null}
            {customer.email ? <Ltr>{customer.email}</Ltr> : null}
            {customer.doNotContact ? (
              <span className="pill pill-warn">{t('customer.doNotContact')}</span>
            ) : null}
          </p>
        </div>
        <div className="profile-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setContactDialog('contact')}
            disabled={isMerged || customer.archivedAt !== null}
            data-testid="profile-log-contact"
          >
            {t('today.contact.log')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setContactDialog('survey')}
            disabled={isMerged || customer.archivedAt !== null}
            data-testid="profile-record-score"
          >
            {t('survey.record')}
          </button>
          <button
            type="button"
            className="button"
            // The merge replaces the form's record: unsaved edits are confirmed away first.
            onClick={() => whenLeaveAllowed(() => setMerging(true))}
            disabled={isMerged || customer.archivedAt !== null}
            data-testid="profile-merge"
          >
            {t('customer.merge')}
          </button>
          {customer.archivedAt === null ? (
            <button
              type="button"
              className="button"
              onClick={() => whenLeaveAllowed(() => void archive())}
              disabled={isArchiving || isMerged}
              data-testid="profile-archive"
            >
              {t('customer.archive')}
            </button>
          ) : null}
        </div>
      </header>

      {isMerged ? (
        <div className="notice" data-testid="profile-merged">
          <span>{t('customer.mergedNotice')}</span>
          <a
            className="button button-small"
            href={hrefOf({ name: 'customer', id: customer.mergedIntoId ?? '' })}
          >
            {t('customer.openMergedInto')}
          </a>
        </div>
      ) : customer.archivedAt !== null ? (
        <div className="notice" data-testid="profile-archived">
          <span>{t('customer.archivedNotice', { date: fmt.date(customer.archivedAt) })}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => whenLeaveAllowed(() => void restore())}
          >
            {t('customer.restore')}
          </button>
        </div>
      ) : null}

      <dl className="stats" aria-label={t('customer.summary')}>
        <Stat label={t('customers.column.orders')} value={fmt.number(customer.orders)} />
        <Stat label={t('customers.column.totalSpent')} value={fmt.money(customer.totalSpent)} />
        <Stat
          label={t('customers.column.firstPurchase')}
          value={fmt.date(customer.firstPurchaseAt)}
        />
        <Stat
          label={t('customers.column.lastPurchase')}
          value={fmt.date(customer.lastPurchaseAt)}
        />
      </dl>

      <div className="profile-columns">
        <div className="profile-main">
          <section className="card" aria-labelledby="profile-details">
            <h2 id="profile-details" className="card-title">
              {t('customer.detailsTitle')}
            </h2>
            {/* Saved, or shown in another language or calendar: the form starts again from the record. */}
            <ContactForm
              key={`${customer.updatedAt}|${locale}|${calendar}`}
              customer={customer}
              onSaved={setCustomer}
            />
          </section>
          <LoyaltyCard
            customerId={customer.id}
            customerName={customer.name}
            isReadOnly={isMerged || customer.archivedAt !== null}
            version={`${customer.totalSpent}|${customer.orders}|${customer.updatedAt}`}
          />
          <section className="card" aria-labelledby="profile-orders">
            <h2 id="profile-orders" className="card-title">
              {t('orders.title')}
              <span className="card-count">{fmt.number(orders.length)}</span>
            </h2>
            <OrdersList orders={orders} />
          </section>
        </div>
        <section className="card profile-side" aria-labelledby="profile-timeline">
          <h2 id="profile-timeline" className="card-title">
            {t('timeline.title')}
          </h2>
          <Timeline timeline={timeline} tasks={tasks} surveys={surveys} />
        </section>
      </div>

      {contactDialog === 'contact' ? (
        <LogContactDialog
          customer={customer}
          onClose={() => setContactDialog(null)}
          onLogged={(result) => void contactLogged(result, t('today.contact.logged'))}
        />
      ) : contactDialog === 'survey' ? (
        <SurveyDialog
          customer={customer}
          onClose={() => setContactDialog(null)}
          onRecorded={(result) => void contactLogged(result, t('survey.recorded'))}
        />
      ) : null}

      {isMerging ? (
        <MergeDialog
          keep={customer}
          onClose={() => setMerging(false)}
          onMerged={(merged) => {
            setMerging(false);
            onChange(merged);
            onCustomersChanged();
            toast.show({ message: t('merge.done'), tone: 'success', testId: 'merge-toast' });
          }}
        />
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
    </div>
  );
}
