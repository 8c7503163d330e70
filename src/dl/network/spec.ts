// The network's description (already sanitised parameters, H2O names) and the checks the network
// itself relies on. Parameter validation for users lives in dl/model; these checks guard the engine.
import { type FieldMessage, ValidationError } from '../../core/index.ts';
import { ACTIVATIONS, type Activation } from '../model/enums.ts';

/** H2O's activation names (one list, in dl/model). */
export type { Activation } from '../model/enums.ts';

/** Distribution after AUTO resolution (semantics doc §1.2). */
export type Distribution =
  | 'bernoulli'
  | 'multinomial'
  | 'gaussian'
  | 'poisson'
  | 'gamma'
  | 'tweedie'
  | 'laplace'
  | 'quantile'
  | 'huber';

/** Loss after resolution; for regression the distribution decides the gradient (§1.2). */
export type Loss = 'CrossEntropy' | 'Quadratic' | 'Automatic' | 'Absolute' | 'Huber' | 'Quantile';

/** Everything the network needs, with sanitised values (e.g. rate = 0 when adaptive_rate). */
export interface NetworkSpec {
  /** [inputs, hidden..., outputs]. */
  units: number[];
  activation: Activation;
  output: 'softmax' | 'linear' | 'autoencoder';
  distribution: Distribution;
  loss: Loss;
  tweedie_power: number;
  quantile_alpha: number;
  input_dropout_ratio: number;
  /** One ratio per hidden layer; zeros when there is no dropout. */
  hidden_dropout_ratios: number[];
  l1: number;
  l2: number;
  max_w2: number;
  adaptive_rate: boolean;
  rho: number;
  epsilon: number;
  rate: number;
  rate_annealing: number;
  rate_decay: number;
  momentum_start: number;
  momentum_ramp: number;
  momentum_stable: number;
  nesterov_accelerated_gradient: boolean;
  fast_mode: boolean;
  average_activation: number;
  sparsity_beta: number;
  /**
   * Rows per update (an H2O parameter H2O itself resets to 1). Above 1 the trainer may call
   * Network.trainBatch: the mean gradient of the rows, one update per batch (wasm kernels only).
   */
  mini_batch_size?: number;
}

/** The activation family without the dropout suffix. */
export type ActivationKind = 'Tanh' | 'Rectifier' | 'Maxout' | 'ExpRectifier';

/** Strips 'WithDropout'. */
export function activationKind(a: Activation): ActivationKind {
  return a.replace('WithDropout', '') as ActivationKind;
}

const REGRESSION = ['gaussian', 'poisson', 'gamma', 'tweedie', 'laplace', 'quantile', 'huber'];

/** Throws one ValidationError listing every way `spec` cannot describe a network. */
export function checkNetworkSpec(spec: NetworkSpec): void {
  const m: FieldMessage[] = [];
  const err = (field: string, message: string) => m.push({ field, level: 'ERROR', message });
  const u = spec.units;
  if (!Array.isArray(u) || u.length < 2)
    err('hidden', `units must list inputs and outputs, got ${JSON.stringify(u)}`);
  else if (u.some((n) => !Number.isInteger(n) || n < 1))
    err('hidden', `every layer size must be a positive integer, got ${JSON.stringify(u)}`);
  if (!ACTIVATIONS.includes(spec.activation))
    err('activation', `unknown value '${spec.activation}'. Allowed: ${ACTIVATIONS.join(', ')}.`);
  const nHidden = Array.isArray(u) ? Math.max(0, u.length - 2) : 0;
  const hdr = spec.hidden_dropout_ratios;
  if (!Array.isArray(hdr) || hdr.length !== nHidden)
    err(
      'hidden_dropout_ratios',
      `expected ${nHidden} values (one per hidden layer), got ${JSON.stringify(hdr)}`,
    );
  else if (hdr.some((r) => !(r >= 0 && r < 1)))
    err('hidden_dropout_ratios', `every ratio must be >= 0 and < 1, got ${JSON.stringify(hdr)}`);
  if (!(spec.input_dropout_ratio >= 0 && spec.input_dropout_ratio < 1))
    err('input_dropout_ratio', `must be >= 0 and < 1, got ${spec.input_dropout_ratio}`);
  if (spec.output === 'softmax') {
    if (spec.distribution !== 'bernoulli' && spec.distribution !== 'multinomial')
      err(
        'distribution',
        `'${spec.distribution}' is not allowed for classification. Allowed: bernoulli, multinomial.`,
      );
    if (!['CrossEntropy', 'Quadratic', 'Automatic'].includes(spec.loss))
      err(
        'loss',
        `'${spec.loss}' is not allowed for classification. Allowed: Automatic, CrossEntropy, Quadratic.`,
      );
  } else if (spec.output === 'linear' || spec.output === 'autoencoder') {
    if (!REGRESSION.includes(spec.distribution))
      err(
        'distribution',
        `'${spec.distribution}' is not allowed for ${spec.output} output. Allowed: ${REGRESSION.join(', ')}.`,
      );
    if (spec.output === 'linear' && Array.isArray(u) && u[u.length - 1] !== 1)
      err('hidden', `a linear (regression) output has 1 unit, got ${u[u.length - 1]}`);
    if (spec.output === 'autoencoder' && Array.isArray(u) && u[u.length - 1] !== u[0])
      err('hidden', `an autoencoder output has as many units as inputs (${u[0]}), got ${u[u.length - 1]}`);
  } else {
    err('output', `unknown value '${spec.output}'. Allowed: softmax, linear, autoencoder.`);
  }
  if (spec.distribution === 'tweedie' && !(spec.tweedie_power > 1 && spec.tweedie_power < 2))
    err('tweedie_power', `must be in (1, 2), got ${spec.tweedie_power}`);
  if (spec.distribution === 'quantile' && !(spec.quantile_alpha >= 0 && spec.quantile_alpha <= 1))
    err('quantile_alpha', `must be in [0, 1], got ${spec.quantile_alpha}`);
  if (!(spec.l1 >= 0)) err('l1', `must be >= 0, got ${spec.l1}`);
  if (!(spec.l2 >= 0)) err('l2', `must be >= 0, got ${spec.l2}`);
  if (!(spec.max_w2 > 0)) err('max_w2', `must be > 0, got ${spec.max_w2}`);
  if (spec.adaptive_rate) {
    if (!(spec.rho > 0 && spec.rho < 1)) err('rho', `must be in (0, 1) with adaptive_rate, got ${spec.rho}`);
    if (!(spec.epsilon > 0)) err('epsilon', `must be > 0 with adaptive_rate, got ${spec.epsilon}`);
  } else {
    if (!(spec.rate >= 0)) err('rate', `must be >= 0, got ${spec.rate}`);
    if (!(spec.momentum_ramp >= 0)) err('momentum_ramp', `must be >= 0, got ${spec.momentum_ramp}`);
  }
  if (m.length > 0) throw new ValidationError(m, 'network specification');
}
