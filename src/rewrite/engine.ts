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
  };
}
