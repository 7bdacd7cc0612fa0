/**
 * Loading the rule library from the rules/ folder of the package (or any
 * folder given). Files load in name order, so rule order is deterministic.
 * After a build, the rules come from their compiled form
 * (compiled-rules.json next to this module) when it was made from exactly
 * these files; otherwise the files are parsed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Rule, RuleSet } from './rule.js';
import { groupBySet, parseRuleFile } from './rule-file.js';
import { rulesFromJson, sameFiles, type CompiledRules, type RuleFileText } from './compiled-rules.js';

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

/** Where the build writes the compiled rules: next to this module (dist/src/rewrite/). */
export function compiledRulesPath(): string {
  return fileURLToPath(new URL('./compiled-rules.json', import.meta.url));
}

export interface RuleLibrary {
  readonly rules: readonly Rule[];
  readonly sets: ReadonlyMap<string, RuleSet>;
  byId(id: string): Rule | undefined;
}

/** The rule files of `dir`, in load order. */
export function readRuleFiles(dir: string): RuleFileText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rules'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Parse the rule files' text (what the build compiles, and the fallback without a build). */
export function parseRuleFiles(files: readonly RuleFileText[]): Rule[] {
  const seen = new Map<string, string>();
  const rules: Rule[] = [];
  for (const f of files) rules.push(...parseRuleFile(`rules/${f.name}`, f.text, rules.length, seen));
  return rules;
}

/** The compiled rules if they were made from exactly `files`, else undefined. */
function readCompiled(files: readonly RuleFileText[]): Rule[] | undefined {
  let text: string;
  try {
    text = readFileSync(compiledRulesPath(), 'utf8');
  } catch {
    return undefined; // not built (running from src/): parse
  }
  return rulesFromJson(JSON.parse(text) as CompiledRules, files);
}

/**
 * The rules loaded last, with the files they were made from. Loading the
 * same files again (a second engine in one process, or a run of the CLI's
 * start-up snapshot, which loaded them at build time) reuses them once the
 * texts on disk compare equal, instead of decoding compiled-rules.json
 * again. Rules are immutable, so sharing them changes nothing.
 */
let lastLoaded: { readonly files: readonly RuleFileText[]; readonly rules: readonly Rule[] } | undefined;

export function loadRuleLibrary(dir: string = defaultRulesDir()): RuleLibrary {
  const files = readRuleFiles(dir);
  const rules = lastLoaded !== undefined && sameFiles(lastLoaded.files, files) ? lastLoaded.rules : (readCompiled(files) ?? parseRuleFiles(files));
  lastLoaded = { files, rules };
  const ids = new Map(rules.map((r) => [r.id, r]));
  return { rules, sets: groupBySet(rules), byId: (id) => ids.get(id) };
}
