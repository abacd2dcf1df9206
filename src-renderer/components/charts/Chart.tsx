import { useEffect, useRef } from 'react';
import { useLocale } from '../../app/i18n/use-t.ts';
import { chartConfig } from './chart-config.ts';
import type { ChartEnv, ChartSpec } from './chart-config.ts';
import { Chart as ChartJs, CHART_FONT_FAMILY } from './chart-setup.ts';
import './charts.css';

type Props = {
  /** Build it with useMemo: a new spec redraws the chart. */
  spec: ChartSpec;
  /** What the chart shows, for the text alternative's caption. */
  title: string;
  /** The header of the labels' column in the text alternative ("Month", "Staff member"). */
  categoryLabel: string;
  /** Height in CSS pixels; the width follows the container. */
  height?: number;
  testId?: string;
};

const envFor = (element: HTMLElement, dir: 'rtl' | 'ltr'): ChartEnv => {
  const style = getComputedStyle(element);
  return {
    dir,
    color: (tone) => style.getPropertyValue(`--chart-${tone}`).trim() || '#666',
    fontFamily: CHART_FONT_FAMILY,
  };
};

/**
 * A chart.js bar or line chart (or both, on two axes) owned by this component: drawn on mount,
 * redrawn when its spec or the language changes, destroyed on unmount. The canvas is hidden from
 * assistive technology; a visually hidden table holds the same numbers as text.
 */
export function Chart({ spec, title, categoryLabel, height = 240, testId }: Props) {
  const { dir, t } = useLocale();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<ChartJs | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const config = chartConfig(spec, envFor(element, dir));
    const existing = chart.current;
    if (existing) {
      existing.data = config.data;
      existing.options = config.options ?? {};
      existing.update();
      return;
    }
    const created = new ChartJs(element, config);
    chart.current = created;
    // Text drawn before the web font arrives would stay in the fallback font.
    void document.fonts?.ready.then(() => {
      if (chart.current === created) created.update();
    });
  }, [spec, dir]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <figure className="chart" data-testid={testId}>
      <div className="chart-canvas" style={{ blockSize: `${height}px` }}>
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            {spec.series.map((series) => (
              <th scope="col" key={series.label}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, i) => (
            <tr key={`${label}-${i}`}>
              <th scope="row">{label}</th>
              {spec.series.map((series) => {
                const value = series.values[i];
                return (
                  <td key={series.label}>
                    {value === null || value === undefined
                      ? t('charts.noData')
                      : series.format(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
