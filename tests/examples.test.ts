/** Every example a user would run works: each request file in examples/diff answers without errors or failed checks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli/run.js';

const dir = join(import.meta.dirname, '..', 'examples', 'diff');

describe('examples/diff', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    it(`should answer every request in ${f} with verified results`, async () => {
      const r = await cli(['diff', '--batch', join(dir, f)]);
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.length).toBe(readFileSync(join(dir, f), 'utf8').trim().split('\n').length);
      for (const l of lines) {
        expect(l['error'], String(l['id'])).toBeUndefined();
        const parts = (l['gradient'] as { verification: { verdict: string } }[] | undefined) ?? [l as unknown as { verification: { verdict: string } }];
        for (const p of parts) expect(p.verification.verdict, String(l['id'])).toMatch(/^(proved|numeric)$/);
      }
    });
  }
});
