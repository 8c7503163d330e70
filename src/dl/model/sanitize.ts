// The effective ("sanitised") parameters a model trains with (semantics §1.2): H2O keeps the user's
// parameters untouched and rewrites a copy, in a fixed order. Each rewrite below cites its rule
// number; where the doc marks code and booklet as disagreeing [code≠docs], the booklet wins.
import type { DeepLearningParameters } from './parameters.ts';

/** What the rewrites depend on besides the parameters. */
export interface SanitizeContext {
  isClassifier: boolean;
  nClasses: number;
  isAutoencoder: boolean;
  /** Processes training together; 1 (the default) for an in-process or single-machine run. */
  nNodes?: number;
}

/** One rewrite that changed a value, for logs and the model's output. */
export interface Rewrite {
  field: keyof DeepLearningParameters;
  from: unknown;
  to: unknown;
  /** Rule of semantics §1.2 and why. */
  reason: string;
}

/**
 * Returns the sanitised copy and the list of values it changed. `params` is not modified.
 *
 * Not done here: train_samples_per_iteration=-2 (auto) stays -2 unless reproducible (rule 12); the
 * trainer resolves it, as it knows the row count and its own speed (§5.3: at most epochs·N/10 and
 * 100 000 rows, rounded down to a multiple of N when within 20 %). `max_w2` is never changed (rule 8,
 * see below). An explicit regression `loss` stays as given next to an explicit `distribution`: H2O's
 * code trains on the distribution's gradient there [code≠docs, end of §1.2], the booklet on the loss,
 * so the trainer should take the output gradient from `loss` whenever it is not Automatic.
 */
export function sanitizeParameters(
  params: DeepLearningParameters,
  ctx: SanitizeContext,
): { effective: DeepLearningParameters; rewrites: Rewrite[] } {
  const p = structuredClone(params);
  const rewrites: Rewrite[] = [];
  const set = <K extends keyof DeepLearningParameters>(
    field: K,
    to: DeepLearningParameters[K],
    reason: string,
  ) => {
    const from = p[field];
    if (JSON.stringify(from) === JSON.stringify(to)) return;
    p[field] = to;
    rewrites.push({ field, from, to, reason });
  };
  const ae = p.autoencoder || ctx.isAutoencoder;
  const nNodes = ctx.nNodes ?? 1;

  // §1.2 rule 1: *WithDropout activations default to 0.5 dropout in every hidden layer.
  if (p.hidden_dropout_ratios === null && p.activation.endsWith('WithDropout'))
    set(
      'hidden_dropout_ratios',
      p.hidden.map(() => 0.5),
      '§1.2.1 default hidden dropout for a *WithDropout activation',
    );
  // §1.2 rule 2: nothing to replicate to on one node; single_node_mode only matters with replication.
  if (nNodes === 1) set('replicate_training_data', false, '§1.2.2 one node: no replication');
  if (!(nNodes > 1 && p.replicate_training_data))
    set('single_node_mode', false, '§1.2.2 single_node_mode needs multi-node replication');
  // §1.2 rule 3: an autoencoder reconstructs every level, so it needs all of them as inputs.
  if (ae) set('use_all_factor_levels', true, '§1.2.3 forced for an autoencoder');
  // §1.2 rule 4: the main model of a cross-validation trains its final epochs without a best-model pick.
  if (p.nfolds !== 0)
    set('overwrite_with_best_model', false, '§1.2.4 off for the main model of cross-validation');
  // §1.2 rule 5.
  if (p.categorical_encoding === 'AUTO')
    set('categorical_encoding', 'OneHotInternal', '§1.2.5 AUTO is OneHotInternal');
  // §1.2 rule 6 (H2O resets mini_batch_size > 1 to 1) is not applied: mini-batches are an opt-in
  // beyond H2O here (docs/differences-from-h2o.md); validation warns that results then differ.
  // §1.2 rule 7: ADADELTA has no rate, annealing, decay or momentum; the manual rate has no rho/epsilon.
  if (p.adaptive_rate) {
    const why = '§1.2.7 unused with adaptive_rate';
    for (const f of [
      'rate',
      'rate_decay',
      'rate_annealing',
      'momentum_start',
      'momentum_ramp',
      'momentum_stable',
    ] as const)
      set(f, 0, why);
  } else {
    set('rho', 0, '§1.2.7 unused without adaptive_rate');
    set('epsilon', 0, '§1.2.7 unused without adaptive_rate');
  }
  // §1.2 rule 8 [code≠docs]: H2O's code would cap max_w2 at 1000 for Rectifier when it is +Infinity;
  // the booklet says the default "leaves this maximum unbounded", so max_w2 is kept as given.
  // §1.2 rule 9 (and 13 for autoencoders): reconstruction error is the only autoencoder metric.
  if (ae && p.stopping_metric === 'AUTO')
    set('stopping_metric', 'MSE', '§1.2.9 AUTO is MSE for an autoencoder');
  // §1.2 rule 10: distribution from the kind of model, or for regression from the loss.
  if (p.distribution === 'AUTO') {
    const byLoss = { Absolute: 'laplace', Quantile: 'quantile', Huber: 'huber' } as const;
    const d =
      ctx.isClassifier && !ae
        ? ctx.nClasses === 2
          ? 'bernoulli'
          : 'multinomial'
        : (byLoss[p.loss as keyof typeof byLoss] ?? 'gaussian');
    set('distribution', d, '§1.2.10 AUTO resolved');
  }
  // §1.2 rule 11: loss from the distribution; deviance distributions keep Automatic (deviance gradient).
  if (p.loss === 'Automatic') {
    const byDistribution = {
      gaussian: 'Quadratic',
      quantile: 'Quantile',
      laplace: 'Absolute',
      huber: 'Huber',
      bernoulli: 'CrossEntropy',
      multinomial: 'CrossEntropy',
    } as const;
    const l = byDistribution[p.distribution as keyof typeof byDistribution];
    if (l !== undefined) set('loss', l, '§1.2.11 Automatic resolved');
  }
  // §1.2 rule 12: reproducible = one chunk, one thread, scored every iteration, all rows per iteration.
  if (p.reproducible) {
    const why = '§1.2.12 reproducible';
    set('force_load_balance', true, why);
    set('score_each_iteration', true, why);
    set('replicate_training_data', false, why);
    if (p.train_samples_per_iteration === -2) set('train_samples_per_iteration', -1, why);
  }
  // §1.2 rule 13: the stopping metric H2O uses when AUTO.
  if (p.stopping_metric === 'AUTO')
    set('stopping_metric', ctx.isClassifier ? 'logloss' : 'deviance', '§1.2.13 AUTO resolved');
  return { effective: p, rewrites };
}

/** The sanitised copy only (see {@link sanitizeParameters}). */
export function effectiveParameters(
  params: DeepLearningParameters,
  ctx: SanitizeContext,
): DeepLearningParameters {
  return sanitizeParameters(params, ctx).effective;
}
