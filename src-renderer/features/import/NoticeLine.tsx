import { Ltr } from '../../components/Ltr.tsx';

/** A line that says what just happened: a cancelled run, a failure and the core's detail. */
export type Notice = { tone: 'info' | 'error'; text: string; detail?: string | null };

export function NoticeLine({ notice, testId }: { notice: Notice | null; testId?: string }) {
  if (!notice) return null;
  return (
    <div
      className={`import-notice import-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid={testId ?? 'import-notice'}
    >
      <p>{notice.text}</p>
      {notice.detail ? (
        <p className="import-notice-detail">
          {/* The core's own words are English. */}
          <Ltr>{notice.detail}</Ltr>
        </p>
      ) : null}
    </div>
  );
}
