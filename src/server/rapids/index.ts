// Public surface of the Rapids subset: parse and evaluate one expression against the catalog.
import './ops-frame.ts';
import './ops-math.ts';
import './ops-stats.ts';

export { describe, evaluate, type RapidsEnv, type RVal, rapidsFunctions } from './eval.ts';
export { type Ast, parseRapids, RapidsError } from './parser.ts';
