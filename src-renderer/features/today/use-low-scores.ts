import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { DEFAULT_LOW_SCORES } from './survey-draft.ts';
import type { LowScores } from './survey-draft.ts';

/** The recovery rule's thresholds, for the hint that a score will plan an urgent call. */
export function useLowScores(): LowScores {
  const api = useApi();
  const [low, setLow] = useState<LowScores>(DEFAULT_LOW_SCORES);
  useEffect(() => {
    let isCurrent = true;
    api
      .call('playbook:settings', {})
      .then((settings) => {
        if (isCurrent) setLow(settings.rules.recovery);
      })
      .catch(() => {
        // The defaults are the shipped rule: the hint stays right unless the owner changed it.
      });
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return low;
}
