import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * chart.js with only what the app draws (bars and lines on a category and a value axis, legend,
 * tooltips): registering parts one by one keeps the rest out of the bundle.
 */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** The bundled font of the app (app.css), so chart text matches the page in both scripts. */
export const CHART_FONT_FAMILY = "'Vazirmatn', system-ui, sans-serif";

export { Chart };
