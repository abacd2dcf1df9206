import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../../src-shared/i18n/locale.ts';
import { chartConfig } from './chart-config.ts';
import type { ChartEnv, ChartSpec } from './chart-config.ts';

const env = (dir: 'rtl' | 'ltr'): ChartEnv => ({
  dir,
  color: (tone) => `color-of-${tone}`,
  fontFamily: 'Vazirmatn',
});

const spec: ChartSpec = {
  labels: ['مهر ۱۴۰۴', 'آبان ۱۴۰۴', 'آذر ۱۴۰۴'],
  series: [
    {
      label: 'درآمد',
      kind: 'bar',
      values: [1200, null, 3400],
      tone: 'primary',
      format: (v) => `${formatNumber(v, 'fa')} تومان`,
    },
    {
      label: 'میانگین سفارش',
      kind: 'line',
      values: [0.25, 0.5, null],
      tone: 'accent',
      axis: 'y2',
      format: (v) => formatPercent(v, 'fa', 1),
    },
  ],
  y: { format: (v) => formatNumber(v, 'fa') },
  y2: { format: (v) => formatPercent(v, 'fa'), min: 0, max: 1 },
};

type Scale = {
  position: string;
  reverse: boolean;
  min?: number;
  max?: number;
  ticks: { callback?: (value: number | string) => string };
};
const scalesOf = (dir: 'rtl' | 'ltr', s: ChartSpec = spec) =>
  chartConfig(s, env(dir)).options?.scales as unknown as Record<string, Scale>;

describe('chart configuration', () => {
  it('reads right to left in Persian: time from the right, the value axis on the right', () => {
    const scales = scalesOf('rtl');
    expect(scales['x']?.reverse).toBe(true);
    expect(scales['y']?.position).toBe('right');
    expect(scales['y2']?.position).toBe('left');
    const plugins = chartConfig(spec, env('rtl')).options?.plugins;
    expect(plugins?.legend).toMatchObject({ rtl: true, textDirection: 'rtl' });
    expect(plugins?.tooltip).toMatchObject({ rtl: true, textDirection: 'rtl' });
  });

  it('reads left to right in English', () => {
    const scales = scalesOf('ltr');
    expect(scales['x']?.reverse).toBe(false);
    expect(scales['y']?.position).toBe('left');
    expect(scales['y2']?.position).toBe('right');
    expect(chartConfig(spec, env('ltr')).options?.plugins?.legend).toMatchObject({
      rtl: false,
      textDirection: 'ltr',
    });
  });

  it('writes ticks and tooltips with the locale’s digits', () => {
    const scales = scalesOf('rtl');
    expect(scales['y']?.ticks.callback?.(2500)).toBe('۲٬۵۰۰');
    expect(scales['y2']?.ticks.callback?.(0.5)).toBe('۵۰٪');
    expect(scales['y2']).toMatchObject({ min: 0, max: 1 });
    const label = chartConfig(spec, env('rtl')).options?.plugins?.tooltip?.callbacks?.label;
    const item = { datasetIndex: 1, parsed: { x: 1, y: 0.25 } };
    expect((label as (item: unknown) => string)(item)).toBe('میانگین سفارش: ۲۵٫۰٪');
  });

  it('keeps missing values as gaps, lines on their own axis, colours from the tones', () => {
    const { datasets } = chartConfig(spec, env('ltr')).data;
    expect(datasets[0]).toMatchObject({
      type: 'bar',
      data: [1200, null, 3400],
      backgroundColor: 'color-of-primary',
      yAxisID: 'y',
    });
    expect(datasets[1]).toMatchObject({
      type: 'line',
      data: [0.25, 0.5, null],
      borderColor: 'color-of-accent',
      yAxisID: 'y2',
      spanGaps: false,
    });
  });

  it('lays horizontal bars from the start edge, the names at the start', () => {
    const horizontal: ChartSpec = {
      ...spec,
      series: [spec.series[0]!],
      y2: undefined,
      isHorizontal: true,
    };
    const rtl = scalesOf('rtl', horizontal);
    expect(rtl['x']).toMatchObject({ reverse: true, position: 'bottom' });
    expect(rtl['y']).toMatchObject({ position: 'right' });
    expect(chartConfig(horizontal, env('rtl')).options?.indexAxis).toBe('y');
    expect(chartConfig(horizontal, env('rtl')).data.datasets[0]).toMatchObject({ xAxisID: 'x' });
    expect(scalesOf('ltr', horizontal)['y']).toMatchObject({ position: 'left' });
  });

  it('shows a legend only when there is more than one series', () => {
    const single: ChartSpec = { ...spec, series: [spec.series[0]!], y2: undefined };
    expect(chartConfig(single, env('ltr')).options?.plugins?.legend?.display).toBe(false);
    expect(chartConfig(spec, env('ltr')).options?.plugins?.legend?.display).toBe(true);
  });
});
