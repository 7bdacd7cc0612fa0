/**
 * `gradtex diff --detail brief|standard|full`: the same steps in fewer or
 * more displayed lines, the same lines in text, LaTeX and JSON, and the JSON
 * contract only grows ("steps" stays one entry per rewrite).
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const SIGMOID = '1/(1 + exp(-x))';
type Line = { steps: [number, number]; titles: string[]; after: string; latex: string; verdict?: string };

async function json(detail?: string): Promise<{ steps: { rule: string; after: string }[]; lines: Line[]; detail: string; result: string; verification: { verdict: string } }> {
  const r = await cli(['diff', SIGMOID, '--wrt', 'x', '--format', 'json', ...(detail === undefined ? [] : ['--detail', detail])]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('diff --detail', () => {
  it('keeps one JSON step per rewrite at every detail and adds the displayed lines, each checked', async () => {
    const [brief, standard, full] = [await json('brief'), await json(), await json('full')];
    expect(standard.detail).toBe('standard');
    expect(brief.steps).toEqual(full.steps.map((s) => expect.objectContaining({ rule: s.rule, after: s.after })));
    expect(full.lines.length).toBe(full.steps.length);
    expect(brief.lines.length).toBeLessThan(standard.lines.length);
    expect(standard.lines.length).toBeLessThan(full.lines.length);
    for (const j of [brief, standard, full]) {
      // The lines cover the steps in order, end at the result, and every one was checked.
      expect(j.lines[0]?.steps[0]).toBe(0);
      j.lines.forEach((l, k) => k > 0 && expect(l.steps[0]).toBe((j.lines[k - 1] as Line).steps[1] + 1));
      expect(j.lines.at(-1)?.steps[1]).toBe(j.steps.length - 1);
      expect(j.lines.at(-1)?.after).toBe(j.result);
      expect(j.lines.every((l) => l.verdict === 'numeric' || l.verdict === 'proved')).toBe(true);
      expect(j.verification.verdict).toMatch(/^(proved|numeric)$/);
    }
  });

  it('prints the same lines as text and LaTeX', async () => {
    const j = await json('brief');
    const text = await cli(['diff', SIGMOID, '--wrt', 'x', '--detail', 'brief']);
    expect(text.stdout.split('\n').filter((l) => l.startsWith('  = ')).map((l) => l.slice(4).split('    [')[0])).toEqual(j.lines.map((l) => l.after));
    const latex = await cli(['diff', SIGMOID, '--wrt', 'x', '--detail', 'brief', '--format', 'latex']);
    expect(latex.stdout.match(/&= /g)?.length).toBe(j.lines.length);
  });

  it('refuses an unknown level', async () => {
    const r = await cli(['diff', SIGMOID, '--wrt', 'x', '--detail', 'short']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('expected brief, standard or full');
  });
});

describe('diff --shape --detail', () => {
  const args = ['diff', 'norm(W*x - y)^2', '--wrt', 'W', '--shape', 'W: m x n, x: n, y: m'];
  type ShapedJson = { detail: string; steps: { rule: string }[]; lines: { steps: [number, number]; after: string; verdict: string }[]; result: string; verdict: string };
  const run = async (detail: string): Promise<ShapedJson> => {
    const r = await cli([...args, '--format', 'json', '--detail', detail]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as ShapedJson;
  };

  it('shows the matrix steps in fewer lines at brief than at full, each merged line checked entry by entry', async () => {
    const [brief, standard, full] = [await run('brief'), await run('standard'), await run('full')];
    expect(full.lines.length).toBe(full.steps.length);
    expect(brief.lines.length).toBeLessThan(standard.lines.length);
    expect(standard.lines.length).toBeLessThan(full.lines.length);
    expect(brief.lines.length).toBeLessThanOrEqual(4);
    for (const j of [brief, standard, full]) {
      expect(j.lines.at(-1)?.steps[1]).toBe(j.steps.length - 1);
      expect(j.lines.at(-1)?.after).toBe(j.result);
      expect(j.lines.every((l) => l.verdict === 'holds')).toBe(true);
      expect(j.verdict).toBe('holds');
    }
    const text = await cli([...args, '--detail', 'brief']);
    expect(text.stdout.split('\n').filter((l) => l.startsWith('  = ')).length).toBe(brief.lines.length);
    expect(text.stdout).toContain('each merged line checked as one step');
  });
});
