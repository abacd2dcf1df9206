import { useMemo } from 'react';
import type { TaskReason } from '../../../src-shared/contract/index.ts';
import { renderTaskReason } from '../../../src-shared/i18n/task-reason.ts';
import type { ReasonContext } from '../../../src-shared/i18n/task-reason.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';

// Names the shop typed (a Persian product in an English sentence, or the other way round) keep
// their own direction and do not pull the amount and punctuation around them out of order.
const TEXT_PARAMS = new Set(['product', 'comment', 'tier']);

const isolated = (reason: TaskReason): TaskReason => ({
  key: reason.key,
  params: Object.fromEntries(
    Object.entries(reason.params).map(([name, value]) => [
      name,
      TEXT_PARAMS.has(name) && typeof value === 'string' ? isolate(value) : value,
    ]),
  ),
});

/** A task's reason in plain words, in the shown language, calendar and money. */
export function useReasonText(): (reason: TaskReason) => string {
  const { locale, calendar } = useLocale();
  const { settings } = useSettings();
  const { timeZone, currency, displayUnit } = settings;
  return useMemo(() => {
    const ctx: ReasonContext = { locale, calendar, timeZone, currency, displayUnit };
    return (reason: TaskReason) => {
      try {
        return renderTaskReason(isolated(reason), ctx);
      } catch {
        // A reason this version cannot read (a newer rule) still says which one it is.
        return reason.key;
      }
    };
  }, [locale, calendar, timeZone, currency, displayUnit]);
}
