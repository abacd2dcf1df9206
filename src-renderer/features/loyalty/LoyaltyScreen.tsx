import { useCallback, useEffect, useState } from 'react';
import type {
  LoyaltyRules,
  NearTierCustomer,
  Page,
  TierDistribution,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { NearTierCard } from './NearTierCard.tsx';
import { TierDistributionCard } from './TierDistributionCard.tsx';
import { TierRulesEditor } from './TierRulesEditor.tsx';
import './loyalty.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

type Loaded = {
  rules: LoyaltyRules;
  distribution: TierDistribution;
  near: Page<NearTierCustomer>;
  withinPercent: number;
};

type State =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: Loaded };

/** How many of the closest customers the list shows. */
const NEAR_SHOWN = 50;

/**
 * Loyalty (DESIGN.md §2, §7): how many customers each tier holds, who is close to the next tier,
 * and the rules: tiers, their window, points and expiry, with a live preview before saving.
 */
export function LoyaltyScreen() {
  const { t } = useLocale();
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const [rules, distribution, near, playbook] = await Promise.all([
        api.call('loyalty:settings', {}),
        api.call('loyalty:distribution', {}),
        api.call('loyalty:near-next-tier', { limit: NEAR_SHOWN }),
        api.call('playbook:settings', {}),
      ]);
      setState({
        status: 'ready',
        data: {
          rules,
          distribution,
          near,
          withinPercent: playbook.rules.near_next_tier.withinPercent,
        },
      });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="screen loyalty-screen" data-testid="loyalty-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('loyalty.title')}</h1>
          <p className="screen-subtitle">{t('loyalty.lead')}</p>
        </div>
      </header>
      {state.status === 'loading' ? (
        <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />
      ) : state.status === 'failed' ? (
        <LoadFailed
          title={t('loyalty.loadFailed')}
          error={state.error}
          onRetry={() => void load()}
          testId="loyalty-error"
        />
      ) : (
        <>
          <div className="loyalty-columns">
            <TierDistributionCard distribution={state.data.distribution} />
            <NearTierCard near={state.data.near} withinPercent={state.data.withinPercent} />
          </div>
          <TierRulesEditor
            rules={state.data.rules}
            current={state.data.distribution}
            onSaved={() => void load()}
          />
        </>
      )}
    </div>
  );
}
