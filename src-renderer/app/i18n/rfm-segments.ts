import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';

/** The RFM segments' names (DESIGN.md §3), for the Insights grid and the Customers filter. */
export const SEGMENT_NAMES: Readonly<Record<RfmSegment, MessageKey>> = {
  champions: 'rfm.segment.champions',
  loyal: 'rfm.segment.loyal',
  promisingNew: 'rfm.segment.promisingNew',
  needsAttention: 'rfm.segment.needsAttention',
  atRisk: 'rfm.segment.atRisk',
  hibernating: 'rfm.segment.hibernating',
  others: 'rfm.segment.others',
};
