// Coercion of every value form users type (CLI, REST forms, JSON, R), and one error for all problems.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../core/index.ts';
import { coerceHyperParameters, coerceParameters } from './coerce.ts';
import { parseListLiteral } from './list-literal.ts';
import { suggest } from './suggest.ts';

/** The ValidationError thrown by `fn`, or a failed assertion. */
function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ValidationError, `expected ValidationError, got ${e}`);
    return e;
  }
  assert.fail('expected a ValidationError');
}

function messageFor(e: ValidationError, field: string): string {
  const m = e.messages.find((x) => x.field === field);
  assert.ok(m, `no message for ${field} in ${JSON.stringify(e.messages)}`);
  assert.equal(m.level, 'ERROR');
  return m.message;
}

describe('coerceParameters: numbers', () => {
  it('reads integers and doubles from text, including exponent notation', () => {
    const p = coerceParameters({
      epochs: '0.5',
      l1: '1e-5',
      rate: '.01',
      seed: '-42',
      momentum_ramp: '1E6',
      nfolds: 3,
    });
    assert.deepEqual(p, { epochs: 0.5, l1: 1e-5, rate: 0.01, seed: -42, momentum_ramp: 1e6, nfolds: 3 });
  });

  it('accepts Infinity spellings for doubles (max_w2)', () => {
    assert.equal(coerceParameters({ max_w2: 'Infinity' }).max_w2, Infinity);
    assert.equal(coerceParameters({ max_w2: 'inf' }).max_w2, Infinity);
  });

  it('rejects non-numbers, hexadecimal, empty text and fractions for integers, naming value and type', () => {
    const e = validationError(() =>
      coerceParameters({
        epochs: 'ten',
        l2: '0x10',
        rate: '',
        nfolds: '2.5',
        max_categorical_features: '3e9',
      }),
    );
    assert.equal(messageFor(e, 'epochs'), "expected a number, got 'ten'");
    assert.equal(messageFor(e, 'l2'), "expected a number, got '0x10'");
    assert.equal(messageFor(e, 'rate'), "expected a number, got ''");
    assert.equal(messageFor(e, 'nfolds'), "expected an integer, got '2.5'");
    assert.match(messageFor(e, 'max_categorical_features'), /within ±2147483647, got '3e9'/);
  });

  it('takes 64-bit seeds (Java long) as numbers', () => {
    // 2^53 + 2 is representable exactly; larger seeds keep the nearest double.
    assert.equal(coerceParameters({ seed: '9007199254740994' }).seed, 9007199254740994);
  });
});

describe('coerceParameters: booleans', () => {
  for (const [text, value] of [
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['0', false],
  ] as const)
    it(`reads '${text}' as ${value}`, () =>
      assert.equal(coerceParameters({ reproducible: text }).reproducible, value));

  it('accepts JSON booleans and 0/1 numbers, rejects anything else listing the accepted spellings', () => {
    assert.deepEqual(coerceParameters({ sparse: true, autoencoder: 0 }), {
      sparse: true,
      autoencoder: false,
    });
    const e = validationError(() => coerceParameters({ sparse: 'yes' }));
    assert.equal(
      messageFor(e, 'sparse'),
      "expected true or false (True, TRUE, 1 and 0 also accepted), got 'yes'",
    );
  });
});

describe('coerceParameters: lists', () => {
  for (const text of ['32,32,32', '[32, 32, 32]', 'c(32,32,32)', '(32, 32, 32)', ' [ 32 ,32,32 ] '])
    it(`reads hidden='${text}' as [32, 32, 32]`, () =>
      assert.deepEqual(coerceParameters({ hidden: text }).hidden, [32, 32, 32]));

  it('reads JSON arrays, a single number and an empty list', () => {
    assert.deepEqual(coerceParameters({ hidden: [10, 20] }).hidden, [10, 20]);
    assert.deepEqual(coerceParameters({ hidden: '64' }).hidden, [64]);
    assert.deepEqual(coerceParameters({ hidden: 64 }).hidden, [64]);
    assert.deepEqual(coerceParameters({ hidden: '[]' }).hidden, []);
    assert.deepEqual(coerceParameters({ hidden: '' }).hidden, []);
  });

  it('reads double lists and string lists with quoted or bare names', () => {
    assert.deepEqual(
      coerceParameters({ hidden_dropout_ratios: '[0.1, 0.2]' }).hidden_dropout_ratios,
      [0.1, 0.2],
    );
    assert.deepEqual(coerceParameters({ ignored_columns: '["a", "b c"]' }).ignored_columns, ['a', 'b c']);
    assert.deepEqual(coerceParameters({ ignored_columns: "c('x','1')" }).ignored_columns, ['x', '1']);
    assert.deepEqual(coerceParameters({ ignored_columns: 'AGE,RACE' }).ignored_columns, ['AGE', 'RACE']);
  });

  it('reads key lists with null entries (initial_weights)', () => {
    assert.deepEqual(coerceParameters({ initial_weights: '[w0, None, "w2"]' }).initial_weights, [
      'w0',
      null,
      'w2',
    ]);
  });

  it('rejects a bad item, a nested list (grid values) and malformed brackets, quoting the value', () => {
    const e = validationError(() =>
      coerceParameters({
        hidden: '32,x',
        hidden_dropout_ratios: '[[0.5],[0.1]]',
        class_sampling_factors: '[1, 2',
      }),
    );
    assert.equal(messageFor(e, 'hidden'), "expected an integer, got 'x' in the list '32,x'");
    assert.match(messageFor(e, 'hidden_dropout_ratios'), /nested list '\[\[0\.5\],\[0\.1\]\]'.*hyper_params/);
    assert.match(messageFor(e, 'class_sampling_factors'), /malformed list: missing '\]'/);
  });
});

describe('coerceParameters: enums, keys and names', () => {
  it('takes H2O spellings exactly and lists the allowed values otherwise', () => {
    assert.equal(coerceParameters({ activation: 'RectifierWithDropout' }).activation, 'RectifierWithDropout');
    const e = validationError(() => coerceParameters({ activation: 'Relu' }));
    assert.equal(
      messageFor(e, 'activation'),
      "unknown value 'Relu'. Allowed: Tanh, TanhWithDropout, Rectifier, RectifierWithDropout, Maxout, MaxoutWithDropout, ExpRectifier, ExpRectifierWithDropout.",
    );
  });

  it('suggests the H2O spelling for a case slip, and accepts it with enumMatch loose (Python client)', () => {
    const e = validationError(() => coerceParameters({ activation: 'tanh_with_dropout' }));
    assert.match(messageFor(e, 'activation'), /Allowed: .* Did you mean 'TanhWithDropout'\?$/);
    const p = coerceParameters(
      { activation: 'tanh_with_dropout', stopping_metric: 'mse', loss: 'crossentropy' },
      { enumMatch: 'loose' },
    );
    assert.deepEqual(p, { activation: 'TanhWithDropout', stopping_metric: 'MSE', loss: 'CrossEntropy' });
  });

  it("accepts the booklet's categorical_encoding spellings", () => {
    assert.equal(
      coerceParameters({ categorical_encoding: 'one_hot_internal' }).categorical_encoding,
      'OneHotInternal',
    );
    assert.equal(coerceParameters({ categorical_encoding: 'eigen' }).categorical_encoding, 'Eigen');
  });

  it('reads keys as text or as H2O key objects, and None/empty as unset', () => {
    const p = coerceParameters({
      training_frame: { name: 'train.hex' },
      checkpoint: 'None',
      validation_frame: '',
    });
    assert.deepEqual(p, { training_frame: 'train.hex', checkpoint: null, validation_frame: null });
  });

  it('maps the client argument y to response_column and keeps x', () => {
    assert.deepEqual(coerceParameters({ y: 'CAPSULE', x: 'AGE,PSA' }), {
      response_column: 'CAPSULE',
      x: ['AGE', 'PSA'],
    });
    const e = validationError(() => coerceParameters({ y: 'a', response_column: 'b' }));
    assert.match(messageFor(e, 'y'), /differs from response_column 'b'/);
  });

  it('rejects null for a parameter that cannot be unset', () => {
    const e = validationError(() => coerceParameters({ epochs: null }));
    assert.equal(messageFor(e, 'epochs'), 'may not be null; expected a number');
  });
});

describe('coerceParameters: unknown names and collecting problems', () => {
  it('names an unknown parameter and suggests the closest one', () => {
    const e = validationError(() => coerceParameters({ epoch: 3, hiden: '1', learning_rate: 0.1 }));
    assert.equal(
      messageFor(e, 'epoch'),
      "unknown parameter 'epoch' for deeplearning. Did you mean 'epochs'?",
    );
    assert.match(messageFor(e, 'hiden'), /Did you mean 'hidden'\?/);
    assert.match(messageFor(e, 'learning_rate'), /^unknown parameter 'learning_rate'/);
  });

  it('collects every problem into one ValidationError whose message lists each field', () => {
    const e = validationError(() =>
      coerceParameters({ activation: 'Relu', epochs: 'x', hidden: 'a', reproducible: 'maybe', bogus: 1 }),
    );
    assert.deepEqual(e.messages.map((m) => m.field).sort(), [
      'activation',
      'bogus',
      'epochs',
      'hidden',
      'reproducible',
    ]);
    for (const f of ['activation', 'bogus', 'epochs', 'hidden', 'reproducible'])
      assert.ok(e.message.includes(`${f}:`), f);
  });

  it('skips undefined entries', () => {
    assert.deepEqual(coerceParameters({ epochs: undefined, l1: '0' }), { l1: 0 });
  });
});

describe('coerceHyperParameters', () => {
  it('reads nested lists for hidden in Python and R spellings', () => {
    assert.deepEqual(coerceHyperParameters({ hidden: '[[32,32],[64]]' }).hidden, [[32, 32], [64]]);
    assert.deepEqual(coerceHyperParameters({ hidden: 'list(c(10,10), c(20,20))' }).hidden, [
      [10, 10],
      [20, 20],
    ]);
    assert.deepEqual(coerceHyperParameters({ hidden: [[5], '7,7'] }).hidden, [[5], [7, 7]]);
  });

  it('reads scalar candidates from text or arrays', () => {
    const h = coerceHyperParameters({
      epochs: 'c(1, 2.5)',
      activation: ['Tanh', 'Rectifier'],
      l1: '[0, 1e-4]',
    });
    assert.deepEqual(h, { epochs: [1, 2.5], activation: ['Tanh', 'Rectifier'], l1: [0, 1e-4] });
  });

  it('rejects non-gridable parameters, flat lists for hidden, empty candidate lists and bad values together', () => {
    const e = validationError(() =>
      coerceHyperParameters({ response_column: ['a'], hidden: '[10, 20]', l2: '[]', activation: ['Relu'] }),
    );
    assert.match(messageFor(e, 'response_column'), /is not gridable\. Gridable: .*hidden/);
    assert.match(messageFor(e, 'hidden'), /each grid value must be a list of integers.*\[\[32,32\],\[64\]\]/);
    assert.match(messageFor(e, 'l2'), /needs at least one value/);
    assert.match(messageFor(e, 'activation'), /unknown value 'Relu'\. Allowed: Tanh/);
  });
});

describe('parseListLiteral and suggest', () => {
  it('keeps quoted items as text and marks them quoted', () => {
    assert.deepEqual(parseListLiteral("['a,b', 2]"), [
      { text: 'a,b', quoted: true },
      { text: '2', quoted: false },
    ]);
  });

  it('suggests nothing for a word far from every candidate', () => {
    assert.equal(suggest('zzzzzz', ['hidden', 'epochs']), undefined);
  });
});
