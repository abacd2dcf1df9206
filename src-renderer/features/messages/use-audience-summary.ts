import { useCallback, useEffect, useState } from 'react';
import type { AudienceSummary } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import type { AudienceInput } from './send-audience.ts';

export type AudienceCount =
  | { status: 'loading'; summary: AudienceSummary | null }
  | { status: 'ready'; summary: AudienceSummary }
  | { status: 'failed'; summary: null; error: unknown };

/**
 * How many of an audience the template's channel reaches, counted again whenever the audience
 * (kept stable by the caller) or the template changes; the last count stays on show, dimmed,
 * while the next one comes. recount() asks afresh, for a confirmation that must be exact.
 */
export function useAudienceSummary(
  templateId: string,
  audience: AudienceInput,
): { count: AudienceCount; recount: () => Promise<AudienceSummary> } {
  const api = useApi();
  const [count, setCount] = useState<AudienceCount>({ status: 'loading', summary: null });

  const recount = useCallback(
    () => api.call('messages:audience', { templateId, audience }),
    [api, templateId, audience],
  );

  useEffect(() => {
    let isCurrent = true;
    setCount((current) => ({ status: 'loading', summary: current.summary }));
    recount().then(
      (summary) => {
        if (isCurrent) setCount({ status: 'ready', summary });
      },
      (error: unknown) => {
        if (isCurrent) setCount({ status: 'failed', summary: null, error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [recount]);

  return { count, recount };
}
