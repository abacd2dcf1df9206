import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';

/**
 * A chart described as plain data (labels, series, how to write a value), turned into a chart.js
 * configuration that follows the page's direction: in right-to-left text the category axis runs
 * from the right, the value axis stands on the right, and the legend and tooltips are laid out
 * and written right to left. Pure, so it is tested without a canvas.
 */

/** Colours by role; each is a CSS custom property (--chart-<tone>) of charts.css. */
export type ChartTone = 'primary' | 'accent' | 'info' | 'danger' | 'muted' | 'success';

export type ChartSeries = {
  label: string;
  kind: 'bar' | 'line';
  /** One value per label; null: no data for that label (a gap, never a zero). */
  values: readonly (number | null)[];
  tone: ChartTone;
  /** The second value axis (the other side), for a series of another unit. */
  axis?: 'y' | 'y2';
  /** The value written out in full (tooltips, the text alternative). */
  format: (value: number) => string;
  /** A dashed line, for a target. */
  isDashed?: boolean;
};

export type ChartAxis = {
  /** Tick labels, short: "۱۲٪", "12.5M Toman". */
  format: (value: number) => string;
  min?: number;
  max?: number;
};

export type ChartSpec = {
  labels: readonly string[];
  series: readonly ChartSeries[];
  y: ChartAxis;
  y2?: ChartAxis;
  /** Bars along the value axis from the start edge, one row per label (long names). */
  isHorizontal?: boolean;
  /** No legend on the canvas: the page shows its own (with definitions, say). */
  isLegendHidden?: boolean;
};

export type ChartEnv = {
  dir: 'rtl' | 'ltr';
  /** A tone's colour, or the text and grid colours. */
  color: (tone: ChartTone | 'text' | 'grid') => string;
  fontFamily: string;
};

type Config = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

export function chartConfig(spec: ChartSpec, env: ChartEnv): Config {
  const isRtl = env.dir === 'rtl';
  const text = env.color('text');
  const grid = env.color('grid');
  const font = { family: env.fontFamily, size: 12 };
  const valueAxis = spec.isHorizontal ? 'x' : 'y';
  const categoryAxis = spec.isHorizontal ? 'y' : 'x';

  const datasets = spec.series.map((series): ChartDataset<'bar' | 'line', (number | null)[]> => {
    const color = env.color(series.tone);
    const axisId = series.axis === 'y2' ? 'y2' : valueAxis;
    const common = {
      label: series.label,
      data: [...series.values],
      borderColor: color,
      backgroundColor: color,
      ...(spec.isHorizontal ? { xAxisID: axisId } : { yAxisID: axisId }),
    };
    if (series.kind === 'line') {
      return {
        ...common,
        type: 'line',
        borderWidth: 2.5,
        borderDash: series.isDashed ? [6, 5] : [],
        pointRadius: series.isDashed ? 0 : 3.5,
        pointHoverRadius: 5,
        tension: 0.25,
        spanGaps: false,
        // Lines over bars.
        order: 0,
      };
    }
    return { ...common, type: 'bar', borderRadius: 4, maxBarThickness: 40, order: 1 };
  });

  const tooltipLabel = (item: TooltipItem<'bar' | 'line'>): string => {
    const series = spec.series[item.datasetIndex];
    const value = spec.isHorizontal ? item.parsed.x : item.parsed.y;
    if (!series || value === null || value === undefined) return '';
    return `${series.label}: ${series.format(value)}`;
  };

  const valueScale = (axis: ChartAxis, isSecond: boolean) => ({
    type: 'linear' as const,
    // The first value axis stands at the reading start (the right in Persian), the second opposite.
    position: spec.isHorizontal ? ('bottom' as const) : isRtl !== isSecond ? 'right' : 'left',
    reverse: spec.isHorizontal ? isRtl : false,
    ...(axis.min !== undefined ? { min: axis.min } : {}),
    ...(axis.max !== undefined ? { max: axis.max } : {}),
    beginAtZero: true,
    grid: { color: grid, drawOnChartArea: !isSecond },
    border: { display: false },
    ticks: {
      color: text,
      font,
      maxTicksLimit: 6,
      callback: (value: number | string) => axis.format(Number(value)),
    },
  });

  const scales: Record<string, unknown> = {
    [categoryAxis]: {
      type: 'category',
      position: spec.isHorizontal ? (isRtl ? 'right' : 'left') : 'bottom',
      // Time runs the way the page reads.
      reverse: spec.isHorizontal ? false : isRtl,
      grid: { display: false },
      border: { color: grid },
      ticks: { color: text, font, autoSkip: true, maxRotation: 0 },
    },
    [valueAxis]: valueScale(spec.y, false),
  };
  if (spec.y2) scales['y2'] = valueScale(spec.y2, true);

  return {
    type: 'bar',
    data: { labels: [...spec.labels], datasets },
    options: {
      indexAxis: spec.isHorizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Calm and instant: figures change when the owner asks, not in a flourish.
      animation: false,
      interaction: { mode: 'index', intersect: false },
      locale: isRtl ? 'fa-IR' : 'en-GB',
      font,
      color: text,
      scales: scales as NonNullable<Config['options']>['scales'],
      plugins: {
        legend: {
          display: spec.series.length > 1 && !spec.isLegendHidden,
          position: 'bottom',
          align: 'start',
          rtl: isRtl,
          textDirection: env.dir,
          labels: {
            color: text,
            font,
            boxWidth: 12,
            boxHeight: 12,
            // In the series' order (chart.js would list them in drawing order).
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
          },
        },
        tooltip: {
          rtl: isRtl,
          textDirection: env.dir,
          titleFont: { ...font, weight: 'bold' },
          bodyFont: font,
          callbacks: { label: tooltipLabel },
        },
      },
    },
  };
}
