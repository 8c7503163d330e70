// /3/Jobs (list), /3/Jobs/{id} (poll) and /3/Jobs/{id}/cancel. Job keys contain '$' and arrive
// unencoded in the path.
import type { FastifyInstance } from 'fastify';
import { route } from '../app.ts';
import { jobJson } from '../jobs.ts';
import { meta } from '../meta.ts';
import type { ServerState } from '../state.ts';

/** Registers the job endpoints. */
export function registerJobs(app: FastifyInstance, state: ServerState): void {
  route(app, state, 'GET', '/3/Jobs', 'All jobs', () => ({
    __meta: meta('JobsV3', 'Jobs'),
    job_id: null,
    jobs: state.jobs.list().map(jobJson),
  }));
  route(app, state, 'GET', '/3/Jobs/:job_id', 'Poll one job', (p) => {
    const key = p.required('job_id');
    return { __meta: meta('JobsV3', 'Jobs'), job_id: null, jobs: [jobJson(state.jobs.get(key))] };
  });
  route(app, state, 'POST', '/3/Jobs/:job_id/cancel', 'Cancel a job', (p) => {
    const key = p.required('job_id');
    state.jobs.cancel(key);
    return { __meta: meta('JobsV3', 'Jobs'), job_id: null, jobs: [jobJson(state.jobs.get(key))] };
  });
}
