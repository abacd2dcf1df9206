import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import {
  FOCUS_FIGURES,
  FOCUS_FIGURE_KINDS,
  LOWER_IS_BETTER,
  TARGET_BOUNDS,
  isValidTarget,
} from '../../../src-shared/domain/focus-figure.ts';
import type { FocusFigure, FocusFigureKey } from '../../../src-shared/domain/focus-figure.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartSpec } from '../../components/charts/chart-config.ts';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { ChartEmpty } from './ChartCard.tsx';
import { formatValue } from './figures.ts';
import { figureDefinition, figureName } from './HeadlineFigures.tsx';
import { InfoTip } from './InfoTip.tsx';
import { focusProgress, minorPerShownUnit, parseTarget, targetText } from './focus.ts';
import { focusWindow } from './period.ts';
import { useChartFormat } from './use-chart-format.ts';
import { useSeries } from './use-insights.ts';

/**
 * The owner's focus figure (stored in Settings): one figure, a target, and its last three months
 * as a line against the target line.
 */
export function FocusFigureCard({ today }: { today: string }) {
  const { t } = useLocale();
  const { settings } = useSettings();
  const focus = settings.focusFigure;
  const [isEditing, setEditing] = useState(false);
  const titleId = useId();
  return (
    <section className="card insights-focus" aria-labelledby={titleId} data-testid="insights-focus">
      <header className="insights-card-header">
        <h2 className="card-title" id={titleId}>
          {t('insights.focus.title')}
        </h2>
        {focus && !isEditing ? (
          <button
            type="button"
            className="button button-small button-ghost insights-focus-change"
            onClick={() => setEditing(true)}
            data-testid="insights-focus-change"
          >
            {t('insights.focus.change')}
          </button>
        ) : null}
      </header>
      {isEditing ? (
        <FocusEditor focus={focus} onDone={() => setEditing(false)} />
      ) : focus ? (
        <FocusProgressView focus={focus} today={today} />
      ) : (
        <div className="insights-focus-empty">
          <p>{t('insights.focus.empty')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing(true)}
            data-testid="insights-focus-choose"
          >
            {t('insights.focus.choose')}
          </button>
        </div>
      )}
    </section>
  );
}

function FocusProgressView({ focus, today }: { focus: FocusFigure; today: string }) {
  const { t, locale, calendar } = useLocale();
  const { settings } = useSettings();
  const format = useChartFormat();
  const window = useMemo(() => focusWindow(today, calendar), [today, calendar]);
  const state = useSeries(window);
  const kind = FOCUS_FIGURE_KINDS[focus.figure];
  const money = { currency: settings.currency, displayUnit: settings.displayUnit };
  const name = t(figureName(focus.figure));
  const write = (value: number) => formatValue(kind, value, locale, money);
  const progress =
    state.status === 'ready' ? focusProgress(focus, state.series.months, state.series.asOf) : null;
  const spec = useMemo<ChartSpec | null>(() => {
    if (!progress) return null;
    const tick =
      kind === 'share' ? format.percentTick : kind === 'money' ? format.moneyTick : format.number;
    return {
      labels: progress.points.map((point) => format.month(point.month)),
      series: [
        {
          label: name,
          kind: 'line',
          tone: 'primary',
          values: progress.points.map((point) => point.value),
          format: write,
        },
        {
          label: t('insights.focus.target'),
          kind: 'line',
          tone: 'accent',
          values: progress.points.map(() => focus.target),
          format: write,
          isDashed: true,
        },
      ],
      y: {
        format: tick,
        ...(kind === 'share' ? { min: 0, max: 1 } : kind === 'nps' ? { min: -100, max: 100 } : {}),
      },
    };
    // write depends on kind, locale and money, all in the key below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    progress?.points,
    focus.target,
    name,
    kind,
    format,
    t,
    locale,
    money.currency,
    money.displayUnit,
  ]);

  if (state.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        {errorText(t, state.error)}
      </p>
    );
  }
  if (!progress || !spec)
    return <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />;
  const latest = progress.latest;
  return (
    <div className="insights-focus-body">
      <div className="insights-focus-figures">
        <div className="insights-figure-name">
          <h3>{name}</h3>
          <InfoTip
            label={t('insights.whatIs', { figure: name })}
            text={t(figureDefinition(focus.figure))}
          />
        </div>
        <p className="insights-figure-value" data-testid="insights-focus-value">
          {latest?.value === null || latest === null
            ? t('insights.notEnoughData')
            : write(latest.value)}
        </p>
        <p className="insights-figure-detail">
          {latest
            ? t('insights.focus.latest', { month: format.month(latest.month) })
            : t('insights.focus.noData')}
        </p>
        <p className="insights-focus-target" data-testid="insights-focus-target">
          {t(
            LOWER_IS_BETTER.has(focus.figure)
              ? 'insights.focus.targetAtMost'
              : 'insights.focus.targetAtLeast',
            {
              value: write(focus.target),
            },
          )}
        </p>
        {progress.isMet === null ? null : (
          <p
            className={`pill ${progress.isMet ? 'insights-pill-good' : 'pill-warn'}`}
            data-testid="insights-focus-status"
          >
            {progress.isMet ? t('insights.focus.met') : t('insights.focus.notMet')}
          </p>
        )}
      </div>
      <div className="insights-focus-chart">
        {progress.points.length === 0 ? (
          <ChartEmpty title={t('insights.focus.noData')} />
        ) : (
          <Chart
            spec={spec}
            title={t('insights.focus.chartTitle', { figure: name })}
            categoryLabel={t('insights.chart.month')}
            height={180}
          />
        )}
      </div>
    </div>
  );
}

function FocusEditor({ focus, onDone }: { focus: FocusFigure | null; onDone: () => void }) {
  const { t, locale } = useLocale();
  const { settings, update } = useSettings();
  const money = { currency: settings.currency, displayUnit: settings.displayUnit };
  const [figure, setFigure] = useState<FocusFigureKey>(focus?.figure ?? 'repeatPurchaseRate');
  const kind = FOCUS_FIGURE_KINDS[figure];
  const [target, setTarget] = useState(() =>
    focus ? targetText(FOCUS_FIGURE_KINDS[focus.figure], focus.target, money, locale) : '',
  );
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  // Shares are typed as percentages, amounts in the unit the app shows them in.
  const hint =
    kind === 'share'
      ? t('insights.focus.percentHint')
      : kind === 'money'
        ? t('insights.focus.moneyHint', {
            example: formatValue('money', 1000 * minorPerShownUnit(money), locale, money),
          })
        : undefined;

  const save = async (value: FocusFigure | null) => {
    setSaving(true);
    setFormError(null);
    try {
      await update({ focusFigure: value });
      onDone();
    } catch (error) {
      setFormError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseTarget(kind, target, money);
    if (value === null) {
      setFieldError(t('insights.focus.targetNumber'));
      return;
    }
    if (!isValidTarget(figure, value)) {
      const { min, max } = TARGET_BOUNDS[kind];
      setFieldError(
        kind === 'share'
          ? t('insights.focus.targetRange', { min: min * 100, max: max * 100 })
          : kind === 'nps'
            ? t('insights.focus.targetRange', { min, max })
            : t('insights.focus.targetWhole'),
      );
      return;
    }
    setFieldError(null);
    void save({ figure, target: value });
  };

  return (
    <form
      className="insights-focus-form"
      onSubmit={submit}
      noValidate
      data-testid="insights-focus-form"
    >
      <Field label={t('insights.focus.figure')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={figure}
            onChange={(event) => {
              setFigure(event.target.value as FocusFigureKey);
              setTarget('');
              setFieldError(null);
            }}
            data-testid="insights-focus-figure"
          >
            {FOCUS_FIGURES.map((key) => (
              <option key={key} value={key}>
                {t(figureName(key))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t(
          LOWER_IS_BETTER.has(figure)
            ? 'insights.focus.targetCeiling'
            : 'insights.focus.targetFloor',
        )}
        error={fieldError}
        hint={hint}
        testId="insights-focus-target-input"
      >
        {(control) => (
          <input
            {...control}
            className="input input-medium"
            inputMode="decimal"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            autoComplete="off"
            data-testid="insights-focus-target-input"
          />
        )}
      </Field>
      <FormError message={formError} />
      <div className="insights-focus-actions">
        <BusyButton
          type="submit"
          className="button button-primary"
          isBusy={isSaving}
          busyLabel={t('common.saving')}
          data-testid="insights-focus-save"
        >
          {t('common.save')}
        </BusyButton>
        <button type="button" className="button" onClick={onDone} disabled={isSaving}>
          {t('common.cancel')}
        </button>
        {focus ? (
          <button
            type="button"
            className="button button-ghost insights-focus-remove"
            onClick={() => void save(null)}
            disabled={isSaving}
            data-testid="insights-focus-remove"
          >
            {t('insights.focus.remove')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
