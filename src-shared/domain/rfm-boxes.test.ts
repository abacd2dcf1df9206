import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, rfmScoring, rfmSegmentBoxes, rfmSegmentOf, rfmSegments } from './kpis.ts';
import type { RfmBox, RfmCell } from './kpis.ts';

const inBox = (cell: RfmCell, box: RfmBox) =>
  box.recencyDays[0] <= cell.recencyDays &&
  cell.recencyDays <= box.recencyDays[1] &&
  box.purchaseDays[0] <= cell.purchaseDays &&
  cell.purchaseDays <= box.purchaseDays[1];

const cells = fc.array(
  fc.record({
    recencyDays: fc.integer({ min: 0, max: 900 }),
    purchaseDays: fc.integer({ min: 1, max: 12 }),
    customers: fc.integer({ min: 1, max: 40 }),
  }),
  { minLength: 1, maxLength: 60 },
);

describe('RFM segments as boxes of recency and purchase days (the Customers list filter)', () => {
  it('put every customer in exactly the boxes of their own segment, by quintile or fixed', () => {
    fc.assert(
      fc.property(cells, (population) => {
        const { recencyScore, frequencyScore } = rfmScoring(population);
        const counts = rfmSegments(population).segments;
        for (const segment of RFM_SEGMENTS) {
          const boxes = rfmSegmentBoxes(population, segment);
          let inSegment = 0;
          for (const cell of population) {
            const own =
              rfmSegmentOf(recencyScore(cell.recencyDays), frequencyScore(cell.purchaseDays)) ===
              segment;
            const matches = boxes.filter((box) => inBox(cell, box)).length;
            // Never in two boxes of a segment, and in one exactly when it is the cell's segment.
            expect(matches).toBe(own ? 1 : 0);
            if (matches) inSegment += cell.customers;
          }
          expect(inSegment).toBe(counts[segment]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes Champions one box and no box for an empty segment (fixed thresholds)', () => {
    const population: RfmCell[] = [
      { recencyDays: 10, purchaseDays: 6, customers: 3 },
      { recencyDays: 50, purchaseDays: 4, customers: 2 },
      { recencyDays: 5, purchaseDays: 5, customers: 1 },
      { recencyDays: 400, purchaseDays: 1, customers: 4 },
    ];
    expect(rfmSegmentBoxes(population, 'champions')).toEqual([
      { recencyDays: [5, 50], purchaseDays: [4, 6] },
    ]);
    expect(rfmSegmentBoxes(population, 'atRisk')).toEqual([]);
    expect(rfmSegmentBoxes(population, 'hibernating')).toEqual([
      { recencyDays: [400, 400], purchaseDays: [1, 1] },
    ]);
  });

  it('scores R by quintile: about a fifth of the customers in each R score', () => {
    const population: RfmCell[] = Array.from({ length: 30 }, (_, i) => ({
      recencyDays: (i * 41) % 365,
      purchaseDays: 1 + (i % 7),
      customers: 5 + (i % 3),
    }));
    const { method, grid, customers } = rfmSegments(population);
    expect(method).toBe('quintiles');
    expect(customers).toBe(population.reduce((sum, cell) => sum + cell.customers, 0));
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(customers);
    for (const row of grid) {
      const inRow = row.reduce((a, b) => a + b, 0);
      expect(inRow).toBeGreaterThan(customers / 5 - 12);
      expect(inRow).toBeLessThan(customers / 5 + 12);
    }
  });
});
