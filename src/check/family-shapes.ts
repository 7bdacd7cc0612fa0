/**
 * Vectors a document names by their entries without stating a size: "$\mathbf{p}$
 * the vector of the $p_k$", where p_k = e^{z_k}/… is defined entry by entry
 * from a stated vector z (so p has z's size), and a bold vector added to or
 * taken from such a vector ($\mathbf{p} - \mathbf{e}_y$: e_y has p's size).
 * With their shapes known, a claim about them can at least be refuted by its
 * shapes (shaped-step.ts) when its definitions cannot be written in.
 *
 *     impliedFamilyShapes(source, segments, stated)   // [{ key: 'p', declaration: 'p: K (…)', … }, { key: 'e_{y}', … }]
 */
import { sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { lineCol } from '../parse/index.js';
import type { Segment } from './segments.js';
import type { StatedShape } from './shape-facts.js';

/** "$\mathbf{p}$ the vector of the $p_k$", "$\mathbf{p}$ is the vector with entries $p_k$" (groups: letter, index letter). */
const VECTOR_OF = /\$\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}\s*\$\s*,?\s*(?:is\s+|be\s+|denotes?\s+|for\s+)?(?:the|a)\s+vector\s+(?:of|with\s+entries)\s+(?:the\s+|its\s+)?\$\s*\1_\{?\s*([a-z])\s*\}?\s*\$/g;
/** A bold vector and a bold letter with an optional letter index joined by + or − (groups: first, second, its index). */
const BOLD_SUM = /\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}\s*[-+]\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}\s*(?:_\{?\s*([a-z])\s*\}?)?/g;

/** The size of the stated vector whose entries u_k a definition `v_k = …` of the family uses (same index letter), if any. */
function familySize(segments: readonly Segment[], v: string, k: string, stated: readonly StatedShape[]): StatedShape | undefined {
  const head = new RegExp(String.raw`^\s*${v}_\{?\s*${k}\s*\}?\s*=([^=]+)$`);
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    const value = head.exec(seg.text)?.[1];
    if (value === undefined) continue;
    for (const m of value.matchAll(new RegExp(String.raw`(?<![A-Za-z\\])([a-z])_\{?\s*${k}\s*\}?`, 'g'))) {
      const u = stated.find((s) => s.key === m[1] && s.shape.vector);
      if (u !== undefined) return u;
    }
  }
  return undefined;
}

export function impliedFamilyShapes(source: string, segments: readonly Segment[], stated: readonly StatedShape[]): StatedShape[] {
  const out: StatedShape[] = [];
  const known = (key: string): boolean => stated.some((s) => s.key === key) || out.some((s) => s.key === key);
  for (const m of source.matchAll(VECTOR_OF)) {
    const [v, k] = [m[1] as string, m[2] as string];
    const u = known(v) ? undefined : familySize(segments, v, k, stated);
    if (u === undefined) continue;
    const at = lineCol(source, m.index);
    out.push({ key: v, declaration: `${v}: ${u.shape.rows} (the vector of the ${v}_${k}, line ${at.line}, defined entry by entry from ${u.declaration})`, shape: u.shape, from: u.from, to: u.to, line: at.line, col: at.col });
  }
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    for (const m of seg.text.matchAll(BOLD_SUM)) {
      const [a, b, index] = [m[1] as string, m[2] as string, m[3]];
      const partner = [...stated, ...out].find((s) => s.key === a && s.shape.vector);
      const key = symKey(sym(b, index === undefined ? [] : [sym(index)]));
      if (partner === undefined || known(key) || key === a) continue;
      const at = lineCol(source, seg.offset + m.index);
      out.push({ key, declaration: `${key}: ${partner.shape.rows} (added to ${partner.key} at line ${at.line}: ${partner.declaration})`, shape: partner.shape, from: partner.from, to: partner.to, line: at.line, col: at.col });
    }
  }
  return out;
}
