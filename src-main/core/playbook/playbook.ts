import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type {
  PlaybookRunReport,
  PlaybookSettings,
  TaskReason,
  TaskResolution,
  TaskRule,
} from '../../../src-shared/contract/types.ts';
import { birthdayMonthDays, nextBirthday } from '../../../src-shared/domain/birthday.ts';
import { addDays, todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CalendarKind } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { loyaltyTierSource } from '../loyalty/tier-source.ts';
import { getSettings } from '../settings/settings.service.ts';
import { createZonedClock } from '../zoned-time.ts';
import { getPlaybookSettings } from './playbook-settings.ts';
import { ACTIVE, RULE_PRIORITY, addEvent, dedupeKey, rankSql } from './tasks.repository.ts';
import { readSettingValue, writeSettingValue } from '../settings/setting-value.ts';

/**
 * The follow-up playbook (DESIGN.md §4): one idempotent run as of a day plans the tasks the rules
 * call for and closes those whose reason has gone. Everything is set-based SQL over the
 * customers' cached figures (purchase days, first and last) and the orders' indexes, in one
 * transaction; JavaScript only sees the few thousand candidates that survive the filters.
 *
 * A run:
 * 1. closes open tasks whose reason has gone: the customer came back (resolved by purchase),
 *    answered the survey, asked not to be contacted, was merged or archived, the birthday passed,
 *    the purchase it was about was undone, or the loyalty tier it was about was reached;
 * 2. reopens snoozed tasks whose day has come;
 * 3. collects every rule's candidates, each with a dedupe key (rule:customer:anchor);
 * 4. drops candidates planned before (any status: a done follow-up is not planned again), keeps
 *    each customer's highest-priority one, applies the frequency cap (a contact logged or a task
 *    completed in the window counts; recovery, urgent, is exempt) and lets an open task of equal
 *    or higher priority win; an open task of lower priority is superseded by the new one;
 * 5. plans what is left, due on the run's day, with its reason as a message key and parameters.
 *
 * Rules with a moment (7 days after the first purchase, day 90 without one) also fire on the
 * next catchUpDays days, so a day the app was not opened loses nothing.
 */

export type NearTierCandidate = {
  customerId: string;
  tierId: string;
  tierName: string;
  /** Minor units still to spend to reach the tier. */
  missing: number;
};

/** Where near_next_tier finds customers close to their next loyalty tier. */
export type TierSource = {
  nearNextTier: (date: string, withinPercent: number) => NearTierCandidate[];
  /** The customer's tier is now this one or higher: their near-tier follow-up has done its job. */
  hasReached?: (customerId: string, tierId: string) => boolean;
};

/** No loyalty tiers: there is no next tier to be near, and the rule plans nothing. */
export const NO_TIERS: TierSource = { nearNextTier: () => [] };

export type PlaybookRunInput = {
  date: string;
  /** The run's instant (created and closed times). */
  now: string;
  newId: () => string;
  settings: PlaybookSettings;
  timeZone: string;
  calendar: CalendarKind;
  tiers?: TierSource;
};

const RANK: Record<TaskRule, number> = {
  recovery: 0,
  second_purchase_nudge: 1,
  churn_warning: 1,
  post_purchase_checkin: 2,
  first_survey: 2,
  vip_opportunity: 2,
  birthday: 3,
  near_next_tier: 3,
};
/** Tie-break between rules of one priority: the earlier rule wins. */
const TIE: Record<TaskRule, number> = {
  recovery: 0,
  second_purchase_nudge: 0,
  churn_warning: 1,
  post_purchase_checkin: 0,
  first_survey: 1,
  vip_opportunity: 2,
  birthday: 0,
  near_next_tier: 1,
};

const LIVE_CUSTOMER = `c.merged_into_id IS NULL AND c.archived_at IS NULL AND c.do_not_contact = 0`;
const liveOrder = (alias: string) =>
  `${alias}.archived_at IS NULL AND ${alias}.status <> 'void' AND ${alias}.total - ${alias}.refunded > 0`;

/** The customer has a purchase day after the first one, on or before @date. */
const HAS_RETURNED = `(c.last_purchase_day > c.first_purchase_day AND (c.last_purchase_day <= @date
  OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id
    AND o.local_date > c.first_purchase_day AND o.local_date <= @date AND ${liveOrder('o')})))`;

const COLUMNS = `dedupe_key, customer_id, rule, anchor, rank, tie, order_id, survey_id, reason_key,
  n1, n2`;
const CANDIDATE_COLUMNS = `(${COLUMNS})`;

const key = (rule: TaskRule, customer: string, anchor: string) =>
  `'${rule}:' || ${customer} || ':' || ${anchor}`;

/** Runs the playbook as of `date` (default: today in the shop's zone). */
export const runPlaybook = async (
  ctx: CoreContext,
  options: { date?: string; tiers?: TierSource } = {},
): Promise<PlaybookRunReport> => {
  const shop = await getSettings(ctx);
  const settings = await getPlaybookSettings(ctx);
  return runPlaybookOn(ctx.database.sqlite, {
    date: options.date ?? todayIn(ctx.now(), shop.timeZone),
    now: nowIso(ctx),
    newId: () => ctx.newId(),
    settings,
    timeZone: shop.timeZone,
    calendar: shop.calendar,
    // The loyalty tiers as the last loyalty update left them (src-main/core/loyalty).
    tiers: options.tiers ?? loyaltyTierSource(ctx.database.sqlite),
  });
};

export const runPlaybookOn = (
  sqlite: BetterSqlite3.Database,
  run: PlaybookRunInput,
): PlaybookRunReport => {
  const started = performance.now();
  sqlite.function('bz_new_id', { deterministic: false }, () => run.newId());
  const report: PlaybookRunReport = {
    date: run.date,
    created: 0,
    createdByRule: {},
    closed: {},
    skipped: { alreadyPlanned: 0, frequencyCap: 0, outranked: 0 },
    durationMs: 0,
  };
  // IMMEDIATE: the run reads before it writes, and a reader that later asks to write while an
  // import's connection checkpoints would be refused at once instead of waiting its turn.
  sqlite
    .transaction(() => {
      prepareTempTables(sqlite);
      closeGoneReasons(sqlite, run, report);
      reopenSnoozed(sqlite, run);
      collectCandidates(sqlite, run);
      filterCandidates(sqlite, run, report);
      planCandidates(sqlite, run, report);
    })
    .immediate();
  report.durationMs = Math.round(performance.now() - started);
  return report;
};

const prepareTempTables = (sqlite: BetterSqlite3.Database): void => {
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS playbook_candidates (
      dedupe_key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, rule TEXT NOT NULL,
      anchor TEXT NOT NULL, rank INTEGER NOT NULL, tie INTEGER NOT NULL, order_id TEXT,
      survey_id TEXT, reason_key TEXT, n1 REAL, n2 REAL, tier_name TEXT) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS temp.idx_playbook_candidates_customer
      ON playbook_candidates (customer_id, rank, tie, dedupe_key);
    CREATE TEMP TABLE IF NOT EXISTS playbook_closing (
      id TEXT PRIMARY KEY, status TEXT NOT NULL, resolution TEXT NOT NULL) WITHOUT ROWID;
    DELETE FROM temp.playbook_candidates;
    DELETE FROM temp.playbook_closing;`);
};

/** Applies the closing list to the tasks, with an event each, and counts it in the report. */
const applyClosing = (
  sqlite: BetterSqlite3.Database,
  run: PlaybookRunInput,
  report: PlaybookRunReport,
): void => {
  sqlite
    .prepare(
      `UPDATE tasks SET status = k.status, resolution = k.resolution, closed_at = @now,
         updated_at = @now
       FROM temp.playbook_closing AS k WHERE tasks.id = k.id`,
    )
    .run({ now: run.now });
  sqlite
    .prepare(
      `INSERT INTO task_events (id, task_id, kind, status, details, occurred_at)
       SELECT bz_new_id(), id, 'resolved', status,
         json_object('resolution', resolution, 'date', @date), @now
       FROM temp.playbook_closing`,
    )
    .run({ now: run.now, date: run.date });
  const counts = sqlite
    .prepare('SELECT resolution, count(*) AS n FROM temp.playbook_closing GROUP BY resolution')
    .all() as { resolution: TaskResolution; n: number }[];
  for (const { resolution, n } of counts) {
    report.closed[resolution] = (report.closed[resolution] ?? 0) + n;
  }
  sqlite.exec('DELETE FROM temp.playbook_closing');
};

const closeGoneReasons = (
  sqlite: BetterSqlite3.Database,
  run: PlaybookRunInput,
  report: PlaybookRunReport,
): void => {
  sqlite
    .prepare(
      `INSERT INTO temp.playbook_closing (id, status, resolution)
       SELECT id, CASE WHEN resolution IN ('resolved_by_purchase', 'answered') THEN 'done'
         ELSE 'dismissed' END, resolution
       FROM (SELECT t.id, CASE
           -- Not a live customer: merged or archived (obsolete), or not to be contacted.
           WHEN c.id IS NULL THEN (SELECT CASE WHEN x.merged_into_id IS NOT NULL
               OR x.archived_at IS NOT NULL THEN 'obsolete' ELSE 'do_not_contact' END
             FROM customers x WHERE x.id = t.customer_id)
           WHEN t.rule IN ('post_purchase_checkin', 'first_survey', 'second_purchase_nudge')
             AND c.first_purchase_day IS NOT t.anchor THEN 'obsolete'
           WHEN t.rule IN ('post_purchase_checkin', 'second_purchase_nudge')
             AND c.last_purchase_day > t.anchor THEN 'resolved_by_purchase'
           WHEN t.rule = 'churn_warning' AND c.last_purchase_day > t.anchor
             THEN 'resolved_by_purchase'
           WHEN t.rule = 'churn_warning' AND c.last_purchase_day IS NOT t.anchor THEN 'obsolete'
           WHEN t.rule = 'first_survey' AND EXISTS (SELECT 1 FROM survey_responses s
             WHERE s.customer_id = t.customer_id AND s.kind = 'nps') THEN 'answered'
           WHEN t.rule = 'birthday' AND t.anchor < @date THEN 'expired'
           WHEN t.rule = 'vip_opportunity' AND NOT EXISTS (SELECT 1 FROM orders o
             WHERE o.id = t.anchor AND ${liveOrder('o')}) THEN 'obsolete'
         END AS resolution
         FROM tasks t
         -- The live customers' figures from their narrow index, not the wide rows.
         LEFT JOIN customers c INDEXED BY idx_customers_live_figures ON c.id = t.customer_id
           AND ${LIVE_CUSTOMER}
         WHERE t.status IN ${ACTIVE})
       WHERE resolution IS NOT NULL`,
    )
    .run({ date: run.date });
  // A near-next-tier follow-up whose tier the customer has reached since has done its job.
  const { hasReached } = run.tiers ?? NO_TIERS;
  if (hasReached) {
    const close = sqlite.prepare(
      `INSERT OR IGNORE INTO temp.playbook_closing (id, status, resolution)
       VALUES (?, 'done', 'resolved_by_purchase')`,
    );
    const open = sqlite
      .prepare(
        `SELECT id, customer_id, anchor FROM tasks
         WHERE rule = 'near_next_tier' AND status IN ${ACTIVE}`,
      )
      .all() as { id: string; customer_id: string; anchor: string }[];
    for (const task of open) {
      if (hasReached(task.customer_id, task.anchor)) close.run(task.id);
    }
  }
  applyClosing(sqlite, run, report);
};

const reopenSnoozed = (sqlite: BetterSqlite3.Database, run: PlaybookRunInput): void => {
  const reopened = sqlite
    .prepare(
      `UPDATE tasks SET status = 'open', updated_at = @now
       WHERE status = 'snoozed' AND due_date <= @date RETURNING id`,
    )
    .pluck()
    .all({ now: run.now, date: run.date }) as string[];
  for (const id of reopened) {
    addEvent(sqlite, {
      id: run.newId(),
      taskId: id,
      kind: 'reopened',
      status: 'open',
      details: { date: run.date },
      staffId: null,
      interactionId: null,
      at: run.now,
    });
  }
};

// --- 4. Candidates, rule by rule --------------------------------------------------------------

const collectCandidates = (sqlite: BetterSqlite3.Database, run: PlaybookRunInput): void => {
  const { rules, catchUpDays } = run.settings;
  const date = run.date;
  const insert = (rule: TaskRule, select: string, params: Record<string, unknown>) =>
    sqlite
      .prepare(`INSERT OR IGNORE INTO temp.playbook_candidates ${CANDIDATE_COLUMNS} ${select}`)
      .run({ ...params, rank: RANK[rule], tie: TIE[rule] });

  // Post-purchase check-in: the first purchase day was `days` ago (or up to catchUpDays more),
  // and the customer has not come back since.
  const checkin = rules.post_purchase_checkin;
  if (checkin.enabled) {
    insert(
      'post_purchase_checkin',
      `SELECT ${key('post_purchase_checkin', 'c.id', 'c.first_purchase_day')}, c.id,
         'post_purchase_checkin', c.first_purchase_day, @rank, @tie, NULL, NULL,
         'task.reason.post_purchase_checkin', NULL, NULL
       FROM customers c
       WHERE c.first_purchase_day BETWEEN @from AND @to AND ${LIVE_CUSTOMER}
         AND NOT ${HAS_RETURNED}`,
      {
        date,
        from: addDays(date, -(checkin.days + catchUpDays)),
        to: addDays(date, -checkin.days),
      },
    );
  }

  // First survey: `days` after the first purchase, when the customer has no NPS answer yet.
  const survey = rules.first_survey;
  if (survey.enabled) {
    insert(
      'first_survey',
      `SELECT ${key('first_survey', 'c.id', 'c.first_purchase_day')}, c.id, 'first_survey',
         c.first_purchase_day, @rank, @tie, NULL, NULL, 'task.reason.first_survey', NULL, NULL
       FROM customers c
       WHERE c.first_purchase_day BETWEEN @from AND @to AND ${LIVE_CUSTOMER}
         AND NOT EXISTS (SELECT 1 FROM survey_responses s WHERE s.customer_id = c.id
           AND s.kind = 'nps' AND s.local_date <= @date)`,
      {
        date,
        from: addDays(date, -(survey.days + catchUpDays)),
        to: addDays(date, -survey.days),
      },
    );
  }

  // Second-purchase nudge: between day fromDays and toDays after the first purchase, no return.
  const nudge = rules.second_purchase_nudge;
  if (nudge.enabled) {
    insert(
      'second_purchase_nudge',
      `SELECT ${key('second_purchase_nudge', 'c.id', 'c.first_purchase_day')}, c.id,
         'second_purchase_nudge', c.first_purchase_day, @rank, @tie, NULL, NULL,
         'task.reason.second_purchase_nudge', NULL, NULL
       FROM customers c
       WHERE c.first_purchase_day BETWEEN @from AND @to AND ${LIVE_CUSTOMER}
         AND NOT ${HAS_RETURNED}`,
      { date, from: addDays(date, -nudge.toDays), to: addDays(date, -nudge.fromDays) },
    );
  }

  // Recovery: a low score answered in the last catchUpDays (recording one plans it at once;
  // this catches answers that came another way, such as an import).
  const recovery = rules.recovery;
  if (recovery.enabled) {
    insert(
      'recovery',
      `SELECT ${key('recovery', 's.customer_id', 's.id')}, s.customer_id, 'recovery', s.id,
         @rank, @tie, s.order_id, s.id,
         CASE WHEN s.comment <> '' THEN 'task.reason.recovery_comment'
           ELSE 'task.reason.recovery' END, NULL, NULL
       FROM survey_responses s JOIN customers c ON c.id = s.customer_id
       WHERE s.local_date BETWEEN @from AND @date AND ${LIVE_CUSTOMER}
         AND ((s.kind = 'nps' AND s.score <= @npsMax) OR (s.kind = 'csat' AND s.score <= @csatMax))`,
      {
        date,
        from: addDays(date, -catchUpDays),
        npsMax: recovery.npsMax,
        csatMax: recovery.csatMax,
      },
    );
  }

  // Churn warning: no purchase day for `days`, or for more than gapFactor × the customer's own
  // mean gap between purchase days, whichever is later (reached up to catchUpDays ago).
  const churn = rules.churn_warning;
  if (churn.enabled) {
    insert(
      'churn_warning',
      `SELECT ${key('churn_warning', 'id', 'last_purchase_day')}, id, 'churn_warning',
         last_purchase_day, @rank, @tie, NULL, NULL,
         CASE WHEN own > @days THEN 'task.reason.churn_warning_gap'
           ELSE 'task.reason.churn_warning' END, since, gap
       FROM (SELECT id, last_purchase_day, since, gap,
               CASE WHEN gap IS NULL THEN 0 ELSE CAST(@factor * span / (purchase_days - 1) AS INTEGER) + 1
               END AS own
             FROM (SELECT c.id, c.last_purchase_day, c.purchase_days,
                     julianday(@date) - julianday(c.last_purchase_day) AS since,
                     julianday(c.last_purchase_day) - julianday(c.first_purchase_day) AS span,
                     CASE WHEN c.purchase_days >= 2 THEN (julianday(c.last_purchase_day)
                       - julianday(c.first_purchase_day)) / (c.purchase_days - 1) END AS gap
                   FROM customers c
                   WHERE c.last_purchase_day <= @latest AND ${LIVE_CUSTOMER}))
       WHERE since - max(@days, own) BETWEEN 0 AND @catchUp`,
      {
        date,
        latest: addDays(date, -churn.days),
        days: churn.days,
        factor: churn.gapFactor,
        catchUp: catchUpDays,
      },
    );
  }

  // VIP opportunity: an order of the last catchUpDays at or above the shop's percentile order
  // value (over windowDays), or at least ownAverageFactor × the customer's earlier average.
  const vip = rules.vip_opportunity;
  if (vip.enabled) {
    const threshold = vipThreshold(sqlite, run);
    insert(
      'vip_opportunity',
      `SELECT ${key('vip_opportunity', 'customer_id', 'id')}, customer_id, 'vip_opportunity', id,
         @rank, @tie, id, NULL,
         CASE WHEN @threshold IS NOT NULL AND net >= @threshold THEN 'task.reason.vip_top'
           ELSE 'task.reason.vip_own' END, net, earlier
       FROM (SELECT w.id, w.customer_id, w.net,
               CASE WHEN c.order_count > w.later_count THEN (c.total_spent - w.later_spent) * 1.0
                 / (c.order_count - w.later_count) END AS earlier
             -- The customer's average before the order's day: the cached figures less the
             -- orders of that day and after, summed in one pass over the window's orders.
             FROM (SELECT o.id, o.customer_id, o.local_date, o.total - o.refunded AS net,
                     count(*) OVER later AS later_count,
                     sum(o.total - o.refunded) OVER later AS later_spent
                   FROM orders o
                   WHERE o.local_date >= @from AND o.customer_id IS NOT NULL AND ${liveOrder('o')}
                   WINDOW later AS (PARTITION BY o.customer_id ORDER BY o.local_date DESC
                     RANGE UNBOUNDED PRECEDING)) AS w
             JOIN customers c INDEXED BY idx_customers_live_figures ON c.id = w.customer_id
             WHERE w.local_date <= @date AND ${LIVE_CUSTOMER})
       WHERE (@threshold IS NOT NULL AND net >= @threshold)
         OR (earlier IS NOT NULL AND net >= @factor * earlier)`,
      {
        date,
        from: addDays(date, -catchUpDays),
        threshold,
        factor: vip.ownAverageFactor,
      },
    );
  }

  // Birthday: daysBefore days ahead (and up to the day itself), in the shop's calendar. SQL
  // narrows the customers to birthdays near these days; nextBirthday decides exactly.
  const birthday = rules.birthday;
  if (birthday.enabled) {
    const last = addDays(date, birthday.daysBefore);
    const rows = sqlite
      .prepare(
        `SELECT c.id, c.birthday FROM customers c INDEXED BY idx_customers_birthday_month_day
         WHERE c.birthday IS NOT NULL AND substr(c.birthday, 6) IN (SELECT value FROM json_each(?))
           AND ${LIVE_CUSTOMER}`,
      )
      .all(JSON.stringify(birthdayMonthDays(date, last))) as { id: string; birthday: string }[];
    const add = sqlite.prepare(
      `INSERT OR IGNORE INTO temp.playbook_candidates ${CANDIDATE_COLUMNS}
       VALUES (?, ?, 'birthday', ?, ?, ?, NULL, NULL, 'task.reason.birthday', NULL, NULL)`,
    );
    for (const row of rows) {
      const next = nextBirthday(row.birthday, date, run.calendar);
      if (next <= last) {
        add.run(dedupeKey('birthday', row.id, next), row.id, next, RANK.birthday, TIE.birthday);
      }
    }
  }

  // Near the next tier: the tier source says who is close (src-main/core/loyalty).
  const near = rules.near_next_tier;
  if (near.enabled) {
    const add = sqlite.prepare(
      `INSERT OR IGNORE INTO temp.playbook_candidates (${COLUMNS}, tier_name)
       SELECT ?, c.id, 'near_next_tier', ?, ?, ?, NULL, NULL, 'task.reason.near_next_tier', ?,
         NULL, ?
       FROM customers c WHERE c.id = ? AND ${LIVE_CUSTOMER}`,
    );
    for (const candidate of (run.tiers ?? NO_TIERS).nearNextTier(date, near.withinPercent)) {
      add.run(
        dedupeKey('near_next_tier', candidate.customerId, candidate.tierId),
        candidate.tierId,
        RANK.near_next_tier,
        TIE.near_next_tier,
        candidate.missing,
        candidate.tierName,
        candidate.customerId,
      );
    }
  }
};

const THRESHOLD_KEY = 'playbook.vipThreshold';
/** Above this many orders a year, one day's sales do not move the percentile: reuse it a week. */
const THRESHOLD_CACHE_ORDERS = 20_000;
const THRESHOLD_CACHE_DAYS = 7;

type CachedThreshold = {
  date: string;
  windowDays: number;
  percentile: number;
  orders: number;
  /** The orders' highest rowid then: lower now means sales were removed (an undo, a clear). */
  maxRowid: number;
  value: number | null;
};

/**
 * The VIP threshold: the percentile order value, computed exactly for a small shop and at most
 * weekly for a large one (half a million orders a year take a third of a second to sort, and a
 * day's imports shift the value by a rounding error). Kept in settings as a rebuildable cache.
 */
const vipThreshold = (sqlite: BetterSqlite3.Database, run: PlaybookRunInput): number | null => {
  const { windowDays, percentile } = run.settings.rules.vip_opportunity;
  const cached = (readSettingValue(sqlite, THRESHOLD_KEY) ?? null) as CachedThreshold | null;
  const maxRowid = Number(sqlite.prepare('SELECT max(rowid) FROM orders').pluck().get() ?? 0);
  if (
    cached &&
    cached.windowDays === windowDays &&
    cached.percentile === percentile &&
    cached.orders >= THRESHOLD_CACHE_ORDERS &&
    cached.maxRowid <= maxRowid &&
    cached.date <= run.date &&
    addDays(cached.date, THRESHOLD_CACHE_DAYS) > run.date
  ) {
    return cached.value;
  }
  const { value, orders } = percentileOrderValueCounted(sqlite, run.date, windowDays, percentile);
  const fresh: CachedThreshold = {
    date: run.date,
    windowDays,
    percentile,
    orders,
    maxRowid,
    value,
  };
  writeSettingValue(sqlite, THRESHOLD_KEY, fresh, run.now);
  return value;
};

export const percentileOrderValue = (
  sqlite: BetterSqlite3.Database,
  date: string,
  days: number,
  percentile: number,
): number | null => percentileOrderValueCounted(sqlite, date, days, percentile).value;

/**
 * The shop's p-th percentile net order value (nearest rank) over the orders of the `days` days up
 * to `date`, walk-ins included; null when there are none.
 */
const percentileOrderValueCounted = (
  sqlite: BetterSqlite3.Database,
  date: string,
  days: number,
  percentile: number,
): { value: number | null; orders: number } => {
  // One pass over the window's orders into a typed array, sorted in place: several times
  // faster than SQLite sorting the same half million values for an OFFSET.
  let values = new Float64Array(1 << 16);
  let n = 0;
  const rows = sqlite
    .prepare(
      `SELECT total - refunded FROM orders
       WHERE local_date BETWEEN @from AND @date AND ${liveOrder('orders')}`,
    )
    .pluck()
    .iterate({ from: addDays(date, -(days - 1)), date }) as IterableIterator<number>;
  for (const net of rows) {
    if (n === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[n] = net;
    n += 1;
  }
  if (n === 0) return { value: null, orders: 0 };
  const sorted = values.subarray(0, n).sort();
  return { value: sorted[Math.max(1, Math.ceil((percentile / 100) * n)) - 1] ?? null, orders: n };
};

// --- 5. The frequency cap and priority ------------------------------------------------------------

const filterCandidates = (
  sqlite: BetterSqlite3.Database,
  run: PlaybookRunInput,
  report: PlaybookRunReport,
): void => {
  report.skipped.alreadyPlanned += sqlite
    .prepare(
      `DELETE FROM temp.playbook_candidates WHERE EXISTS
         (SELECT 1 FROM tasks t WHERE t.dedupe_key = playbook_candidates.dedupe_key)`,
    )
    .run().changes;

  report.skipped.outranked += sqlite
    .prepare(
      `DELETE FROM temp.playbook_candidates WHERE EXISTS
         (SELECT 1 FROM temp.playbook_candidates b
          WHERE b.customer_id = playbook_candidates.customer_id
            AND (b.rank, b.tie, b.dedupe_key) < (playbook_candidates.rank,
              playbook_candidates.tie, playbook_candidates.dedupe_key))`,
    )
    .run().changes;

  const cap = run.settings.frequencyCapDays;
  if (cap > 0) {
    const clock = createZonedClock(run.timeZone);
    const instant = (day: string) => {
      const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
      return new Date(clock.toInstant(y, m, d, 0, 0, 0)).toISOString();
    };
    report.skipped.frequencyCap += sqlite
      .prepare(
        `DELETE FROM temp.playbook_candidates WHERE rank > 0 AND (
           EXISTS (SELECT 1 FROM interactions i
             WHERE i.customer_id = playbook_candidates.customer_id
               AND i.occurred_at >= @start AND i.occurred_at < @end
               AND i.channel NOT IN ('note', 'system'))
           OR EXISTS (SELECT 1 FROM tasks t
             WHERE t.customer_id = playbook_candidates.customer_id AND t.status = 'done'
               AND t.resolution = 'completed' AND t.closed_at >= @start AND t.closed_at < @end))`,
      )
      .run({
        start: instant(addDays(run.date, 1 - cap)),
        end: instant(addDays(run.date, 1)),
      }).changes;
  }

  report.skipped.outranked += sqlite
    .prepare(
      `DELETE FROM temp.playbook_candidates WHERE EXISTS
         (SELECT 1 FROM tasks t WHERE t.customer_id = playbook_candidates.customer_id
            AND t.status IN ${ACTIVE} AND ${rankSql('t.priority')} <= playbook_candidates.rank)`,
    )
    .run().changes;

  // Whatever open task is left for these customers is of lower priority: the new one wins.
  sqlite.exec(
    `INSERT INTO temp.playbook_closing (id, status, resolution)
     SELECT t.id, 'dismissed', 'superseded' FROM tasks t
     WHERE t.customer_id IN (SELECT customer_id FROM temp.playbook_candidates)
       AND t.status IN ${ACTIVE}`,
  );
  applyClosing(sqlite, run, report);
};

// --- 6. Planning ----------------------------------------------------------------------------

type Survivor = {
  dedupe_key: string;
  customer_id: string;
  rule: TaskRule;
  anchor: string;
  order_id: string | null;
  survey_id: string | null;
  reason_key: TaskReason['key'];
  n1: number | null;
  n2: number | null;
  tier_name: string | null;
  order_day: string | null;
  order_net: number | null;
  product: string | null;
  items: number;
  survey_kind: 'nps' | 'csat' | null;
  survey_score: number | null;
  survey_comment: string | null;
  survey_day: string | null;
};

const planCandidates = (
  sqlite: BetterSqlite3.Database,
  run: PlaybookRunInput,
  report: PlaybookRunReport,
): void => {
  // The purchase a day-anchored task is about: the first order of the first purchase day, or the
  // last of the last one.
  sqlite.exec(`
    UPDATE temp.playbook_candidates SET order_id = (SELECT o.id FROM orders o
      WHERE o.customer_id = playbook_candidates.customer_id
        AND o.local_date = playbook_candidates.anchor AND ${liveOrder('o')}
      ORDER BY o.ordered_at LIMIT 1)
    WHERE rule IN ('post_purchase_checkin', 'first_survey', 'second_purchase_nudge');
    UPDATE temp.playbook_candidates SET order_id = (SELECT o.id FROM orders o
      WHERE o.customer_id = playbook_candidates.customer_id
        AND o.local_date = playbook_candidates.anchor AND ${liveOrder('o')}
      ORDER BY o.ordered_at DESC LIMIT 1)
    WHERE rule = 'churn_warning';`);
  const survivors = sqlite
    .prepare(
      `SELECT k.*, o.local_date AS order_day, o.total - o.refunded AS order_net,
         (SELECT i.product_name FROM order_items i WHERE i.order_id = k.order_id
           ORDER BY i.line_total DESC LIMIT 1) AS product,
         (SELECT count(*) FROM order_items i WHERE i.order_id = k.order_id) AS items,
         s.kind AS survey_kind, s.score AS survey_score, s.comment AS survey_comment,
         s.local_date AS survey_day
       FROM temp.playbook_candidates k
       LEFT JOIN orders o ON o.id = k.order_id
       LEFT JOIN survey_responses s ON s.id = k.survey_id
       ORDER BY k.rank, k.tie, k.customer_id`,
    )
    .all() as Survivor[];
  const insert = sqlite.prepare(
    `INSERT INTO tasks (id, customer_id, order_id, survey_response_id, rule, anchor, dedupe_key,
       reason_key, reason_params, due_date, priority, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  );
  const event = sqlite.prepare(
    `INSERT INTO task_events (id, task_id, kind, status, details, occurred_at)
     VALUES (?, ?, 'created', 'open', ?, ?)`,
  );
  for (const row of survivors) {
    const id = run.newId();
    insert.run(
      id,
      row.customer_id,
      row.order_id,
      row.survey_id,
      row.rule,
      row.anchor,
      row.dedupe_key,
      row.reason_key,
      JSON.stringify(reasonParams(row, run)),
      run.date,
      RULE_PRIORITY[row.rule],
      run.now,
      run.now,
    );
    event.run(run.newId(), id, JSON.stringify({ rule: row.rule, date: run.date }), run.now);
    report.created += 1;
    report.createdByRule[row.rule] = (report.createdByRule[row.rule] ?? 0) + 1;
  }
};

/** The reason's parameters; see TaskReason for their names. */
const reasonParams = (row: Survivor, run: PlaybookRunInput): TaskReason['params'] => {
  const params: TaskReason['params'] = {};
  const purchase = () => {
    if (row.product !== null) {
      params.product = row.product;
      params.others = Math.max(0, row.items - 1);
    }
    if (row.order_net !== null) params.amount = row.order_net;
  };
  const daysSince = (day: string) =>
    Math.round((Date.parse(`${run.date}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  switch (row.rule) {
    case 'post_purchase_checkin':
    case 'first_survey':
    case 'second_purchase_nudge':
      params.count = daysSince(row.anchor);
      params.date = row.anchor;
      purchase();
      break;
    case 'churn_warning':
      params.count = daysSince(row.anchor);
      params.date = row.anchor;
      if (row.n2 !== null) params.gap = Math.round(row.n2);
      purchase();
      break;
    case 'vip_opportunity':
      params.date = row.order_day ?? row.anchor;
      purchase();
      params.share = Math.round((100 - run.settings.rules.vip_opportunity.percentile) * 10) / 10;
      params.times = run.settings.rules.vip_opportunity.ownAverageFactor;
      if (row.n2 !== null) params.average = Math.round(row.n2);
      break;
    case 'recovery':
      params.kind = row.survey_kind === 'csat' ? 'CSAT' : 'NPS';
      params.score = row.survey_score ?? 0;
      params.max = row.survey_kind === 'csat' ? 5 : 10;
      if (row.survey_comment) params.comment = truncate(row.survey_comment, 160);
      if (row.survey_day) params.date = row.survey_day;
      break;
    case 'birthday':
      params.date = row.anchor;
      break;
    case 'near_next_tier':
      params.amount = row.n1 ?? 0;
      params.tier = row.tier_name ?? '';
      break;
  }
  return params;
};

export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
