import { useCallback, useEffect, useRef, useState } from 'react';
import type { Kpis, KpiSeries } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';

/**
 * What the Insights screen shows for a period: its figures, and its series (which holds the
 * previous period's figures, for the changes).
 */
export type InsightsData = {
  key: string;
  current: Kpis;
  series: KpiSeries;
};

export type Insights = {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  /** The figures on screen (the previous period's choice until the new one's arrive). */
  data: InsightsData | null;
  isRefreshing: boolean;
  retry: () => void;
};

type Range = { from: string; to: string };

/**
 * The figures as of today (the core's day in the shop's zone) for a period, and its monthly
 * series with the previous period's figures: two calls, side by side. A reply for a period the
 * owner has already left is dropped.
 */
export function useInsights(period: Range): Insights {
  const api = useApi();
  const key = JSON.stringify([period.from, period.to]);
  const [data, setData] = useState<InsightsData | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(key);

  useEffect(() => {
    latest.current = key;
    const range = { from: period.from, to: period.to };
    Promise.all([api.call('kpis:get', range), api.call('kpis:series', range)]).then(
      ([current, series]) => {
        if (latest.current !== key) return;
        setData({ key, current, series });
        setFailure(null);
      },
      (error: unknown) => {
        if (latest.current === key) setFailure({ key, error });
      },
    );
  }, [api, key, period.from, period.to, attempt]);

  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((n) => n + 1);
  }, []);

  const isFailed = failure !== null && failure.key === key;
  return {
    status: isFailed ? 'failed' : data ? 'ready' : 'loading',
    error: isFailed ? failure.error : null,
    data,
    isRefreshing: data !== null && data.key !== key && !isFailed,
    retry,
  };
}

export type SeriesState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; series: KpiSeries };

/** The monthly series of a fixed range (the focus figure's months); nothing asked while null. */
export function useSeries(range: Range | null): SeriesState {
  const api = useApi();
  const [state, setState] = useState<{ key: string; state: SeriesState } | null>(null);
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  const key = JSON.stringify([from, to]);
  useEffect(() => {
    if (from === null || to === null) return;
    let isActive = true;
    api.call('kpis:series', { from, to }).then(
      (series) => {
        if (isActive) setState({ key, state: { status: 'ready', series } });
      },
      (error: unknown) => {
        if (isActive) setState({ key, state: { status: 'failed', error } });
      },
    );
    return () => {
      isActive = false;
    };
  }, [api, key, from, to]);
  return state && state.key === key ? state.state : { status: 'loading' };
}
