import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  ContactResult,
  InteractionOutcome,
  TaskRule,
  TodayList,
  TodayTask,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf, navigate } from '../../app/router.ts';
import { useSettings } from '../../app/use-settings.ts';
import { useStaff } from '../../app/use-staff.ts';
import { useToast } from '../../components/use-toast.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { DismissDialog } from './DismissDialog.tsx';
import { LogCallDialog } from './LogCallDialog.tsx';
import { SnoozeDialog } from './SnoozeDialog.tsx';
import { TaskCard, keyCapText } from './TaskCard.tsx';
import { KEY_CAPS, indexAfterReload, movedIndex, todayActionOf } from './today-keys.ts';
import type { TodayAction } from './today-keys.ts';
import { ExportButtons } from '../exports/ExportButtons.tsx';
import { TodayPrint } from './TodayPrint.tsx';
import './today.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

const RULES: readonly TaskRule[] = [
  'recovery',
  'post_purchase_checkin',
  'first_survey',
  'second_purchase_nudge',
  'churn_warning',
  'vip_opportunity',
  'birthday',
  'near_next_tier',
];

type Filters = { assigneeId: string | null; rule: TaskRule | null };

/** Kept while the app is open: back from a customer, the list is as it was left. */
const memory: { filters: Filters; activeId: string | null; activeIndex: number } = {
  filters: { assigneeId: null, rule: null },
  activeId: null,
  activeIndex: 0,
};

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; list: TodayList };

type DialogState =
  | { kind: 'log'; task: TodayTask; outcome: InteractionOutcome; focus: 'note' | 'outcome' }
  | { kind: 'snooze' | 'assign' | 'dismiss'; task: TodayTask };

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// Enter on a button or link is that control's own; on a card or nowhere it opens the customer.
const isControl = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('button, a, summary') !== null;

/**
 * Today, the follow-up inbox (DESIGN.md §4, §7): the open tasks due today and overdue, grouped by
 * priority then rule, with the day's progress; worked from the keyboard or the mouse; printable.
 */
export function TodayScreen() {
  const { t, fmt } = useLocale();
  const api = useApi();
  const { settings } = useSettings();
  const staff = useStaff();
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>(memory.filters);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [activeIndex, setActiveIndex] = useState(memory.activeIndex);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [isBusy, setBusy] = useState(false);
  const cards = useRef(new Map<string, HTMLLIElement>());
  const request = useRef(0);
  // The list takes the focus when it first shows, so Enter and the letters work at once.
  const shouldFocus = useRef(true);

  const list = state.status === 'ready' ? state.list : null;
  const tasks: TodayTask[] = list ? list.groups.flatMap((group) => group.tasks) : [];
  const active = tasks[Math.min(activeIndex, tasks.length - 1)] ?? null;

  useEffect(() => {
    memory.filters = filters;
  }, [filters]);
  useEffect(() => {
    memory.activeIndex = activeIndex;
    memory.activeId = active?.id ?? null;
  }, [activeIndex, active]);

  const load = useCallback(async () => {
    const id = ++request.current;
    try {
      const next = await api.call('tasks:today', {
        ...(filters.assigneeId && { assigneeId: filters.assigneeId }),
        ...(filters.rule && { rule: filters.rule }),
      });
      if (id !== request.current) return;
      const ids = next.groups.flatMap((group) => group.tasks.map((task) => task.id));
      setActiveIndex(indexAfterReload(ids, memory.activeId, memory.activeIndex));
      setState({ status: 'ready', list: next });
    } catch (error) {
      if (id === request.current) setState({ status: 'failed', error });
    }
  }, [api, filters]);

  useEffect(() => {
    void load();
  }, [load]);

  // The keyboard's place follows into view, and takes the focus when a key moved it.
  useLayoutEffect(() => {
    if (!active) return;
    const card = cards.current.get(active.id);
    if (!card) return;
    if (shouldFocus.current || document.activeElement === document.body) {
      shouldFocus.current = false;
      if (!document.querySelector('dialog[open]')) card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest' });
    }
  }, [active]);

  const failed = (error: unknown) => {
    toast.show({ message: errorText(t, error), tone: 'error' });
    // A task closed elsewhere: the list catches up.
    if (isApiError(error) && (error.code === 'conflict' || error.code === 'not_found')) {
      void load();
    }
  };

  /** After a change: the list again, the next task in the place of one that left. */
  const changed = async () => {
    shouldFocus.current =
      document.activeElement === document.body ||
      document.activeElement?.closest('.today-list') !== null;
    await load();
  };

  const afterCall = (task: TodayTask, result: ContactResult) => {
    const name = isolate(task.customerName);
    const next = result.task;
    if (result.recoveryTask) {
      toast.show({ message: t('today.toast.recovery', { name }), testId: 'recovery-toast' });
    } else if (next && (next.outcome === 'no_answer' || next.outcome === 'busy')) {
      toast.show({
        message:
          next.status === 'done'
            ? t('today.toast.unreachable', { name })
            : t(next.outcome === 'busy' ? 'today.toast.busy' : 'today.toast.noAnswer', {
                name,
                date: fmt.date(next.dueDate, 'full'),
              }),
        testId: 'call-toast',
      });
    } else if (next?.outcome === 'call_back_later' && next.callBackAt) {
      toast.show({
        message: t('today.toast.callBack', { name, when: fmt.dateTime(next.callBackAt) }),
        testId: 'call-toast',
      });
    } else {
      toast.show({ message: t('today.toast.logged', { name }), testId: 'call-toast' });
    }
  };

  const quickCall = async (task: TodayTask, outcome: InteractionOutcome) => {
    setBusy(true);
    try {
      const result = await api.call('tasks:log-call', {
        id: task.id,
        outcome,
        staffId: settings.currentStaffId,
      });
      afterCall(task, result);
      await changed();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const complete = async (task: TodayTask) => {
    setBusy(true);
    try {
      await api.call('tasks:complete', { id: task.id, staffId: settings.currentStaffId });
      toast.show({
        message: t('today.toast.completed', { name: isolate(task.customerName) }),
        testId: 'complete-toast',
      });
      await changed();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const run = (action: TodayAction) => {
    if (action === 'next' || action === 'previous' || action === 'first' || action === 'last') {
      shouldFocus.current = true;
      setActiveIndex((index) => movedIndex(action, index, tasks.length));
      return;
    }
    if (!active || isBusy) return;
    // The task acted on holds the focus, so a dialog gives it back there when it closes.
    const card = cards.current.get(active.id);
    if (card && !card.contains(document.activeElement)) card.focus({ preventScroll: true });
    switch (action) {
      case 'open':
        navigate({ name: 'customer', id: active.customerId });
        return;
      case 'reached':
        setDialog({ kind: 'log', task: active, outcome: 'reached', focus: 'note' });
        return;
      case 'log':
        setDialog({ kind: 'log', task: active, outcome: 'reached', focus: 'outcome' });
        return;
      case 'no_answer':
      case 'busy':
        void quickCall(active, action);
        return;
      case 'complete':
        void complete(active);
        return;
      case 'snooze':
      case 'assign':
      case 'dismiss':
        setDialog({ kind: action, task: active });
        return;
    }
  };
  const runRef = useRef(run);
  useLayoutEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (isEditable(event.target)) return;
      const action = todayActionOf(event);
      if (!action) return;
      if (action === 'open' && isControl(event.target)) return;
      event.preventDefault();
      runRef.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const closeDialog = () => setDialog(null);
  const dialogDone = (message: string, testId: string) => {
    setDialog(null);
    toast.show({ message, testId });
    void changed();
  };

  const filterText = [
    filters.assigneeId
      ? t('today.assignedTo', { name: staff.nameOf(filters.assigneeId) ?? '' })
      : null,
    filters.rule ? t(`task.rule.${filters.rule}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const hasFilters = filters.assigneeId !== null || filters.rule !== null;

  return (
    <>
      <div className="screen today-screen" data-testid="today-screen">
        <header className="screen-header today-header">
          <div>
            <h1 className="screen-title">{t('today.title')}</h1>
            <p className="screen-subtitle">{t('today.subtitle')}</p>
          </div>
          {list && list.counts.total > 0 ? <Progress list={list} /> : null}
        </header>

        {/* An empty shop has nothing to filter or print: the empty state alone says what next. */}
        {list && list.counts.total === 0 && !hasFilters ? null : (
          <div className="toolbar today-toolbar">
            <label className="filter">
              <span className="filter-label">{t('today.filterStaff')}</span>
              <select
                className="input filter-select"
                value={filters.assigneeId ?? ''}
                onChange={(event) =>
                  setFilters((current) => ({ ...current, assigneeId: event.target.value || null }))
                }
                data-testid="today-filter-staff"
              >
                <option value="">{t('today.filterStaffAll')}</option>
                {staff.active.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter">
              <span className="filter-label">{t('today.filterRule')}</span>
              <select
                className="input filter-select"
                value={filters.rule ?? ''}
                onChange={(event) =>
                  setFilters((current) => ({
                    ...current,
                    rule: (event.target.value || null) as TaskRule | null,
                  }))
                }
                data-testid="today-filter-rule"
              >
                <option value="">{t('today.filterRuleAll')}</option>
                {RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {t(`task.rule.${rule}`)}
                  </option>
                ))}
              </select>
            </label>
            <ExportButtons
              request={{
                dataset: 'today',
                ...(filters.assigneeId && { assigneeId: filters.assigneeId }),
                ...(filters.rule && { rule: filters.rule }),
              }}
            />
            <button
              type="button"
              className="button today-print-button"
              onClick={() => window.print()}
              disabled={!list || list.counts.open === 0}
              data-testid="today-print-button"
            >
              <PrintIcon />
              {t('today.print')}
            </button>
          </div>
        )}

        {state.status === 'loading' ? (
          <div className="today-skeleton" aria-busy="true" aria-label={t('common.loading')} />
        ) : state.status === 'failed' ? (
          <LoadFailed
            title={t('today.loadFailed')}
            error={state.error}
            onRetry={() => void load()}
            testId="today-error"
          />
        ) : tasks.length === 0 ? (
          <Empty
            list={state.list}
            hasFilters={hasFilters}
            onClearFilters={() => setFilters({ assigneeId: null, rule: null })}
          />
        ) : (
          <>
            <Shortcuts />
            <div className="today-list" data-testid="today-list">
              {groupByPriority(state.list.groups).map(({ priority, groups }) => (
                <section
                  key={priority}
                  className={`today-priority priority-${priority}`}
                  aria-labelledby={`today-${priority}`}
                  data-testid={`today-priority-${priority}`}
                >
                  <h2 id={`today-${priority}`} className="today-priority-title">
                    <span className={`priority-dot priority-dot-${priority}`} aria-hidden="true" />
                    {t(`task.priority.${priority}`)}
                    <span className="card-count">
                      {fmt.number(groups.reduce((sum, group) => sum + group.tasks.length, 0))}
                    </span>
                  </h2>
                  {groups.map((group) => (
                    <div
                      key={group.rule}
                      className="today-group"
                      data-testid={`today-group-${group.rule}`}
                    >
                      <h3 className="today-group-title">
                        {t(`task.rule.${group.rule}`)}
                        <span className="card-count">{fmt.number(group.tasks.length)}</span>
                      </h3>
                      <ol className="task-list">
                        {group.tasks.map((task) => (
                          <TaskCard
                            key={task.id}
                            task={task}
                            isActive={task.id === active?.id}
                            isBusy={isBusy}
                            cardRef={(element) => {
                              if (element) cards.current.set(task.id, element);
                              else cards.current.delete(task.id);
                            }}
                            onActivate={() => {
                              const index = tasks.findIndex((item) => item.id === task.id);
                              if (index >= 0 && index !== activeIndex) setActiveIndex(index);
                            }}
                            onAction={run}
                          />
                        ))}
                      </ol>
                    </div>
                  ))}
                </section>
              ))}
            </div>
          </>
        )}
      </div>

      {list && list.counts.open > 0 ? (
        <TodayPrint
          list={list}
          filterText={hasFilters ? filterText : null}
          printedAt={new Date().toISOString()}
        />
      ) : null}

      {dialog?.kind === 'log' ? (
        <LogCallDialog
          task={dialog.task}
          initialOutcome={dialog.outcome}
          initialFocus={dialog.focus}
          onClose={closeDialog}
          onLogged={(result) => {
            setDialog(null);
            afterCall(dialog.task, result);
            void changed();
          }}
        />
      ) : dialog?.kind === 'snooze' ? (
        <SnoozeDialog
          task={dialog.task}
          onClose={closeDialog}
          onSnoozed={(task) =>
            dialogDone(
              t('today.toast.snoozed', {
                name: isolate(dialog.task.customerName),
                date: fmt.date(task.dueDate, 'full'),
              }),
              'snooze-toast',
            )
          }
        />
      ) : dialog?.kind === 'assign' ? (
        <AssignDialog
          task={dialog.task}
          onClose={closeDialog}
          onAssigned={(task) =>
            dialogDone(
              task.assigneeId
                ? t('today.toast.assigned', {
                    name: isolate(dialog.task.customerName),
                    staff: isolate(staff.nameOf(task.assigneeId) ?? ''),
                  })
                : t('today.toast.unassigned', { name: isolate(dialog.task.customerName) }),
              'assign-toast',
            )
          }
        />
      ) : dialog?.kind === 'dismiss' ? (
        <DismissDialog
          task={dialog.task}
          onClose={closeDialog}
          onDismissed={() =>
            dialogDone(
              t('today.toast.dismissed', { name: isolate(dialog.task.customerName) }),
              'dismiss-toast',
            )
          }
        />
      ) : null}
    </>
  );
}

function groupByPriority(groups: TodayList['groups']) {
  const result: {
    priority: TodayList['groups'][number]['priority'];
    groups: TodayList['groups'];
  }[] = [];
  for (const group of groups) {
    const last = result.at(-1);
    if (last && last.priority === group.priority) last.groups.push(group);
    else result.push({ priority: group.priority, groups: [group] });
  }
  return result;
}

function Progress({ list }: { list: TodayList }) {
  const { t } = useLocale();
  const { done, total, overdue } = list.counts;
  const share = total === 0 ? 0 : done / total;
  return (
    <div className="today-progress" data-testid="today-progress">
      <div className="today-progress-line">
        <span className="today-progress-text" data-testid="today-progress-text">
          {t('today.progress', { done, total })}
        </span>
        {overdue > 0 ? (
          <span className="pill pill-warn" data-testid="today-overdue">
            {t('today.overdue', { count: overdue })}
          </span>
        ) : null}
      </div>
      <div
        className="meter"
        role="progressbar"
        aria-label={t('today.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('today.progress', { done, total })}
      >
        <div className="meter-fill" style={{ inlineSize: `${Math.round(share * 1000) / 10}%` }} />
      </div>
    </div>
  );
}

function Shortcuts() {
  const { t } = useLocale();
  const items: { caps: string[]; label: string }[] = [
    { caps: ['↑', '↓', 'J', 'K'], label: t('today.key.move') },
    ...(
      [
        'open',
        'reached',
        'no_answer',
        'busy',
        'log',
        'complete',
        'snooze',
        'assign',
        'dismiss',
      ] as const
    ).map((action) => ({
      caps: [keyCapText(KEY_CAPS[action] ?? '')],
      label: t(`today.key.${action}`),
    })),
  ];
  return (
    <ul
      className="shortcut-bar"
      aria-label={t('today.shortcutsLabel')}
      data-testid="today-shortcuts"
    >
      {items.map((item) => (
        <li key={item.label} className="shortcut">
          <span className="shortcut-caps">
            {item.caps.map((cap) => (
              <kbd key={cap} className="key-cap">
                {cap}
              </kbd>
            ))}
          </span>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

function Empty({
  list,
  hasFilters,
  onClearFilters,
}: {
  list: TodayList;
  hasFilters: boolean;
  onClearFilters: () => void;
}) {
  const { t } = useLocale();
  if (hasFilters) {
    return (
      <div className="empty-state" data-testid="today-no-match">
        <p className="empty-title">{t('today.noMatchTitle')}</p>
        <p>{t('today.noMatchBody')}</p>
        <button type="button" className="button" onClick={onClearFilters}>
          {t('today.clearFilters')}
        </button>
      </div>
    );
  }
  if (list.counts.done > 0) {
    return (
      <div className="empty-state today-done" data-testid="today-all-done">
        <p className="empty-title">{t('today.allDoneTitle')}</p>
        <p>{t('today.allDoneBody', { count: list.counts.done })}</p>
      </div>
    );
  }
  return (
    <div className="empty-state" data-testid="today-empty">
      <p className="empty-title">{t('today.emptyTitle')}</p>
      <p>{t('today.emptyBody')}</p>
      <div className="empty-actions">
        <a className="button button-primary" href={hrefOf({ name: 'import' })}>
          {t('today.emptyImport')}
        </a>
        <a className="button" href={hrefOf({ name: 'customers' })}>
          {t('today.emptyCustomers')}
        </a>
      </div>
    </div>
  );
}

function PrintIcon() {
  return (
    <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M7 8V3.5h10V8M7 17H4.5v-7A2 2 0 0 1 6.5 8h11a2 2 0 0 1 2 2v7H17" />
      <rect x="7" y="14" width="10" height="6.5" rx="1" />
    </svg>
  );
}
