import { errorText } from '../app/i18n/error-text.ts';
import { useLocale } from '../app/i18n/use-t.ts';

/**
 * What a screen or a card shows when its data could not be loaded: what failed, why in the
 * user's words, and a Retry button. A screen shows it as its empty state; a card or settings
 * section in line.
 */
export function LoadFailed({
  title,
  error,
  onRetry,
  inline = false,
  testId,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  inline?: boolean;
  testId?: string;
}) {
  const { t } = useLocale();
  return (
    <div className={inline ? 'form-error' : 'empty-state'} role="alert" data-testid={testId}>
      <p className={inline ? undefined : 'empty-title'}>{title}</p>
      <p>{errorText(t, error)}</p>
      {inline ? (
        <div>
          <button type="button" className="button button-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
