// The UI's charts, built with Observable Plot from H2O's JSON: column histogram, scoring history,
// confusion-matrix heat map, ROC curve, variable importance bars and anomaly scores.
import * as Plot from '@observablehq/plot';

/** A tiny histogram from ColV3's `histogram_bins`, `histogram_base`, `histogram_stride`. */
export function histogramChart(bins: number[], base: number, stride: number): Element {
  const data = bins.map((count, i) => ({ x1: base + i * stride, x2: base + (i + 1) * stride, count }));
  return Plot.plot({
    width: 160,
    height: 40,
    margin: 0,
    x: { axis: null },
    y: { axis: null },
    marks: [Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'count', fill: '#3b6ea8', inset: 0.3 })],
  });
}

/** Bars of category counts (enum columns). */
export function levelsChart(levels: string[], counts: number[]): Element {
  const data = levels.map((level, i) => ({ level, count: counts[i] ?? 0 }));
  return Plot.plot({
    width: 160,
    height: 40,
    margin: 0,
    x: { axis: null },
    y: { axis: null },
    marks: [
      Plot.barY(data, {
        x: 'level',
        y: 'count',
        fill: '#8a5fb0',
        title: (d: { level: string; count: number }) => `${d.level}: ${d.count}`,
      }),
    ],
  });
}

/** One point of a scoring-history series. */
export interface SeriesPoint {
  x: number;
  y: number;
  series: string;
}

const SERIES = ['training', 'validation'];
const SERIES_COLORS = ['#3b6ea8', '#d9762b'];

/** Training vs validation metric over epochs (or another x), one line per series. */
export function scoringChart(points: SeriesPoint[], xLabel: string, yLabel: string): Element {
  return Plot.plot({
    width: 560,
    height: 280,
    marginLeft: 60,
    grid: true,
    x: { label: xLabel },
    y: { label: yLabel },
    // Only the series present get a legend entry (no 'validation' swatch without a validation frame),
    // while each keeps its colour.
    color: {
      legend: true,
      domain: SERIES.filter((s) => points.some((p) => p.series === s)),
      range: SERIES_COLORS.filter((_c, i) => points.some((p) => p.series === SERIES[i])),
    },
    marks: [
      Plot.line(points, { x: 'x', y: 'y', stroke: 'series', marker: 'circle' }),
      Plot.tip(points, Plot.pointer({ x: 'x', y: 'y', stroke: 'series' })),
    ],
  });
}

/** A confusion matrix as a heat map: actual rows, predicted columns, cell counts written in. */
export function confusionChart(labels: string[], counts: number[][]): Element {
  const cells: { actual: string; predicted: string; n: number }[] = [];
  for (let a = 0; a < labels.length; a++) {
    for (let p = 0; p < labels.length; p++)
      cells.push({ actual: labels[a], predicted: labels[p], n: counts[a][p] });
  }
  const size = Math.max(220, 50 * labels.length + 120);
  return Plot.plot({
    width: size + 60,
    height: size,
    marginLeft: 110,
    marginBottom: 50,
    padding: 0.04,
    x: { label: 'Predicted', domain: labels, tickRotate: labels.length > 6 ? -30 : 0 },
    y: { label: 'Actual', domain: labels },
    color: { scheme: 'blues', legend: true, label: 'rows' },
    marks: [
      Plot.cell(cells, { x: 'predicted', y: 'actual', fill: 'n' }),
      Plot.text(cells, {
        x: 'predicted',
        y: 'actual',
        text: 'n',
        fill: (d: { n: number }) => (d.n > 0.6 * Math.max(...cells.map((c) => c.n)) ? 'white' : 'black'),
      }),
    ],
  });
}

/** ROC curve from (fpr, tpr) points, with the chance diagonal. */
export function rocChart(fpr: number[], tpr: number[], auc: number): Element {
  const pts = fpr.map((x, i) => ({ fpr: x, tpr: tpr[i] })).sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
  return Plot.plot({
    width: 320,
    height: 300,
    grid: true,
    x: { label: 'False positive rate', domain: [0, 1] },
    y: { label: 'True positive rate', domain: [0, 1] },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: '#aaa', strokeDasharray: '4 3' },
      ),
      Plot.line([{ fpr: 0, tpr: 0 }, ...pts, { fpr: 1, tpr: 1 }], {
        x: 'fpr',
        y: 'tpr',
        stroke: '#3b6ea8',
        strokeWidth: 2,
      }),
      Plot.text([`AUC ${auc.toFixed(4)}`], { frameAnchor: 'bottom-right', dx: -8, dy: -8 }),
    ],
  });
}

/** Variable importance as horizontal bars, most important on top (at most `top` variables). */
export function varimpChart(names: string[], scaled: number[], top = 20): Element {
  const data = names
    .map((v, i) => ({ v, s: scaled[i] }))
    .sort((a, b) => b.s - a.s)
    .slice(0, top);
  return Plot.plot({
    width: 560,
    height: 40 + 22 * data.length,
    marginLeft: 140,
    x: { label: 'Scaled importance', domain: [0, 1], grid: true },
    y: { label: null, domain: data.map((d) => d.v) },
    marks: [Plot.barX(data, { x: 's', y: 'v', fill: '#3b6ea8' }), Plot.ruleX([0])],
  });
}

/**
 * Reconstruction error per row; the `highlight` highest rows drawn in red and labelled. Rows are
 * numbered from 1, as a file's data lines and H2O Flow's frame view count them.
 */
export function anomalyChart(errors: number[], highlight: number): Element {
  const data = errors.map((e, i) => ({ row: i + 1, e }));
  const cut =
    [...errors].sort((a, b) => b - a)[Math.min(highlight, errors.length) - 1] ?? Number.POSITIVE_INFINITY;
  const top = data.filter((d) => d.e >= cut).slice(0, highlight);
  return Plot.plot({
    width: 700,
    height: 300,
    marginLeft: 60,
    grid: true,
    x: { label: 'Row' },
    // Anomalies sit orders of magnitude above the rest: a log scale keeps the ordinary rows (and
    // their labels) apart instead of flattening them onto the axis. Linear when an error is 0.
    // Plain numbers on the ticks ('0.001'): Plot's SI default reads '1m', which suggests a unit.
    y: {
      label: 'Reconstruction MSE',
      type: errors.every((e) => e > 0) ? 'log' : 'linear',
      tickFormat: '~g',
    },
    marks: [
      Plot.dot(data, { x: 'row', y: 'e', r: 1.5, fill: '#3b6ea8' }),
      Plot.dot(top, { x: 'row', y: 'e', r: 4, stroke: '#c0392b', fill: '#c0392b' }),
      Plot.text(top, {
        x: 'row',
        y: 'e',
        text: (d: { row: number }) => `row ${d.row}`,
        dy: -10,
        fill: '#c0392b',
      }),
      Plot.tip(data, Plot.pointer({ x: 'row', y: 'e' })),
    ],
  });
}
