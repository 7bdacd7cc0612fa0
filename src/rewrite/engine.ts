/**
 * The loaded rule library with its indices, built once and passed explicitly
 * to differentiate/simplify (no module-level state).
 *
 *     const engine = createEngine();
 *     differentiate(engine, parsePlain('sigma(x)'), [sym('x')]);
 */
import { loadRuleLibrary, type RuleLibrary } from './load-rules.js';
import { RuleIndex } from './rule-index.js';
import type { RuleSet } from './rule.js';

export interface Engine {
  readonly library: RuleLibrary;
  /** Differentiation: derivative rules first, then simplification, interleaved innermost first. */
  readonly differentiation: RuleIndex;
  readonly simplification: RuleIndex;
  /** Matrix calculus under declared shapes (rules/matrix-calculus.rules): gradients backwards, Jacobians forwards, with their own simplifications, since the scalar ones may assume products commute. */
  readonly matrixDifferentiation: RuleIndex;
  /** Moving a transpose inwards, to state a derivative in the other layout. */
  readonly matrixLayout: RuleIndex;
}

function set(lib: RuleLibrary, name: string): RuleSet {
  const s = lib.sets.get(name);
  if (s === undefined) throw new Error(`rule set '${name}' is missing from the rules folder`);
  return s;
}

export function createEngine(opts: { rulesDir?: string } = {}): Engine {
  const library = loadRuleLibrary(opts.rulesDir);
  const derive = set(library, 'derive');
  const simplify = set(library, 'simplify');
  return {
    library,
    differentiation: new RuleIndex([derive, simplify]),
    simplification: new RuleIndex([simplify]),
    matrixDifferentiation: new RuleIndex([set(library, 'matrix-derive'), set(library, 'matrix-simplify')]),
    matrixLayout: new RuleIndex([set(library, 'matrix-layout'), set(library, 'matrix-simplify')]),
  };
}
