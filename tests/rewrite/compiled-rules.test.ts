import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesFromJson, rulesToJson, type CompiledRules } from '../../src/rewrite/compiled-rules.js';
import { defaultRulesDir, parseRuleFiles, readRuleFiles } from '../../src/rewrite/load-rules.js';

const files = readRuleFiles(defaultRulesDir());
const parsed = parseRuleFiles(files);

const builtPath = join(defaultRulesDir(), '..', 'dist', 'src', 'rewrite', 'compiled-rules.json');
const builtRules = existsSync(builtPath) ? rulesFromJson(JSON.parse(readFileSync(builtPath, 'utf8')) as CompiledRules, files) : undefined;

/** Through text, as the build writes it and start-up reads it. */
const roundTrip = (c: CompiledRules): CompiledRules => JSON.parse(JSON.stringify(c)) as CompiledRules;

describe('compiled rules (the build-time form of rules/*.rules)', () => {
  it('should give back exactly the parsed rules, trees and hashes included', () => {
    const back = rulesFromJson(roundTrip(rulesToJson(parsed, files)), files);
    expect(back).toStrictEqual(parsed);
    expect(parsed.length).toBeGreaterThan(100);
  });

  it('should be refused when the rule files changed since it was compiled', () => {
    const compiled = roundTrip(rulesToJson(parsed, files));
    const edited = files.map((f, i) => (i === 0 ? { name: f.name, text: `${f.text}\n` } : f));
    expect(rulesFromJson(compiled, edited)).toBeUndefined();
    const renamed = files.map((f, i) => (i === 0 ? { name: `z-${f.name}`, text: f.text } : f));
    expect(rulesFromJson(compiled, renamed)).toBeUndefined();
    expect(rulesFromJson(compiled, files.slice(1))).toBeUndefined();
  });

  // Skipped without a build, or with a build older than the rule files (start-up then parses the files too).
  it.skipIf(builtRules === undefined)('should equal the parsed rules in the file the build wrote', () => {
    expect(builtRules).toStrictEqual(parsed);
  });
});
