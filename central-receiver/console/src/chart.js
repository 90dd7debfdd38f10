// Charts with uPlot: time on x, one or more series on y, sized to their container.
import uPlot from './vendor/uplot/dist/uPlot.esm.js';
import { h } from './dom.js';
import { register, t, language } from './i18n.js';

register({ en: { 'chart.time': 'Time' }, fr: { 'chart.time': 'Heure' }, nl: { 'chart.time': 'Tijd' } });

/** Month and weekday names of the current language, for uPlot's date axis. */
function names() {
  const lang = language();
  const month = (m, style) => new Date(Date.UTC(2026, m, 15)).toLocaleString(lang, { month: style, timeZone: 'UTC' });
  const day = (d, style) => new Date(Date.UTC(2026, 1, 1 + d)).toLocaleString(lang, { weekday: style, timeZone: 'UTC' });
  const range = (n) => [...Array(n).keys()];
  return { MMMM: range(12).map((m) => month(m, 'long')), MMM: range(12).map((m) => month(m, 'short')),
    WWWW: range(7).map((d) => day(d, 'long')), WWW: range(7).map((d) => day(d, 'short')) };
}

/** Whole-number tick steps for counts. */
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000];

const PALETTE = ['#1d3a6e', '#d9480f', '#1e7a3c', '#a05a00', '#6f42c1', '#0b7285', '#b3261e', '#5c677d'];

/**
 * A time-series chart appended to {@code parent}: {@code times} in seconds since the epoch,
 * {@code series} [{label, values}]; {@code stacked} bars are drawn as steps.
 */
export function timeChart(parent, title, times, series, { height = 260, bars = false, counts = true } = {}) {
  const box = h('figure', { class: 'chart' }, h('figcaption', {}, title));
  parent.append(box);
  const width = Math.max(320, (parent.clientWidth || 900) - 24);
  const opts = {
    width, height,
    fmtDate: (tpl) => uPlot.fmtDate(tpl, names()),
    series: [{ label: t('chart.time') }, ...series.map((s, i) => ({
      label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2,
      fill: bars ? PALETTE[i % PALETTE.length] + '33' : undefined,
      paths: bars ? uPlot.paths.stepped({ align: 1 }) : undefined,
    }))],
    axes: [{}, counts ? { size: 50, incrs: WHOLE } : { size: 50 }],
    scales: { x: { time: true } },
  };
  const plot = new uPlot(opts, [times, ...series.map((s) => s.values)], box);
  return plot;
}
