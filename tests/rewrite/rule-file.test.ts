import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { parseRuleFile, RuleFileError } from '../../src/rewrite/rule-file.js';

function load(text: string): RuleFileError {
  try {
    parseRuleFile('rules/test.rules', text, 0, new Map());
  } catch (e) {
    if (e instanceof RuleFileError) return e;
    throw e;
  }
  throw new Error('no error');
}

const HEAD = '@set simplify\n@vars u v : expr\n';

describe('rule files', () => {
  it('should read a rule with guard, title, note and justification', () => {
    const [r] = parseRuleFile('rules/t.rules', `${HEAD}alg.div-self   u / u => 1   if nonzero(u)   "Cancelling"   note "for \${u} \\\\neq 0$"   latex "\\\\frac{u}{u} = 1"\n`, 0, new Map());
    expect(r).toMatchObject({ id: 'alg.div-self', title: 'Cancelling', set: 'simplify', latex: '\\\\frac{u}{u} = 1' });
  });

  it('should name file:line:col for a syntax error in a pattern', () => {
    const e = load(`${HEAD}\nalg.bad   u + => u   "Broken"\n`);
    expect(e.message).toMatch(/^rules\/test\.rules:4:\d+: /);
  });

  it('should reject an unknown guard, a duplicate id, an undeclared variable and a missing title', () => {
    expect(load(`${HEAD}alg.a   u => u   if shiny(u)   "A"\n`).message).toMatch(/rules\/test\.rules:3:\d+: unknown guard 'shiny'/);
    expect(load(`${HEAD}alg.a   u + 0 => u   "A"\nalg.a   u * 1 => u   "B"\n`).message).toMatch(/:4:1: duplicate rule id 'alg.a'/);
    expect(load(`${HEAD}alg.a   u + w => u   "A"\n`).message).toMatch(/'w' is not a declared pattern variable/);
    expect(load(`${HEAD}alg.a   u + 0 => u\n`).message).toMatch(/:3:\d+: expected a quoted title/);
    expect(load(`${HEAD}alg.a   u + 0 => v   "A"\n`).message).toMatch(/'v' appears on the right but not on the left/);
    expect(load(`alg.a   u + 0 => u   "A"\n`).message).toMatch(/before any '@set NAME'/);
    expect(load(`${HEAD}Bad Id   u => u   "A"\n`).message).toMatch(/is not a rule id/);
  });

  it('should fail loading a folder with a malformed file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-rules-'));
    writeFileSync(join(dir, 'broken.rules'), `${HEAD}alg.x   u +* v => u   "X"\n`);
    expect(() => loadRuleLibrary(dir)).toThrow(/rules\/broken\.rules:3:\d+/);
  });

  it('should load the shipped library with unique ids in both sets', () => {
    const lib = loadRuleLibrary();
    expect(lib.sets.get('derive')?.rules.length).toBeGreaterThan(25);
    expect(lib.sets.get('simplify')?.rules.length).toBeGreaterThan(30);
    expect(new Set(lib.rules.map((r) => r.id)).size).toBe(lib.rules.length);
  });
});
