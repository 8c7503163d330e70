// The application shell: a navigation bar (plain links, so Tab and Enter work) and the view the
// hash route names.
import { href, useRoute } from './router.ts';
import { AnomalyView } from './views/anomaly.tsx';
import { BuildModelView } from './views/build-model.tsx';
import { ClusterView } from './views/cluster.tsx';
import { FrameView } from './views/frame.tsx';
import { FramesView } from './views/frames.tsx';
import { GridsView, GridView } from './views/grids.tsx';
import { ImportView } from './views/import.tsx';
import { ModelView } from './views/model.tsx';
import { ModelsView } from './views/models.tsx';

const NAV: [string, string][] = [
  ['', 'Cluster'],
  ['import', 'Import'],
  ['frames', 'Frames'],
  ['build', 'Build model'],
  ['models', 'Models'],
  ['grids', 'Grids'],
  ['anomaly', 'Anomaly'],
];

/** The whole UI. */
export function App() {
  const { parts, query } = useRoute();
  const [page = '', key] = parts;
  let view: preact.JSX.Element;
  if (page === 'import') view = <ImportView />;
  else if (page === 'frames') view = key ? <FrameView key={key} frameKey={key} /> : <FramesView />;
  else if (page === 'build') view = <BuildModelView initial={Object.fromEntries(query)} />;
  else if (page === 'models')
    view = key ? <ModelView key={key} modelKey={key} jobKey={query.get('job')} /> : <ModelsView />;
  else if (page === 'grids')
    view = key ? (
      <GridView key={key} gridKey={key} sortBy={query.get('sort_by') ?? ''} jobKey={query.get('job')} />
    ) : (
      <GridsView />
    );
  else if (page === 'anomaly') view = <AnomalyView initialModel={query.get('model') ?? ''} />;
  else view = <ClusterView />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">h2o-ts Flow</span>
        <nav aria-label="main">
          {NAV.map(([p, label]) => (
            <a key={p} href={href(p === '' ? [] : [p])} aria-current={page === p ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
    </>
  );
}
