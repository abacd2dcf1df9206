import type { TodayList } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { useStaff } from '../../app/use-staff.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { PurchaseItems } from './TaskCard.tsx';
import { useReasonText } from './use-reason-text.ts';

type Props = { list: TodayList; filterText: string | null; printedAt: string };

/**
 * The day's list on paper (A4): hidden on screen, the only thing printed. One row per follow-up
 * with a box to tick and room to write what happened, grouped like the screen.
 */
export function TodayPrint({ list, filterText, printedAt }: Props) {
  const { t, fmt } = useLocale();
  const { settings } = useSettings();
  const staff = useStaff();
  const reasonText = useReasonText();
  let number = 0;
  return (
    <section className="today-print" data-testid="today-print">
      <header className="print-header">
        <div>
          <h1 className="print-title">
            {t('today.print.title', { date: fmt.date(list.date, 'full') })}
          </h1>
          {settings.shopName ? <p className="print-shop">{settings.shopName}</p> : null}
        </div>
        <p className="print-counts">
          {t('today.openCount', { count: list.counts.open })}
          {list.counts.overdue > 0
            ? ` · ${t('today.overdue', { count: list.counts.overdue })}`
            : ''}
          {filterText ? (
            <>
              <br />
              {filterText}
            </>
          ) : null}
        </p>
      </header>
      <table className="print-table">
        <colgroup>
          <col className="print-col-check" />
          <col className="print-col-customer" />
          <col className="print-col-reason" />
          <col className="print-col-purchase" />
          <col className="print-col-notes" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('today.print.columnDone')}</span>
            </th>
            <th scope="col">{t('today.print.columnCustomer')}</th>
            <th scope="col">{t('today.print.columnReason')}</th>
            <th scope="col">{t('today.lastPurchase')}</th>
            <th scope="col">{t('today.print.columnNotes')}</th>
          </tr>
        </thead>
        {list.groups.map((group) => (
          <tbody key={`${group.priority}/${group.rule}`}>
            <tr className="print-group">
              <th colSpan={5} scope="colgroup">
                {t(`task.priority.${group.priority}`)} · {t(`task.rule.${group.rule}`)} (
                {fmt.number(group.tasks.length)})
              </th>
            </tr>
            {group.tasks.map((task) => {
              number += 1;
              const assignee = staff.nameOf(task.assigneeId);
              return (
                <tr key={task.id}>
                  <td className="print-check">
                    <span className="print-number">{fmt.number(number)}</span>
                    <span className="print-box" />
                  </td>
                  <td>
                    <strong>{task.customerName}</strong>
                    {task.phone ? (
                      <div>
                        <Ltr>{fmt.phone(task.phone)}</Ltr>
                      </div>
                    ) : null}
                    {task.tier ? <div>{task.tier}</div> : null}
                    {assignee ? <div>{t('today.assignedTo', { name: assignee })}</div> : null}
                  </td>
                  <td>
                    {reasonText(task.reason)}
                    {task.isOverdue ? (
                      <div className="print-overdue">
                        {t('today.overdueSince', { date: fmt.date(task.dueDate) })}
                      </div>
                    ) : null}
                    {task.lastContact?.note ? (
                      <div className="print-last-note">
                        {t('today.lastContact')}: {task.lastContact.note}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {task.lastPurchase ? (
                      <>
                        {fmt.date(task.lastPurchase.localDate)} ·{' '}
                        {fmt.money(task.lastPurchase.amount)}
                        <div>
                          <PurchaseItems className="print-items" items={task.lastPurchase.items} />
                        </div>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="print-notes" />
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <footer className="print-footer">
        {t('today.print.footer', { dateTime: fmt.dateTime(printedAt) })}
      </footer>
    </section>
  );
}
