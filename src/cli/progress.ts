// A progress bar on stderr while training, only on a TTY (pipes and CI get nothing).
import cliProgress from 'cli-progress';
import type { TrainProgress } from '../dl/index.ts';

/** A bar for training progress, or null when stderr is not a terminal. */
export function progressReporter(): { update: (p: TrainProgress) => void; stop: () => void } | null {
  if (!process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'training [{bar}] {percentage}% | epochs {epochs} | {samples} samples',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(100, 0, { epochs: '0', samples: 0 });
  return {
    update: (p) =>
      bar.update(Math.round(p.progress * 100), { epochs: p.epochs.toFixed(2), samples: p.samples }),
    stop: () => bar.stop(),
  };
}
