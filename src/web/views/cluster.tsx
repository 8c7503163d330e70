// Cluster view: version, cores, memory and uptime from /3/Cloud, and every job from /3/Jobs with
// live progress bars and a cancel button. Polls once a second while open.

import type { JobV3 } from '../../schema/index.ts';
import { get, post, seg } from '../api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { bytes, duration } from '../components/format.ts';
import { JobBar } from '../components/job-bar.tsx';
import { useAction, useLoad } from '../hooks.ts';
import { href } from '../router.ts';

interface Cloud {
  version: string;
  cloud_name: string;
  cloud_uptime_millis: number;
  cloud_healthy: boolean;
  nodes: {
    h2o: string;
    num_cpus: number;
    free_mem: number;
    max_mem: number;
    pojo_mem: number;
    num_keys: number;
  }[];
}

/** Where a finished job's result is shown. */
function destLink(job: JobV3) {
  if (job.dest === null) return null;
  const kind = job.dest.type.includes('Frame')
    ? 'frames'
    : job.dest.type.includes('Grid')
      ? 'grids'
      : job.dest.type.includes('Model')
        ? 'models'
        : null;
  if (kind === null || job.status !== 'DONE') return <code>{job.dest.name}</code>;
  return <a href={href([kind, job.dest.name])}>{job.dest.name}</a>;
}

function JobRow({ job, onChange }: { job: JobV3; onChange: () => void }) {
  const cancel = useAction(async () => {
    await post(`/3/Jobs/${seg(job.key.name)}/cancel`);
    onChange();
  });
  return (
    <tr>
      <td>{job.description}</td>
      <td>{destLink(job)}</td>
      <td class="wide">
        <JobBar job={job} />
      </td>
      <td>
        {job.status === 'RUNNING' ? (
          <button type="button" onClick={() => cancel.run()} disabled={cancel.busy}>
            Cancel
          </button>
        ) : null}
        <ErrorBox error={cancel.error} />
      </td>
    </tr>
  );
}

/** The cluster status and job list. */
export function ClusterView() {
  const cloud = useLoad(() => get<Cloud>('/3/Cloud', { skip_ticks: true }), [], 2000);
  const jobs = useLoad(() => get<{ jobs: JobV3[] }>('/3/Jobs'), [], 1000);
  const c = cloud.data;
  const n = c?.nodes[0];
  return (
    <section>
      <h1>Cluster</h1>
      <ErrorBox error={cloud.error} />
      {c && n ? (
        <dl class="cards">
          <div>
            <dt>Version</dt>
            <dd>{c.version}</dd>
          </div>
          <div>
            <dt>Name</dt>
            <dd>{c.cloud_name}</dd>
          </div>
          <div>
            <dt>Address</dt>
            <dd>{n.h2o}</dd>
          </div>
          <div>
            <dt>Cores</dt>
            <dd>{n.num_cpus}</dd>
          </div>
          <div>
            <dt>Memory free / total</dt>
            <dd>
              {bytes(n.free_mem)} / {bytes(n.max_mem)}
            </dd>
          </div>
          <div>
            <dt>Heap used</dt>
            <dd>{bytes(n.pojo_mem)}</dd>
          </div>
          <div>
            <dt>Keys</dt>
            <dd>{n.num_keys}</dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd>{duration(c.cloud_uptime_millis)}</dd>
          </div>
          <div>
            <dt>Health</dt>
            <dd>{c.cloud_healthy ? 'healthy' : 'unhealthy'}</dd>
          </div>
        </dl>
      ) : null}
      <h2>Jobs</h2>
      <ErrorBox error={jobs.error} />
      {jobs.data && jobs.data.jobs.length === 0 ? (
        <p class="muted">No jobs yet. Start by importing data.</p>
      ) : null}
      {jobs.data && jobs.data.jobs.length > 0 ? (
        <table class="jobs">
          <thead>
            <tr>
              <th>Job</th>
              <th>Result</th>
              <th>Progress</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...jobs.data.jobs]
              .sort((a, b) => b.start_time - a.start_time)
              .map((j) => (
                <JobRow key={j.key.name} job={j} onChange={jobs.reload} />
              ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
