/** A progress bar: filled to value/max, or moving to and fro while the amount is unknown. */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  testId,
}: {
  value: number | null;
  max: number;
  label: string;
  valueText?: string;
  testId?: string;
}) {
  const isKnown = value !== null && max > 0;
  const percent = isKnown ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={isKnown ? max : undefined}
      aria-valuenow={isKnown ? value : undefined}
      aria-valuetext={valueText}
      data-testid={testId}
    >
      {isKnown ? (
        <div className="progress-bar-value" style={{ inlineSize: `${percent}%` }} />
      ) : (
        <div className="progress-bar-fill" />
      )}
    </div>
  );
}
