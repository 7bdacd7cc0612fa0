import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/markdown/index.js';
import remarkGradtex, { type NamedLookup, type RemarkGradtexOptions } from '../../src/markdown/index.js';
import { inertDerivative, differentiate } from '../../src/derive/differentiate.js';
import { parsePlain } from '../../src/parse/index.js';
import { sym } from '../../src/expr/build.js';
import { createEngine } from '../../src/rewrite/engine.js';

const engine = createEngine();

function pipeline(options: RemarkGradtexOptions = {}) {
  return unified().use(remarkParse).use(remarkMath).use(remarkGradtex, { engine, ...options }).use(remarkRehype).use(rehypeKatex).use(rehypeStringify);
}

async function run(markdown: string, options: RemarkGradtexOptions = {}): Promise<{ html: string; file: VFile; error: unknown }> {
  const file = new VFile({ value: markdown, path: 'note.md' });
  try {
    const out = await pipeline(options).process(file);
    return { html: String(out), file, error: undefined };
  } catch (error) {
    return { html: '', file, error };
  }
}

const WRONG = ['# Note', '', 'Some text.', '', '```check', 'x^2 - 1 = (x - 1)(x + 1)', '        = x^2 + 1', '```', ''].join('\n');

describe('remarkGradtex', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(['MESSAGE_SOURCE', 'default', 'remarkGradtex']);
  });

  it('should report a wrong step at its line and column, as a warning by default', async () => {
    const { file, error } = await run(WRONG);
    expect(error).toBeUndefined();
    expect(file.messages).toHaveLength(1);
    const m = file.messages[0];
    if (m === undefined) throw new Error('no message');
    expect([m.line, m.column]).toEqual([7, 11]);
    expect(m.place).toEqual({ start: { line: 7, column: 11 }, end: { line: 7, column: 18 } });
    expect(m.fatal).toBe(false);
    expect(m.source).toBe('gradtex');
    expect(m.ruleId).toBe('check-failed');
    expect(m.reason).toMatch(/^this step does not hold: \(x - 1\)\(x \+ 1\) = x\^2 \+ 1: at x = /);
  });

  it('should fail the run with failOnError, after reporting every failing step', async () => {
    const twice = `${WRONG}\n<!-- gradtex: check -->\n$$\n2x = x + x = 3x\n$$\n`;
    const { file, error } = await run(twice, { failOnError: true });
    expect(error).toBe(file.messages[0]);
    expect(file.messages.map((m) => [m.line, m.column, m.fatal])).toEqual([
      [7, 11, true],
      [12, 14, true],
    ]);
    expect(String(error)).toMatch(/^note\.md:7:11-7:18: this step does not hold/);
  });

  it('should not fail with failOnError when every check holds', async () => {
    const { error, file } = await run('```check\n(x+1)^2 = x^2 + 2x + 1\n```\n', { failOnError: true });
    expect(error).toBeUndefined();
    expect(file.messages).toEqual([]);
  });

  it('should render a derive block as display math without KaTeX errors', async () => {
    const { html, file } = await run('```derive\nd/dx sigma(x)\nd/dz_j exp(z_i)/sum(exp(z_k), k, 1, c)\n```\n');
    expect(file.messages).toEqual([]);
    expect(html).not.toContain('katex-error');
    expect(html.match(/class="katex-display"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain('language-derive');
    expect(html.match(/<p class="gradtex-check">✓ [^<]*random points<\/p>/g)).toHaveLength(2);
  });

  it('should show the title of every rule that is not routine', async () => {
    const { html } = await run('```derive\nd/dx sin(x^2)\n```\n');
    const titles = differentiate(engine, parsePlain('sin(x^2)'), [sym('x')]).steps.filter((s) => s.minor !== true).map((s) => s.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(html).toContain(t);
  });

  it('should render the example course note with no messages and no KaTeX errors', async () => {
    const note = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'notes', 'backprop-basics.md'), 'utf8');
    const { html, file } = await run(note, { failOnError: true });
    expect(file.messages.map(String)).toEqual([]);
    expect(html).not.toContain('katex-error');
    expect(html).not.toContain('gradtex-check failed');
  }, 60_000);

  it('should leave verdict lines out when asked', async () => {
    const { html } = await run('```derive\nd/dx x^2\n```\n', { verdicts: false });
    expect(html).not.toContain('gradtex-check');
    expect(html).toContain('katex-display');
  });

  it('should leave other code blocks and unmarked display math alone', async () => {
    const { html, file } = await run('```js\nconst a = 1 = 2;\n```\n\n$$\n1 = 2\n$$\n');
    expect(file.messages).toEqual([]);
    expect(html).toContain('<code class="language-js">const a = 1 = 2;\n</code>');
  });

  it('should use a named derivation from the lookup it is given', async () => {
    const named: NamedLookup = (name, e) => {
      if (name !== 'sigmoid-derivative') return undefined;
      const f = parsePlain('sigma(x)');
      return { derivation: differentiate(e, f, [sym('x')]), lhs: inertDerivative(f, [sym('x')]) };
    };
    const { html, file } = await run('```derive\nsigmoid-derivative\n```\n', { named });
    expect(file.messages).toEqual([]);
    expect(html).toContain('<p class="gradtex-check">✓');
    const unknown = await run('```derive\nno-such-thing\n```\n', { named });
    expect(unknown.file.messages.map((m) => m.reason)).toEqual([
      "unknown derivation 'no-such-thing': there is no derivation by that name; write `d/dx EXPR` or `diff EXPR wrt x` instead",
    ]);
  });

  it('should report a derivation whose steps do not hold, at the request', async () => {
    const named: NamedLookup = (_name, e) => {
      const f = parsePlain('x^3');
      const d = differentiate(e, f, [sym('x')]);
      const wrong = parsePlain('2*x^2');
      const last = d.steps[d.steps.length - 1];
      if (last === undefined) return undefined;
      // A tampered last step: its claimed result is not what the rule gives.
      const steps = [...d.steps.slice(0, -1), { ...last, after: wrong, contractum: wrong }];
      return { derivation: { ...d, steps, result: wrong }, lhs: inertDerivative(f, [sym('x')]) };
    };
    const { html, file } = await run('Text.\n\n```derive\n  tampered-cube\n```\n', { named });
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[4, 3, 'derive-failed']]);
    expect(html).toContain('<p class="gradtex-check failed">✗');
  });
});
