// Public surface of core: errors and the seeded RNG. A leaf: imports nothing from the project.
export { assert, type FieldMessage, H2OInputError, ParseError, ValidationError } from './errors.ts';
export { Rng, randomSeed } from './rng.ts';
