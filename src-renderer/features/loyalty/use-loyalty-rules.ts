import { useEffect, useState } from 'react';
import type { LoyaltyRules } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';

/** The saved loyalty rules (null until they arrive, or if they cannot be read). */
export function useLoyaltyRules(version = 0): LoyaltyRules | null {
  const api = useApi();
  const [rules, setRules] = useState<LoyaltyRules | null>(null);
  useEffect(() => {
    let isCurrent = true;
    api.call('loyalty:settings', {}).then(
      (loaded) => {
        if (isCurrent) setRules(loaded);
      },
      () => {
        // The filter and badges simply do without tier names; the Loyalty screen says why.
        if (isCurrent) setRules(null);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, version]);
  return rules;
}
