/**
 * The input of `gradtex construct --claim 'y^2 = 1' --over 'y in {-1, 1}'`:
 * one relation (plain or LaTeX, read by the project's parsers) and the finite
 * set of each variable (`A, B in {0,1}`, `y ∈ {-1, 1}`, `k \in \{1, 2, 3\}`).
 */
import type { Expr } from '../expr/node.js';
import type { Rational } from '../expr/rational.js';
import { symKey } from '../expr/sym-key.js';
import type { FiniteRelation } from '../finite/finite-claim.js';
import { parseRational } from '../finite/rational-text.js';
import { parseMath } from '../parse/parse-auto.js';
import { splitRelations } from '../parse/split-relations.js';
import { ConstructError } from './construct-error.js';

export interface FiniteSets {
  /** Symbol keys, as the evaluator looks them up. */
  readonly keys: readonly string[];
  /** As the user wrote them. */
  readonly shown: readonly string[];
  readonly sets: readonly (readonly Rational[])[];
}

function readExpr(text: string, what: string): Expr {
  try {
    return parseMath(text).expr;
  } catch (e) {
    throw new ConstructError(`cannot read ${what} '${text.trim()}': ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** 'A, B in {0,1}; y ∈ {-1, 1}' -> A, B over {0, 1} and y over {-1, 1}. */
export function parseOver(text: string): FiniteSets {
  const keys: string[] = [];
  const shown: string[] = [];
  const sets: Rational[][] = [];
  const re = /\s*([^{}]+?)\s*(?:\\in|∈|\bin\b)\s*\\?\{([^{}]*?)\\?\}\s*(?:[,;]|$)/gy;
  let at = 0;
  const t = text.trim();
  while (at < t.length) {
    re.lastIndex = at;
    const m = re.exec(t);
    if (m === null || m[0] === '') throw new ConstructError(`cannot read '${t.slice(at)}' in --over: write the variables and their set, e.g. 'A, B in {0, 1}; y in {-1, 1}'`);
    at = re.lastIndex;
    const values = (m[2] as string).split(',').map((v) => {
      const r = parseRational(v);
      if (r === undefined) throw new ConstructError(`--over: '${v.trim()}' is not a number (write 0, -1, 1/2, 0.25)`);
      return r;
    });
    if (values.length === 0) throw new ConstructError('--over: an empty set');
    for (const name of (m[1] as string).split(',').map((n) => n.trim())) {
      const e = readExpr(name, 'the variable');
      if (e.kind !== 'sym') throw new ConstructError(`--over: '${name}' is not a variable name`);
      const key = symKey(e);
      if (keys.includes(key)) throw new ConstructError(`--over gives ${name} twice`);
      keys.push(key);
      shown.push(name);
      sets.push(values);
    }
  }
  if (keys.length === 0) throw new ConstructError('--over names no variable');
  return { keys, shown, sets };
}

const RELATIONS: Readonly<Record<string, FiniteRelation>> = { '=': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * The readers keep a decimal as a double, which the exact evaluator reads by
 * its shortest spelling: a decimal with more digits than that spelling
 * (0.1000000000000000000001 is the double 0.1) would be judged as another number.
 */
function refuseLossyDecimals(text: string): void {
  for (const m of text.matchAll(/(?<![\w.])(\d+\.\d+|\d+(?:\.\d+)?[eE][-+]?\d+)(?![\w.])/g)) {
    const typed = m[1] as string;
    const mantissa = /^(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(typed);
    const spelled = /^(\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(String(Number(typed)));
    const exact = (g: RegExpExecArray | null): string => {
      if (g === null) return '?';
      const digits = `${g[1]}${g[2] ?? ''}`.replace(/^0+(?=\d)/, '');
      if (/^0*$/.test(digits)) return '0';
      return `${digits.replace(/0+$/, '')}@${Number(g[3] ?? '0') - (g[2] ?? '').length + (digits.length - digits.replace(/0+$/, '').length)}`;
    };
    if (exact(mantissa) !== exact(spelled)) throw new ConstructError(`--claim: the decimal ${typed} has more digits than gradtex reads exactly (it would be read as ${String(Number(typed))}); write it as a fraction`);
  }
}

/** 'max(0, 1 - y) = 1 - y' -> both sides and the relation; one relation only. */
export function parseClaim(text: string): { left: Expr; rel: FiniteRelation; right: Expr } {
  refuseLossyDecimals(text);
  const chains = splitRelations(text);
  const chain = chains[0];
  if (chains.length !== 1 || chain === undefined || chain.rels.length !== 1) throw new ConstructError(`--claim takes one relation such as 'y^2 = 1'; cannot read '${text.trim()}' as one`);
  const relation = chain.rels[0];
  const rel = relation === undefined ? undefined : RELATIONS[relation.rel];
  if (rel === undefined || relation?.definition === true) throw new ConstructError(`--claim: the relation '${relation?.rel ?? '?'}' is not judged by exhaustion (use =, ≠, <, ≤, >, ≥)`);
  const [l, r] = chain.sides;
  return { left: readExpr(l?.latex ?? '', 'the left side'), rel, right: readExpr(r?.latex ?? '', 'the right side') };
}
