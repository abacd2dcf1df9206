import { useId } from 'react';
import type { ReactNode } from 'react';
import { useLocale } from '../../app/i18n/use-t.ts';
import { InfoTip } from './InfoTip.tsx';

type Props = {
  title: string;
  /** The figure's definition, behind the ⓘ next to the title. */
  definition?: string;
  /** A line under the title: what the chart is over. */
  lead?: ReactNode;
  /** At the end of the title line: the card's export buttons, for a table one can export. */
  actions?: ReactNode;
  children: ReactNode;
  isWide?: boolean;
  testId: string;
};

/** One card of the Insights screen: a titled chart or figure, its definition on demand. */
export function ChartCard({ title, definition, lead, actions, children, isWide, testId }: Props) {
  const { t } = useLocale();
  const titleId = useId();
  return (
    <section
      className={`card insights-card${isWide ? ' insights-card-wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <header className="insights-card-header">
        <h2 className="card-title" id={titleId}>
          {title}
        </h2>
        {definition ? (
          <InfoTip
            label={t('insights.whatIs', { figure: title })}
            text={definition}
            testId={`${testId}-info`}
          />
        ) : null}
        {actions ? <div className="insights-card-actions">{actions}</div> : null}
      </header>
      {lead ? <p className="insights-card-lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/** What a chart needs before it can be drawn, said plainly, with a way to get it. */
export function ChartEmpty({
  title,
  body,
  action,
}: {
  title: string;
  body?: string;
  action?: ReactNode;
}) {
  return (
    <div className="insights-empty" data-testid="insights-empty">
      <p className="insights-empty-title">{title}</p>
      {body ? <p>{body}</p> : null}
      {action}
    </div>
  );
}
