// Validation of loss × distribution × kind of model (semantics §1.3): which losses and distributions
// a classifier, a regressor and an autoencoder accept, and the distributions' own parameter ranges.
import type { FieldMessage } from '../../core/index.ts';
import { type Distribution, DL_DISTRIBUTIONS, type Loss } from './enums.ts';
import type { DeepLearningParameters } from './parameters.ts';
import type { ValidationContext } from './validate.ts';

const CLASSIFICATION_LOSSES: readonly Loss[] = ['Automatic', 'CrossEntropy', 'Quadratic'];
const CLASSIFICATION_DISTRIBUTIONS: readonly Distribution[] = ['AUTO', 'bernoulli', 'multinomial'];
const REGRESSION_DISTRIBUTIONS = DL_DISTRIBUTIONS.filter((d) => !CLASSIFICATION_DISTRIBUTIONS.includes(d));
// Regression distributions that pin the loss: only Automatic or this loss is allowed.
const PAIRED_LOSS: Partial<Record<Distribution, Loss>> = {
  laplace: 'Absolute',
  quantile: 'Quantile',
  huber: 'Huber',
};
const DEVIANCE_ONLY: readonly Distribution[] = ['poisson', 'gamma', 'tweedie'];

/** Appends the loss/distribution errors of §1.3 to `out`. */
export function validateDistribution(
  p: DeepLearningParameters,
  ctx: ValidationContext,
  out: FieldMessage[],
): void {
  const err = (field: string, message: string) => out.push({ field, level: 'ERROR', message });
  const ae = p.autoencoder || ctx.isAutoencoder;
  const classifier = ctx.isClassifier && !ae;
  const regression = !ctx.isClassifier && !ae;
  const d = p.distribution;

  if (p.loss === 'ModifiedHuber')
    err(
      'loss',
      `ModifiedHuber loss is not supported yet for DeepLearning. Allowed: Automatic, Quadratic, CrossEntropy, Huber, Absolute, Quantile.`,
    );
  if (!DL_DISTRIBUTIONS.includes(d)) {
    err('distribution', `'${d}' is not supported for DeepLearning. Allowed: ${DL_DISTRIBUTIONS.join(', ')}.`);
    return; // the remaining checks would only repeat this one
  }

  if (ae && p.loss === 'CrossEntropy')
    err(
      'loss',
      'Cannot use CrossEntropy loss for an autoencoder. Allowed: Automatic, Quadratic, Huber, Absolute, Quantile.',
    );
  if (regression && p.loss === 'CrossEntropy')
    err(
      'loss',
      'CrossEntropy loss needs a categorical response (classification); for regression use Automatic, Quadratic, Huber, Absolute or Quantile.',
    );
  if (classifier && !CLASSIFICATION_LOSSES.includes(p.loss) && p.loss !== 'ModifiedHuber')
    err(
      'loss',
      `For classification tasks, the loss must be one of ${CLASSIFICATION_LOSSES.join(', ')}; got ${p.loss}.`,
    );

  if (classifier && !CLASSIFICATION_DISTRIBUTIONS.includes(d))
    err(
      'distribution',
      `${d} is not allowed for classification. Allowed: ${CLASSIFICATION_DISTRIBUTIONS.join(', ')}.`,
    );
  if (classifier && d === 'bernoulli' && ctx.nClasses !== 2)
    err(
      'distribution',
      `bernoulli needs a 2-class response; this one has ${ctx.nClasses} classes. Use multinomial or AUTO.`,
    );
  if (regression && CLASSIFICATION_DISTRIBUTIONS.includes(d) && d !== 'AUTO')
    err(
      'distribution',
      `${d} is not allowed for regression. Allowed: AUTO, ${REGRESSION_DISTRIBUTIONS.join(', ')}.`,
    );

  if (regression && DEVIANCE_ONLY.includes(d) && p.loss !== 'Automatic')
    err('loss', `Only Automatic loss (deviance) is allowed for the ${d} distribution; got ${p.loss}.`);
  const paired = PAIRED_LOSS[d];
  if (regression && paired !== undefined && p.loss !== 'Automatic' && p.loss !== paired)
    err('loss', `Only Automatic or ${paired} loss is allowed for the ${d} distribution; got ${p.loss}.`);

  if (DEVIANCE_ONLY.includes(d) && ctx.responseMin !== undefined && ctx.responseMin < 0)
    err('distribution', `${d} needs a non-negative response; the response's minimum is ${ctx.responseMin}.`);
  // The distributions' own parameters are checked whatever the distribution: an out-of-range value
  // is a mistake even where it has no effect.
  if (!(p.tweedie_power > 1 && p.tweedie_power < 2))
    err('tweedie_power', `must be > 1 and < 2, got ${p.tweedie_power}.`);
  if (!(p.quantile_alpha >= 0 && p.quantile_alpha <= 1))
    err('quantile_alpha', `must be between 0 and 1 (inclusive), got ${p.quantile_alpha}.`);
  if (!(p.huber_alpha >= 0 && p.huber_alpha <= 1))
    err('huber_alpha', `must be between 0 and 1 (inclusive), got ${p.huber_alpha}.`);
}
