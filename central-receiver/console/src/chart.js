// Charts with uPlot: time on x, one or more series on y, sized to their container.
import uPlot from './vendor/uplot/dist/uPlot.esm.js';
import { h } from './dom.js';

const PALETTE = ['#1d3a6e', '#d9480f', '#1e7a3c', '#a05a00', '#6f42c1', '#0b7285', '#b3261e', '#5c677d'];

/**
 * A time-series chart appended to {@code parent}: {@code times} in seconds since the epoch,
 * {@code series} [{label, values}]; {@code stacked} bars are drawn as steps.
 */
export function timeChart(parent, title, times, series, { height = 260, bars = false } = {}) {
  const box = h('figure', { class: 'chart' }, h('figcaption', {}, title));
  parent.append(box);
  const width = Math.max(320, (parent.clientWidth || 900) - 24);
  const opts = {
    width, height,
    series: [{}, ...series.map((s, i) => ({
      label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2,
      fill: bars ? PALETTE[i % PALETTE.length] + '33' : undefined,
      paths: bars ? uPlot.paths.stepped({ align: 1 }) : undefined,
    }))],
    axes: [{}, { size: 50 }],
    scales: { x: { time: true } },
  };
  const plot = new uPlot(opts, [times, ...series.map((s) => s.values)], box);
  return plot;
}
