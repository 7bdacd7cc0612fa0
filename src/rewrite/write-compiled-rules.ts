/**
 * Build step (`npm run build`, after tsc): parses rules/*.rules and writes
 * the result to dist/src/rewrite/compiled-rules.json, which start-up reads
 * instead of parsing the files (load-rules.ts). A rule file with a mistake
 * fails the build with its file:line:col.
 *
 *     node dist/src/rewrite/write-compiled-rules.js
 */
import { writeFileSync } from 'node:fs';
import { rulesToJson } from './compiled-rules.js';
import { compiledRulesPath, defaultRulesDir, parseRuleFiles, readRuleFiles } from './load-rules.js';

const files = readRuleFiles(defaultRulesDir());
const rules = parseRuleFiles(files);
writeFileSync(compiledRulesPath(), JSON.stringify(rulesToJson(rules, files)));
