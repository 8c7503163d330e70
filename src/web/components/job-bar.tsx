// A job's progress bar with elapsed time and an ETA extrapolated from progress so far, and the bar
// (with Cancel) of the job a view follows.
import type { JobV3 } from '../../schema/index.ts';
import { post, seg } from '../api.ts';
import { useAction } from '../hooks.ts';
import { ErrorBox } from './error-box.tsx';
import { duration } from './format.ts';

/** Estimated time left: elapsed * (1 - p) / p, once some progress exists. */
export function etaMs(job: JobV3): number {
  if (job.status !== 'RUNNING' || job.progress <= 0.001) return Number.NaN;
  return (job.msec * (1 - job.progress)) / job.progress;
}

/** Progress bar, status, elapsed and ETA of one job. */
export function JobBar({ job }: { job: JobV3 }) {
  const pct = Math.round(job.progress * 100);
  const eta = etaMs(job);
  return (
    <div class="job-bar">
      <progress max={100} value={pct} aria-label={`${job.description}: ${pct}%`} />
      <span class={`status status-${job.status.toLowerCase()}`}>{job.status}</span>
      <span>{pct}%</span>
      <span>elapsed {duration(job.msec)}</span>
      {Number.isFinite(eta) ? <span>ETA {duration(eta)}</span> : null}
      {job.progress_msg ? <span class="muted">{job.progress_msg}</span> : null}
      {job.exception ? (
        <div class="error" role="alert">
          {job.exception}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The bar of the job a view follows (model or grid being built), with a Cancel button while it runs;
 * `onCancelled` lets the view poll the job again at once.
 */
export function FollowedJobBar({
  job,
  jobKey,
  running,
  onCancelled,
}: {
  job: JobV3;
  jobKey: string;
  running: boolean;
  onCancelled: () => void;
}) {
  const cancel = useAction(async () => {
    await post(`/3/Jobs/${seg(jobKey)}/cancel`);
    onCancelled();
  });
  return (
    <div class="row">
      <JobBar job={job} />
      {running ? (
        <button type="button" onClick={() => cancel.run()} disabled={cancel.busy}>
          Cancel
        </button>
      ) : null}
      <ErrorBox error={cancel.error} />
    </div>
  );
}
