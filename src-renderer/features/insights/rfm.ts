import { rfmSegmentOf } from '../../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';

/** The RFM grid as drawn: recency 5 (bought lately) on top, frequency 1…5 along the row. */
export type RfmGridCell = { r: number; f: number; customers: number; segment: RfmSegment };

export const rfmGridCells = (grid: readonly (readonly number[])[]): RfmGridCell[][] =>
  [5, 4, 3, 2, 1].map((r) =>
    [1, 2, 3, 4, 5].map((f) => ({
      r,
      f,
      customers: grid[r - 1]?.[f - 1] ?? 0,
      segment: rfmSegmentOf(r, f),
    })),
  );

/** Each segment's colour class in insights.css, from the best to the most worrying. */
export const SEGMENT_TONES: Readonly<Record<RfmSegment, string>> = {
  champions: 'tone-1',
  loyal: 'tone-2',
  promisingNew: 'tone-3',
  others: 'tone-4',
  needsAttention: 'tone-5',
  atRisk: 'tone-6',
  hibernating: 'tone-7',
};
