/**
 * The HTML page of both seed graphs in headless Chromium: the SVG graph has
 * one box per node, KaTeX rendered every table cell (no error nodes), no
 * console errors, no script; the bare SVG opens without errors too. A
 * screenshot is kept as an artifact.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { artifactsDir, CHROMIUM, existsSync, requireOrSkip } from '../document/tools.js';
import { SHARED_A, VECTOR_F } from './seeds.js';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('gradtex graph --format html in a browser', () => {
  it('should show both seed graphs without KaTeX errors, console errors or scripts', async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      for (const seed of [VECTOR_F, SHARED_A]) {
        const dir = mkdtempSync(join(tmpdir(), 'gradtex-graph-html-'));
        const page = join(dir, `${seed.name}.html`);
        const r = await cli(['graph', seed.input, ...seed.args, '--format', 'html', '-o', page]);
        expect(r.code, r.stderr).toBe(0);
        const json = JSON.parse((await cli(['graph', seed.input, ...seed.args, '--format', 'json'])).stdout) as { nodes: unknown[] };
        const svg = (await cli(['graph', seed.input, ...seed.args, '--format', 'svg'])).stdout;
        writeFileSync(join(dir, `${seed.name}.svg`), svg);
        for (const file of [page, join(dir, `${seed.name}.svg`)]) {
          const tab = await browser.newPage();
          const errors: string[] = [];
          tab.on('console', (m) => {
            if (m.type() === 'error') errors.push(m.text());
          });
          tab.on('pageerror', (e) => errors.push(e.message));
          await tab.goto(`file://${file}`);
          await tab.waitForLoadState('load');
          expect(await tab.locator('g.node').count(), file).toBe(json.nodes.length);
          expect(await tab.locator('path.edge').count(), file).toBeGreaterThan(0);
          if (file.endsWith('.html')) {
            expect(await tab.locator('.katex-error').count(), seed.name).toBe(0);
            expect(await tab.locator('.katex').count(), seed.name).toBeGreaterThan(20);
            expect(await tab.locator('script').count(), seed.name).toBe(0);
            await tab.screenshot({ path: join(artifactsDir(), `graph-${seed.name}.png`), fullPage: true });
          }
          expect(errors, file).toEqual([]);
          await tab.close();
        }
      }
    } finally {
      await browser.close();
    }
  });
});
