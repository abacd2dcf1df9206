import type { RejectReason } from '../../../src-shared/domain/import-fields.ts';

type Params = Record<string, string | number>;

/**
 * Why a row was rejected, in English: the CLI's `reason` and the rejected-rows CSV. The UI shows
 * the same reasons from its catalogues by code.
 */
const MESSAGES: Record<RejectReason, (params: Params) => string> = {
  nul_bytes: () => 'the row contains NUL bytes (binary data, not text)',
  extra_fields: (p) => `the row has ${p.count} fields but the header has ${p.expected}`,
  missing_date: () => 'the date is empty',
  bad_date: (p) => `"${p.value}" is not a date`,
  impossible_date: (p) => `"${p.value}" is not a real calendar day`,
  bad_time: (p) => `"${p.value}" is not a time of day`,
  ambiguous_year: (p) => `"${p.value}" has a two-digit year, which is ambiguous here`,
  missing_amount: () => 'there is no amount (no total, and no price or line total)',
  bad_amount: (p) => `"${p.value}" is not an amount`,
  bad_quantity: (p) => `"${p.value}" is not a quantity`,
  bad_price: (p) => `"${p.value}" is not a price`,
  bad_discount: (p) => `"${p.value}" is not a discount amount`,
  receipt_rejected: (p) =>
    `another line of the same receipt (line ${p.line}) was rejected, so the whole receipt was`,
};

export const rejectMessage = (reason: RejectReason, params: Params): string =>
  MESSAGES[reason](params);
