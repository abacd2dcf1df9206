import type { TierBadge as Tier } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import './loyalty.css';

/**
 * A loyalty tier as a small badge; its colour follows its place (rank 1, 2, … above the base).
 * `isBaseShown`: also for the base tier, which every customer starts in (the profile shows it;
 * lists leave it out, so the members stand out).
 */
export function TierBadge({
  tier,
  isBaseShown = false,
}: {
  tier: Tier | null | undefined;
  isBaseShown?: boolean;
}) {
  const { t } = useLocale();
  if (!tier || (tier.rank === 0 && !isBaseShown)) return null;
  return (
    <span
      className={`tier-badge tier-rank-${Math.min(tier.rank, 4)}`}
      title={t('loyalty.badge.title', { tier: tier.name })}
      data-testid="tier-badge"
      data-tier={tier.id}
    >
      <svg className="tier-badge-icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M8 1.8 9.8 5.5l4 .6-2.9 2.8.7 4L8 11l-3.6 1.9.7-4L2.2 6.1l4-.6z" />
      </svg>
      <span className="visually-hidden">{t('loyalty.badge.label')} </span>
      {tier.name}
    </span>
  );
}
