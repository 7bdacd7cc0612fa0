/**
 * Golden LaTeX and SVG of the two seed graphs (tests/fixtures/graph/), small
 * enough to review in a diff. UPDATE=1 rewrites them; a missing golden file
 * is a failure, not a pass.
 *
 *     UPDATE=1 npx vitest run --config tests/vitest.config.ts tests/graph/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { SHARED_A, VECTOR_F } from './seeds.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'graph');
const update = process.env['UPDATE'] === '1';

describe('gradtex graph golden files', () => {
  for (const seed of [VECTOR_F, SHARED_A]) {
    for (const [format, ext] of [
      ['latex', 'tex'],
      ['svg', 'svg'],
    ] as const) {
      it(`should print ${seed.name}.${ext} as reviewed`, async () => {
        const r = await cli(['graph', seed.input, ...seed.args, '--format', format]);
        expect(r.code, r.stderr).toBe(0);
        const file = join(dir, `${seed.name}.${ext}`);
        if (update) writeFileSync(file, r.stdout);
        expect(existsSync(file), `${file} is missing: run with UPDATE=1 and review it`).toBe(true);
        expect(r.stdout).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
