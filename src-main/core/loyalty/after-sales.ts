import type { PlaybookRunReport } from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import { runPlaybook } from '../playbook/playbook.ts';
import { updateLoyalty } from './loyalty.service.ts';
import type { LoyaltyUpdateReport } from './loyalty.service.ts';

/**
 * Points and tiers after sales changed (an import, an undo, a refund or an edited order): a
 * failing update is logged and never fails the change that caused it; the next update (the
 * daily run, the next read of loyalty figures) catches up, as nothing is lost from the pending
 * list until an update commits.
 */
export const updateLoyaltyQuietly = async (
  ctx: CoreContext,
  options: { date?: string } = {},
): Promise<LoyaltyUpdateReport | null> => {
  try {
    return await updateLoyalty(ctx, options);
  } catch (error) {
    console.error('[loyalty]', error);
    return null;
  }
};

/**
 * Loyalty, then the follow-up playbook, whose near-next-tier rule reads the tiers the update
 * just wrote: what runs after an import, an undo, and once a day.
 */
export const afterSalesChanged = async (
  ctx: CoreContext,
  options: { date?: string } = {},
): Promise<PlaybookRunReport> => {
  await updateLoyaltyQuietly(ctx, options);
  return runPlaybook(ctx, options.date ? { date: options.date } : {});
};
