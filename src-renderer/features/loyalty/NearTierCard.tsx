import type { NearTierCustomer, Page } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { TierBadge } from './TierBadge.tsx';

/**
 * The customers close to the tier above theirs (DESIGN.md §4: within the playbook's margin of its
 * threshold, 10 % unless the owner changed it), closest first: the near-next-tier follow-ups tell
 * them how little is missing.
 */
export function NearTierCard({
  near,
  withinPercent,
}: {
  near: Page<NearTierCustomer>;
  withinPercent: number;
}) {
  const { t, fmt } = useLocale();
  return (
    <section
      className="card loyalty-near"
      aria-labelledby="loyalty-near-title"
      data-testid="loyalty-near"
    >
      <div className="loyalty-heading">
        <h2 id="loyalty-near-title" className="card-title">
          {t('loyalty.near.title')}
          <span className="card-count">{fmt.number(near.total)}</span>
        </h2>
        <p className="muted">{t('loyalty.near.lead', { percent: fmt.number(withinPercent) })}</p>
      </div>
      {near.rows.length === 0 ? (
        <p className="section-empty" data-testid="loyalty-near-empty">
          {t('loyalty.near.empty')}
        </p>
      ) : (
        <>
          <ul className="loyalty-near-list">
            {near.rows.map((row) => {
              const progress = row.next.threshold > 0 ? row.spend / row.next.threshold : 0;
              return (
                <li
                  key={row.customerId}
                  className="loyalty-near-item"
                  data-testid="loyalty-near-row"
                >
                  <div className="loyalty-near-who">
                    <a href={hrefOf({ name: 'customer', id: row.customerId })}>{row.name}</a>
                    {row.phone ? (
                      <span className="muted">
                        <Ltr>{fmt.phone(row.phone)}</Ltr>
                      </span>
                    ) : null}
                  </div>
                  <div className="loyalty-near-tiers">
                    <TierBadge tier={row.tier} isBaseShown />
                    <span aria-hidden="true" className="loyalty-arrow">
                      →
                    </span>
                    <TierBadge tier={row.next} isBaseShown />
                  </div>
                  <div
                    className="loyalty-progress"
                    role="progressbar"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(progress * 100)}
                    aria-label={t('loyalty.near.progress', { tier: row.next.name })}
                  >
                    <span
                      className="loyalty-progress-fill"
                      style={{ inlineSize: `${Math.min(100, progress * 100)}%` }}
                    />
                  </div>
                  <p className="loyalty-near-missing">
                    {t('loyalty.near.missing', {
                      amount: fmt.money(row.missing),
                      tier: row.next.name,
                    })}
                  </p>
                </li>
              );
            })}
          </ul>
          {near.total > near.rows.length ? (
            <p className="muted">
              {t('loyalty.near.more', { shown: near.rows.length, count: near.total })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
