import type { InputOf } from '../../../src-shared/contract/index.ts';
import type { AudienceFilters } from '../../app/router.ts';

/** An audience as the messages channels take it (messages:audience, send, eml, sms-list). */
export type AudienceInput = InputOf<'messages:audience'>['audience'];

/**
 * The audience for the channels: the chosen filters (the whole book when there are none), in the
 * book's own order so the results table reads like the list the owner looked at. Archived
 * customers are never part of an audience, whatever the book showed.
 */
export function audienceInput(
  filters: AudienceFilters,
): Extract<AudienceInput, { filters: unknown }> {
  const search = filters.search?.trim() ?? '';
  return {
    filters: {
      ...(search !== '' && { search }),
      ...(filters.tag && { tag: filters.tag }),
      ...(filters.tier && { tier: filters.tier }),
      ...(filters.rfmSegment && { rfmSegment: filters.rfmSegment }),
      ...(filters.importBatchId && { importBatchId: filters.importBatchId }),
      sort: 'name',
      direction: 'asc',
    },
  };
}

/** True when no filter narrows the audience: the message goes to the whole customer book. */
export const isWholeBook = (filters: AudienceFilters): boolean =>
  !filters.search?.trim() &&
  !filters.tag &&
  !filters.tier &&
  !filters.rfmSegment &&
  !filters.importBatchId;

/** The filters with one of them changed; null removes it. */
export function withFilter<K extends keyof AudienceFilters>(
  filters: AudienceFilters,
  key: K,
  value: AudienceFilters[K] | null,
): AudienceFilters {
  const { [key]: _removed, ...rest } = filters;
  return value === null || value === undefined || value === '' ? rest : { ...rest, [key]: value };
}
