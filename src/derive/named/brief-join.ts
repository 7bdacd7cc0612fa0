/**
 * What a textbook prints as one line, a spec writes as several parts
 * ("multiplying out", "the cases k = l", "using Σ_k y_k = 1", "collecting"),
 * each with its own title at detail standard and full. At detail brief a part
 * marked `brief: join` is shown as the continuation of the part before it:
 * its steps are appended to that part's derivation. They are algebra (no
 * derivative left), so brief's grouping (src/proof/group-steps.ts) shows them
 * as one line with the algebra before them, checked as one step like every
 * merged line.
 *
 * Only a part that continues the chain can join: its start must be the result
 * of the part before (checked here; a spec that breaks the chain is refused
 * with its line:col rather than shown as a line that does not follow).
 *
 *     joinBriefParts(computed).parts.length   // fewer parts, same first and last expressions
 */
import { equal } from '../../expr/equal.js';
import { toPlain } from '../../expr/to-plain.js';
import type { ComputedNamed, ComputedPart } from './compute.js';
import { NamedSpecError } from './spec.js';


export function joinBriefParts(c: ComputedNamed): ComputedNamed {
  if (!c.parts.some((p) => p.part.briefJoin)) return c;
  const out: ComputedPart[] = [];
  for (const p of c.parts) {
    const host = out[out.length - 1];
    if (!p.part.briefJoin || host === undefined) {
      out.push(p);
      continue;
    }
    const d = host.derivation;
    if (!equal(p.derivation.start, d.result)) {
      throw new NamedSpecError(c.spec.file, p.part.line, p.part.col, `'brief: join' needs this part to start where the part before ended (${toPlain(d.result)}), but it starts at ${toPlain(p.derivation.start)}`);
    }
    out[out.length - 1] = {
      ...host,
      derivation: { start: d.start, steps: [...d.steps, ...p.derivation.steps], result: p.derivation.result, stop: p.derivation.stop },
      unfoldings: [...host.unfoldings, ...p.unfoldings],
    };
  }
  return { ...c, parts: out };
}
