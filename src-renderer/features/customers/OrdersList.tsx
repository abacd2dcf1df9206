import type { Order } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';

/** The customer's orders, newest first, each with its items, refunds and status. */
export function OrdersList({ orders }: { orders: readonly Order[] }) {
  const { t, fmt } = useLocale();
  if (orders.length === 0) {
    return (
      <p className="section-empty" data-testid="orders-empty">
        {t('orders.empty')}
      </p>
    );
  }
  const newestFirst = [...orders].sort((a, b) => b.orderedAt.localeCompare(a.orderedAt));
  return (
    <ol className="order-list" data-testid="orders-list">
      {newestFirst.map((order) => (
        <li key={order.id} className="order" data-testid="order">
          <div className="order-head">
            <div className="order-when">
              <span className="order-date">{fmt.dateTime(order.orderedAt)}</span>
              {order.externalId ? (
                <span className="muted">{t('orders.receipt', { id: order.externalId })}</span>
              ) : null}
            </div>
            <span className={`pill pill-status-${order.status}`}>
              {t(`orders.status.${order.status}`)}
            </span>
            <div className="order-amounts">
              <span className="order-total">{fmt.money(order.total - order.refunded)}</span>
              {order.refunded > 0 ? (
                <span className="order-refund">
                  {t('orders.refundedOf', {
                    refunded: fmt.money(order.refunded),
                    total: fmt.money(order.total),
                  })}
                </span>
              ) : null}
            </div>
          </div>
          {order.items.length > 0 ? (
            <table className="items-table">
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">{t('orders.product')}</th>
                  <th scope="col">{t('orders.quantity')}</th>
                  <th scope="col">{t('orders.unitPrice')}</th>
                  <th scope="col">{t('orders.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((item) => (
                  <tr key={item.line}>
                    <td className="item-name">
                      {item.productName}
                      {item.category ? <span className="muted"> · {item.category}</span> : null}
                    </td>
                    <td className="align-end muted">
                      {t('orders.quantityTimes', { quantity: item.quantity })}
                    </td>
                    <td className="align-end muted">{fmt.money(item.unitPrice)}</td>
                    <td className="align-end">{fmt.money(item.lineTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {order.note ? <p className="order-note">{order.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
