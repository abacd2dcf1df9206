import type { TodayTask } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { useReasonText } from './use-reason-text.ts';
import './today.css';

/** Who and why, at the top of a dialog about a task: the caller keeps it in view while talking. */
export function TaskSummary({ task }: { task: TodayTask }) {
  const { fmt } = useLocale();
  const reasonText = useReasonText();
  return (
    <div className="task-summary">
      <div className="task-summary-who">
        <strong>{task.customerName}</strong>
        {task.phone ? (
          <a className="phone-link" href={`tel:${task.phone}`}>
            <Ltr>{fmt.phone(task.phone)}</Ltr>
          </a>
        ) : null}
      </div>
      <p className="task-summary-why">{reasonText(task.reason)}</p>
    </div>
  );
}
