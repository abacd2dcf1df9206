import { useLocale } from '../../app/i18n/use-t.ts';

const STEPS = [
  'import.step.choose',
  'import.step.preview',
  'import.step.validate',
  'import.step.result',
] as const;

/** Where the user is in the import: four steps, done ones ticked. */
export function ImportSteps({ current }: { current: number }) {
  const { t, fmt } = useLocale();
  return (
    <ol className="import-steps" aria-label={t('import.stepsLabel')} data-testid="import-steps">
      {STEPS.map((key, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'next';
        return (
          <li
            key={key}
            className={`import-step is-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="import-step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : fmt.number(index + 1)}
            </span>
            <span className="import-step-label">{t(key)}</span>
          </li>
        );
      })}
    </ol>
  );
}
