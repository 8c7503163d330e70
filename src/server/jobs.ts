// Jobs: long work (parse, training, grids, predictions) runs as a promise the server tracks under a
// `$...$` key, with H2O's progress fields, and is cancelled through an AbortController. The work
// itself receives only a signal and a progress callback; it never sees the job table.
import type { JobStatus, JobV3 } from '../schema/index.ts';
import { notFound } from './errors.ts';
import { type KeyKind, keyOf, meta } from './meta.ts';

/** What a job's work function receives. */
export interface JobContext {
  signal: AbortSignal;
  /** Report progress in [0, 1] with an optional message. */
  progress(fraction: number, message?: string): void;
  /** Add a warning that the clients show to the user. */
  warn(message: string): void;
}

/** One tracked job. */
export interface Job {
  key: string;
  description: string;
  dest: { kind: KeyKind; name: string } | null;
  status: JobStatus;
  progress: number;
  progressMsg: string;
  startTime: number;
  endTime: number | null;
  warnings: string[];
  exception: string | null;
  stacktrace: string | null;
  /** Settles when the job has finished (never rejects). */
  done: Promise<void>;
  controller: AbortController;
}

let counter = 0;

/** A job key in H2O's shape (`$03017f00000132d4ffffffff$_...`): the `$` must survive in paths. */
export function newJobKey(): string {
  counter++;
  const rand = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `$03017f00000132d4ffffffff$_${rand}${counter.toString(16).padStart(4, '0')}`;
}

/** The job table. */
export class Jobs {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts `work` as a job and returns it at once (status RUNNING). A thrown error marks the job
   * FAILED with its message; an abort marks it CANCELLED.
   */
  start(description: string, dest: Job['dest'], work: (ctx: JobContext) => Promise<void> | void): Job {
    const controller = new AbortController();
    const job: Job = {
      key: newJobKey(),
      description,
      dest,
      status: 'RUNNING',
      progress: 0,
      progressMsg: '',
      startTime: Date.now(),
      endTime: null,
      warnings: [],
      exception: null,
      stacktrace: null,
      done: Promise.resolve(),
      controller,
    };
    const ctx: JobContext = {
      signal: controller.signal,
      progress(fraction, message) {
        job.progress = Math.max(0, Math.min(1, fraction));
        if (message !== undefined) job.progressMsg = message;
      },
      warn(message) {
        job.warnings.push(message);
      },
    };
    // Run on a later tick so the caller can answer with the job before the work starts.
    job.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        controller.signal.throwIfAborted();
        return work(ctx);
      })
      .then(
        () => {
          if (controller.signal.aborted) return this.finish(job, 'CANCELLED');
          job.progress = 1;
          job.progressMsg = 'Done.';
          this.finish(job, 'DONE');
        },
        (err: unknown) => {
          if (controller.signal.aborted) return this.finish(job, 'CANCELLED');
          const e = err instanceof Error ? err : new Error(String(err));
          job.exception = e.message;
          job.stacktrace = e.stack ?? null;
          this.finish(job, 'FAILED');
        },
      );
    this.jobs.set(job.key, job);
    return job;
  }

  private finish(job: Job, status: JobStatus): void {
    job.status = status;
    job.endTime = Date.now();
    if (status === 'CANCELLED') job.progressMsg = 'Cancelled.';
  }

  /** The job under `key`; 404 when unknown. */
  get(key: string): Job {
    const j = this.jobs.get(key);
    if (j === undefined) throw notFound('Job', key);
    return j;
  }

  list(): Job[] {
    return [...this.jobs.values()];
  }

  /** Requests cancellation; a finished job is left as it is. */
  cancel(key: string): Job {
    const j = this.get(key);
    if (j.status === 'RUNNING' || j.status === 'CREATED') j.controller.abort(new Error('cancelled by user'));
    return j;
  }

  /** Cancels every running job (shutdown). */
  cancelAll(): void {
    for (const j of this.jobs.values()) if (j.status === 'RUNNING') j.controller.abort();
  }
}

/** JobV3 JSON of a job (every key present, `auto_recoverable` included: the python client needs it). */
export function jobJson(job: Job): JobV3 {
  const end = job.endTime ?? Date.now();
  return {
    __meta: meta('JobV3', 'Job'),
    key: keyOf('job', job.key),
    description: job.description,
    status: job.status,
    progress: job.progress,
    progress_msg: job.progressMsg,
    start_time: job.startTime,
    msec: end - job.startTime,
    dest: job.dest === null ? null : keyOf(job.dest.kind, job.dest.name),
    warnings: job.warnings.length > 0 ? [...job.warnings] : null,
    exception: job.exception,
    stacktrace: job.stacktrace,
    auto_recoverable: false,
    ready_for_view: true,
  };
}
