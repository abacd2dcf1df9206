import { AppError } from '../../../src-shared/contract/errors.ts';
import type { DayOrder } from './values.ts';

/**
 * How a run stops early, shared by its two threads. Kept apart from the reading code so the
 * writing thread, which only needs these, does not load the parsers at its start.
 */

export const cancelled = (): AppError =>
  new AppError('cancelled', 'The import was cancelled; nothing was written.', {
    reason: 'cancelled',
  });

/** Thrown when an 'auto' day/month order turns out wrong before anything confirmed it. */
export class DayOrderFlip extends Error {
  readonly order: DayOrder;
  constructor(order: DayOrder) {
    super(`day order is ${order}`);
    this.order = order;
  }
}
