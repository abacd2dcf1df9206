import type { Interaction } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';

/** Calls, messages and visits, newest first; empty until contacts are logged. */
export function Timeline({ items }: { items: readonly Interaction[] }) {
  const { t, fmt } = useLocale();
  if (items.length === 0) {
    return (
      <div className="section-empty" data-testid="timeline-empty">
        <p className="empty-title">{t('timeline.emptyTitle')}</p>
        <p>{t('timeline.emptyBody')}</p>
      </div>
    );
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((item) => (
        <li key={item.id} className="timeline-item">
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-head">
              <strong>{t(`interaction.channel.${item.channel}`)}</strong>
              {item.outcome ? (
                <span className="pill">{t(`interaction.outcome.${item.outcome}`)}</span>
              ) : null}
              <span className="muted">{fmt.dateTime(item.occurredAt)}</span>
            </div>
            {item.note ? <p className="timeline-note">{item.note}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
