/**
 * Loading the rule library from the rules/ folder of the package (or any
 * folder given). Files load in name order, so rule order is deterministic.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Rule, RuleSet } from './rule.js';
import { groupBySet, parseRuleFile } from './rule-file.js';

/** The package's own rules/ folder, found from this file's location (src/ or dist/src/). */
export function defaultRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find the rules/ folder of gradtex');
}

export interface RuleLibrary {
  readonly rules: readonly Rule[];
  readonly sets: ReadonlyMap<string, RuleSet>;
  byId(id: string): Rule | undefined;
}

export function loadRuleLibrary(dir: string = defaultRulesDir()): RuleLibrary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.rules'))
    .sort();
  const seen = new Map<string, string>();
  const rules: Rule[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    rules.push(...parseRuleFile(`rules/${f}`, text, rules.length, seen));
  }
  const ids = new Map(rules.map((r) => [r.id, r]));
  return { rules, sets: groupBySet(rules), byId: (id) => ids.get(id) };
}
