// A Preact wrapper around Observable Plot: the chart is rebuilt into a div whenever its inputs
// change (Plot returns a detached SVG/figure; Preact never diffs inside it).
import { useEffect, useRef } from 'preact/hooks';

/** Renders `make()`'s element; `deps` decide when to rebuild. `label` names the chart for screen readers. */
export function PlotView({ make, deps, label }: { make: () => Element; deps: unknown[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const chart = make();
    el.replaceChildren(chart);
    return () => chart.remove();
  }, deps);
  return <div class="chart" role="img" aria-label={label} ref={ref} />;
}
