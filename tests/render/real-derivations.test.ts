/**
 * The printers on real derivations: every case of the derivative suite is
 * differentiated by the rule engine, and its aligned block must render in
 * KaTeX, and every intermediate expression must print to text that the
 * parsers read back as the same tree.
 */
import { describe, expect, it } from 'vitest';
import { inertDerivative, differentiate } from '../../src/derive/differentiate.js';
import { equal } from '../../src/expr/equal.js';
import type { Sym } from '../../src/expr/node.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { derivationToLatex, renderKatex, toLatex, toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { loadSuite } from '../derive/suite-cases.js';

const engine = createEngine();

describe('printing the derivative suite', () => {
  for (const c of loadSuite()) {
    it(`should render and read back every line of ${c.id}`, () => {
      const f = parsePlain(c.expr);
      const wrt = c.wrt.map((w) => parsePlain(w) as Sym);
      const d = differentiate(engine, f, wrt);
      const block = derivationToLatex(d, { env: 'aligned', lhs: inertDerivative(f, wrt) });
      const r = renderKatex(block, { displayMode: true });
      expect(r.ok ? 'ok' : r.message).toBe('ok');
      for (const s of d.steps) {
        const plain = toPlain(s.after);
        expect(equal(parsePlain(plain), s.after), `${s.rule}: ${plain}`).toBe(true);
        const latex = toLatex(s.after);
        expect(equal(parseLatex(latex), s.after), `${s.rule}: ${latex} read back as ${toPlain(parseLatex(latex))}`).toBe(true);
      }
    });
  }
});
