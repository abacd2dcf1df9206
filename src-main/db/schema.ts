import type { Generated } from 'kysely';

/** Row types of the tables, as SQLite stores them (snake_case, integers for booleans and money). */
export type SettingsTable = {
  key: string;
  value: string;
  updated_at: string;
};

export type StaffTable = {
  id: string;
  name: string;
  phone_e164: string | null;
  role: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type CustomersTable = {
  id: string;
  name: string;
  phone_e164: string | null;
  phone_raw: string | null;
  email: string | null;
  birthday: string | null;
  preferred_channel: Generated<'phone' | 'sms' | 'email' | 'none'>;
  do_not_contact: Generated<number>;
  tags: Generated<string>;
  notes: Generated<string>;
  search_text: Generated<string>;
  sort_name: Generated<string>;
  merged_into_id: string | null;
  archived_at: string | null;
  order_count: Generated<number>;
  total_spent: Generated<number>;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  /** The import batch that created the customer (undo removes it if nothing else refers to it). */
  import_batch_id: string | null;
  /** Cached purchase days (local calendar days with a positive net amount), DESIGN.md §3. */
  first_purchase_day: string | null;
  last_purchase_day: string | null;
  purchase_days: Generated<number>;
  created_at: string;
  updated_at: string;
};

export type CustomerExternalIdsTable = {
  id: string;
  customer_id: string;
  source: string;
  external_id: string;
  import_batch_id: string | null;
  created_at: string;
};

export type OrdersTable = {
  id: string;
  source: string;
  external_id: string | null;
  content_hash: string | null;
  customer_id: string | null;
  ordered_at: string;
  local_date: string;
  total: number;
  refunded: Generated<number>;
  status: Generated<'completed' | 'refunded' | 'partially_refunded' | 'void'>;
  staff_id: string | null;
  import_batch_id: string | null;
  note: Generated<string>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type OrderItemsTable = {
  order_id: string;
  /** 1, 2, … within the order. */
  line: number;
  product_name: string;
  sku: string | null;
  category: string | null;
  quantity: number;
  unit_price: number;
  line_total: number;
};

export type InteractionsTable = {
  id: string;
  customer_id: string;
  channel: 'phone' | 'sms' | 'email' | 'in_person' | 'messenger' | 'note' | 'system';
  direction: Generated<'inbound' | 'outbound' | 'internal'>;
  outcome:
    'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'call_back_later' | 'not_interested' | null;
  note: Generated<string>;
  staff_id: string | null;
  task_id: string | null;
  occurred_at: string;
  created_at: string;
};

export type ImportBatchesTable = {
  id: string;
  source: string;
  file_name: string;
  file_size: number;
  content_hash: string;
  /** JSON: the read settings, column mapping and options the file was imported with. */
  settings: string;
  status: 'committed' | 'undone';
  rows_read: number;
  orders_created: number;
  orders_already_present: number;
  refunds_recorded: number;
  customers_created: number;
  customers_matched: number;
  rows_rejected: number;
  duration_ms: number;
  staff_id: string | null;
  created_by: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ImportRejectedRowsTable = {
  id: string;
  batch_id: string;
  line: number;
  reason: string;
  /** JSON object: the reason's parameters. */
  params: string;
  /** JSON array: the row's fields as read. */
  fields: string;
};

/** A return linked to the order it refunds (returns that match no order are refund orders). */
export type RefundsTable = {
  id: string;
  order_id: string;
  amount: number;
  refunded_at: string;
  local_date: string;
  source: string;
  external_id: string | null;
  content_hash: string | null;
  import_batch_id: string | null;
  created_at: string;
};

export type ImportPresetsTable = {
  id: string;
  name: string;
  /** JSON: a SavedMapping. */
  definition: string;
  created_at: string;
  updated_at: string;
};

export type TaskRuleColumn =
  | 'post_purchase_checkin'
  | 'first_survey'
  | 'second_purchase_nudge'
  | 'recovery'
  | 'churn_warning'
  | 'vip_opportunity'
  | 'birthday'
  | 'near_next_tier';

export type TaskResolutionColumn =
  | 'completed'
  | 'reached'
  | 'resolved_by_purchase'
  | 'answered'
  | 'unreachable'
  | 'wrong_number'
  | 'not_interested'
  | 'dismissed'
  | 'superseded'
  | 'do_not_contact'
  | 'expired'
  | 'obsolete';

/** A follow-up the playbook (or a low survey score) planned; its changes are in task_events. */
export type TasksTable = {
  id: string;
  customer_id: string;
  order_id: string | null;
  survey_response_id: string | null;
  rule: TaskRuleColumn;
  /** What the task is about: a purchase day, an order or survey id, a birthday. */
  anchor: string;
  /** rule:customer:anchor, unique: the playbook never plans the same follow-up twice. */
  dedupe_key: string;
  reason_key: string;
  /** JSON object: the reason's parameters. */
  reason_params: Generated<string>;
  /** YYYY-MM-DD in the shop's time zone. */
  due_date: string;
  priority: 'urgent' | 'high' | 'normal' | 'low';
  status: Generated<'open' | 'done' | 'snoozed' | 'dismissed'>;
  resolution: TaskResolutionColumn | null;
  dismiss_reason: string | null;
  note: Generated<string>;
  assignee_id: string | null;
  attempts: Generated<number>;
  outcome: InteractionsTable['outcome'];
  snoozed_until: string | null;
  call_back_at: string | null;
  closed_by_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
};

/** Append-only: every change of a task, with who made it. */
export type TaskEventsTable = {
  id: string;
  task_id: string;
  kind:
    | 'created'
    | 'attempt'
    | 'completed'
    | 'snoozed'
    | 'reopened'
    | 'assigned'
    | 'dismissed'
    | 'resolved';
  /** The task's status after the change. */
  status: string;
  /** JSON object. */
  details: Generated<string>;
  staff_id: string | null;
  interaction_id: string | null;
  occurred_at: string;
};

export type SurveyResponsesTable = {
  id: string;
  customer_id: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: Generated<string>;
  reason_category: string | null;
  collected_via: 'phone' | 'in_person' | 'sms' | 'email' | 'messenger' | 'import' | 'other';
  staff_id: string | null;
  order_id: string | null;
  interaction_id: string | null;
  task_id: string | null;
  answered_at: string;
  /** YYYY-MM-DD in the shop's time zone. */
  local_date: string;
  /** For imported answers: the same answer imported again is recognised. */
  import_key: string | null;
  created_at: string;
};

/**
 * The retention figures' caches (migration 0005, src-main/core/kpis/kpi-facts.ts): derived from
 * the orders, rebuilt at any time. A customer's day with live orders: its net, gross and refunded
 * sums and orders of positive net amount; on purchase days (orders > 0) which purchase day it is.
 */
export type CustomerDaysTable = {
  customer_id: string;
  /** YYYY-MM-DD in the shop's time zone. */
  day: string;
  net: number;
  gross: number;
  refunded: number;
  orders: number;
  /** 1 = the first purchase day, 2 = the first return, …; null on days with no purchase. */
  ordinal: number | null;
  /** The purchase day before ('' before the first); null on days with no purchase. */
  prev_day: string | null;
  /** Days since prev_day; null on the first purchase day and on days with no purchase. */
  gap: number | null;
  /** The customer's first purchase day (null when they have none). */
  first_day: string | null;
  /**
   * For cohorts, on purchase days, in the Gregorian (g_) and Jalali (j_) calendars: the day's
   * month and the first purchase's (the cohort) as year × 12 + month − 1, and 1 when this is the
   * customer's first purchase day in its month.
   */
  g_month: number | null;
  g_cohort: number | null;
  g_new: number | null;
  j_month: number | null;
  j_cohort: number | null;
  j_new: number | null;
};

/** Per day: the sums of customer_days; per first-purchase day, returns within 90 days and spend. */
export type KpiDaysTable = {
  day: string;
  revenue: Generated<number>;
  gross: Generated<number>;
  refunded: Generated<number>;
  orders: Generated<number>;
  purchase_days: Generated<number>;
  new_customers: Generated<number>;
  second_purchases: Generated<number>;
  returned_90: Generated<number>;
  clv_spend: Generated<number>;
};

/** Per day: orders without a customer (kept by triggers on orders). */
export type WalkInDaysTable = {
  day: string;
  revenue: Generated<number>;
  gross: Generated<number>;
  refunded: Generated<number>;
  orders: Generated<number>;
};

/** Customers whose customer_days are stale. */
export type KpiPendingTable = { customer_id: string };

/**
 * Loyalty (migration 0006, src-main/core/loyalty). Append-only points rows: an order's rows add
 * up to the points its current net amount earns.
 */
export type PointsLedgerTable = {
  id: string;
  customer_id: string;
  kind: 'earn' | 'adjust' | 'redeem' | 'expire' | 'reversal';
  cause: 'order' | 'refund' | 'order_removed' | 'order_moved' | 'expiry' | 'merge' | 'manual';
  points: number;
  /** Order rows: the change of the order's net amount the points are for. */
  spend: Generated<number>;
  /** The staff's words (adjust, redeem). */
  reason: Generated<string>;
  /** Not a foreign key: the rows outlive an undone order. */
  order_id: string | null;
  batch_id: string | null;
  staff_id: string | null;
  /** YYYY-MM-DD in the shop's time zone: the day the points count from. */
  local_date: string;
  expires_on: string | null;
  created_at: string;
};

/** Every change of a customer's tier (ranks: 0 is the base tier). */
export type TierHistoryTable = {
  id: string;
  customer_id: string;
  tier_id: string;
  tier_name: string;
  tier_rank: number;
  from_tier_id: string | null;
  from_tier_name: string | null;
  from_tier_rank: number | null;
  reached_on: string | null;
  held_until: string | null;
  changed_on: string;
  cause: 'spend' | 'hold_ended' | 'orders_changed' | 'rules_changed';
  created_at: string;
};

/** The current tier of a customer, as of settings' loyalty.state day: a cache of the orders. */
export type CustomerTiersTable = {
  customer_id: string;
  tier_id: string;
  tier_rank: number;
  /** Net spend in the window. */
  spend: number;
  /** The latest purchase day on which the tier was reached, and the last day it is held. */
  reached_on: string | null;
  held_until: string | null;
  /** Above the base tier: the first purchase day and days to the first return (null: none). */
  first_day: string | null;
  return_gap: number | null;
};

/** Customers whose points are stale. */
export type LoyaltyPendingTable = { customer_id: string };

/** Email and SMS templates (migration 7); soft-deleted. subject is null exactly for SMS. */
export type MessageTemplatesTable = {
  id: string;
  name: string;
  channel: 'email' | 'sms';
  locale: 'fa' | 'en';
  subject: string | null;
  body: string;
  /** The playbook moment a default was written for; null for the owner's own templates. */
  moment: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
};

/** Every message sent or exported for a customer (migration 8), each also an interaction. */
export type MessageLogTable = {
  id: string;
  customer_id: string;
  channel: 'email' | 'sms';
  delivery: 'smtp' | 'eml' | 'sms_list';
  template_id: string | null;
  run_id: string;
  address: string;
  subject: string | null;
  body: string;
  interaction_id: string;
  created_at: string;
};

export type Database = {
  settings: SettingsTable;
  staff: StaffTable;
  customers: CustomersTable;
  customer_external_ids: CustomerExternalIdsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  interactions: InteractionsTable;
  import_batches: ImportBatchesTable;
  import_rejected_rows: ImportRejectedRowsTable;
  refunds: RefundsTable;
  import_presets: ImportPresetsTable;
  tasks: TasksTable;
  task_events: TaskEventsTable;
  survey_responses: SurveyResponsesTable;
  customer_days: CustomerDaysTable;
  kpi_days: KpiDaysTable;
  walk_in_days: WalkInDaysTable;
  kpi_pending: KpiPendingTable;
  points_ledger: PointsLedgerTable;
  tier_history: TierHistoryTable;
  customer_tiers: CustomerTiersTable;
  loyalty_pending: LoyaltyPendingTable;
  message_templates: MessageTemplatesTable;
  message_log: MessageLogTable;
};
