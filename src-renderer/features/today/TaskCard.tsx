import type { Ref } from 'react';
import type { TodayTask } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { useStaff } from '../../app/use-staff.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { useToast } from '../../components/use-toast.ts';
import { KEY_CAPS } from './today-keys.ts';
import type { TodayAction } from './today-keys.ts';
import { useReasonText } from './use-reason-text.ts';

type Props = {
  task: TodayTask;
  isActive: boolean;
  isBusy: boolean;
  cardRef?: Ref<HTMLLIElement>;
  onActivate: () => void;
  onAction: (action: TodayAction) => void;
};

/**
 * One follow-up: who, why, what they bought last and how the last contact went; the active one
 * carries the actions, each with its key.
 */
export function TaskCard({ task, isActive, isBusy, cardRef, onActivate, onAction }: Props) {
  const { t, fmt } = useLocale();
  const staff = useStaff();
  const toast = useToast();
  const reasonText = useReasonText();
  const nameId = `task-${task.id}-name`;
  const assignee = staff.nameOf(task.assigneeId);
  const purchase = task.lastPurchase;
  const contact = task.lastContact;

  const copyPhone = async () => {
    if (!task.phone) return;
    try {
      await navigator.clipboard.writeText(task.phone);
      toast.show({ message: t('today.phoneCopied'), testId: 'phone-copied' });
    } catch {
      toast.show({ message: t('today.copyFailed'), tone: 'error' });
    }
  };

  return (
    <li
      ref={cardRef}
      className={`task-card${isActive ? ' is-active' : ''}${task.isOverdue ? ' is-overdue' : ''}`}
      tabIndex={-1}
      aria-labelledby={nameId}
      aria-current={isActive ? 'true' : undefined}
      onFocus={onActivate}
      onClick={onActivate}
      data-testid="today-task"
      data-task-id={task.id}
      data-rule={task.rule}
    >
      <div className="task-head">
        <div className="task-who">
          <a
            id={nameId}
            className="task-name"
            href={hrefOf({ name: 'customer', id: task.customerId })}
            data-testid="task-name"
          >
            {task.customerName}
          </a>
          {task.tier ? (
            <span className="pill pill-tier" data-testid="task-tier">
              {task.tier}
            </span>
          ) : null}
          {task.isOverdue ? (
            <span className="pill pill-warn" data-testid="task-overdue">
              {t('today.overdueSince', { date: fmt.date(task.dueDate) })}
            </span>
          ) : null}
          {task.attempts > 0 ? (
            <span className="pill">{t('today.attempts', { count: task.attempts })}</span>
          ) : null}
          {assignee ? (
            <span className="pill pill-assignee">{t('today.assignedTo', { name: assignee })}</span>
          ) : null}
        </div>
        {task.phone ? (
          <div className="task-phone">
            <a
              className="phone-link"
              href={`tel:${task.phone}`}
              aria-label={t('today.callPhone', { phone: fmt.phone(task.phone) })}
              data-testid="task-phone"
            >
              <PhoneIcon />
              <Ltr>{fmt.phone(task.phone)}</Ltr>
            </a>
            <button
              type="button"
              className="icon-button copy-button"
              aria-label={t('today.copyPhone')}
              title={t('today.copyPhone')}
              onClick={() => void copyPhone()}
              data-testid="task-copy-phone"
            >
              <CopyIcon />
            </button>
          </div>
        ) : (
          <span className="muted task-phone">{t('today.noPhone')}</span>
        )}
      </div>

      <p className="task-reason" data-testid="task-reason">
        {reasonText(task.reason)}
      </p>
      {task.callBackAt ? (
        <p className="task-callback">
          {t('today.callBackAt', { when: fmt.dateTime(task.callBackAt) })}
        </p>
      ) : null}

      <dl className="task-facts">
        <div className="task-fact">
          <dt>{t('today.lastPurchase')}</dt>
          <dd>
            {purchase ? (
              <>
                <span className="fact-main">
                  {fmt.date(purchase.localDate)}
                  <span className="fact-sep" aria-hidden="true">
                    ·
                  </span>
                  <span className="fact-amount">{fmt.money(purchase.amount)}</span>
                </span>
                {purchase.items.length > 0 ? (
                  <PurchaseItems className="fact-items" items={purchase.items} />
                ) : null}
              </>
            ) : (
              <span className="muted">{t('today.noPurchase')}</span>
            )}
          </dd>
        </div>
        <div className="task-fact">
          <dt>{t('today.lastContact')}</dt>
          <dd data-testid="task-last-contact">
            {contact ? (
              <>
                <span className="fact-main">
                  {fmt.dateTime(contact.occurredAt)}
                  <span className="fact-sep" aria-hidden="true">
                    ·
                  </span>
                  {contact.outcome
                    ? t(`interaction.outcome.${contact.outcome}`)
                    : t(`interaction.channel.${contact.channel}`)}
                  {staff.nameOf(contact.staffId) ? (
                    <span className="muted">
                      {' '}
                      {t('today.byStaff', { name: staff.nameOf(contact.staffId) ?? '' })}
                    </span>
                  ) : null}
                </span>
                {contact.note ? <q className="fact-note">{contact.note}</q> : null}
              </>
            ) : (
              <span className="muted">{t('today.noContact')}</span>
            )}
          </dd>
        </div>
      </dl>

      {isActive ? (
        <ActionBar taskName={task.customerName} isBusy={isBusy} onAction={onAction} />
      ) : null}
    </li>
  );
}

type CardAction = Exclude<TodayAction, 'next' | 'previous' | 'first' | 'last'>;

const ACTIONS: readonly { action: CardAction; tone?: 'primary' }[] = [
  { action: 'reached', tone: 'primary' },
  { action: 'no_answer' },
  { action: 'busy' },
  { action: 'log' },
  { action: 'complete' },
  { action: 'snooze' },
  { action: 'assign' },
  { action: 'dismiss' },
  { action: 'open' },
];

function ActionBar({
  taskName,
  isBusy,
  onAction,
}: {
  taskName: string;
  isBusy: boolean;
  onAction: (action: TodayAction) => void;
}) {
  const { t } = useLocale();
  return (
    <div
      className="task-actions"
      role="group"
      aria-label={t('today.actions', { name: taskName })}
      data-testid="task-actions"
    >
      {ACTIONS.map(({ action, tone }) => (
        <button
          key={action}
          type="button"
          className={`button button-small action-${action}${tone ? ` button-${tone}` : ''}`}
          disabled={isBusy}
          onClick={(event) => {
            event.stopPropagation();
            onAction(action);
          }}
          aria-keyshortcuts={KEY_CAPS[action]}
          data-testid={`action-${action}`}
        >
          {t(`today.action.${action}`)}
          <kbd className="key-cap">{keyCapText(KEY_CAPS[action] ?? '')}</kbd>
        </button>
      ))}
    </div>
  );
}

/**
 * "Blue scarf × 1, Hat × 2": each name isolated as a <bdi>, so a Persian product in an English
 * list (or the other way round) keeps the quantities and commas in their places.
 */
export function PurchaseItems({
  items,
  className,
}: {
  items: readonly { productName: string; quantity: number }[];
  className: string;
}) {
  const { t } = useLocale();
  return (
    <span className={className}>
      {items.map((item, index) => (
        <span key={index}>
          {index > 0 ? t('today.listSeparator') : null}
          <bdi>{item.productName}</bdi> {t('orders.quantityTimes', { quantity: item.quantity })}
        </span>
      ))}
    </span>
  );
}

/** Enter shows as the return arrow; letters as they are printed on the key. */
export const keyCapText = (cap: string): string => (cap === 'Enter' ? '↵' : cap);

function PhoneIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6.6 3.5h2.6l1.4 4.2-2 1.4a12 12 0 0 0 6.3 6.3l1.4-2 4.2 1.4v2.6a2 2 0 0 1-2.2 2A16.5 16.5 0 0 1 4.6 5.7a2 2 0 0 1 2-2.2Z" />
    </svg>
  );
}

function CopyIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="8.5" y="8.5" width="11" height="12" rx="2" />
      <path d="M15.5 8.5V5.5a2 2 0 0 0-2-2h-7a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h2" />
    </svg>
  );
}
