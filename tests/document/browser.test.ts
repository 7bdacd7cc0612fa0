/**
 * The HTML page opened in headless Chromium (Debian's chromium driven by
 * playwright-core): KaTeX rendered every formula (no error nodes), the page
 * logs no console errors, no script runs from user text; a screenshot is
 * kept as an artifact.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';
import { artifactsDir, CHROMIUM, existsSync, requireOrSkip } from './tools.js';

const root = join(import.meta.dirname, '..', '..');
const specs = [
  ...readdirSync(join(root, 'examples', 'problem-sets')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'examples', 'problem-sets', f)),
  join(root, 'tests', 'fixtures', 'documents', 'injection.yaml'),
];

describe('HTML in a browser', () => {
  it('should show every page without KaTeX errors, console errors or injected scripts', async (ctx) => {
    requireOrSkip(ctx, existsSync(CHROMIUM), 'chromium');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      for (const spec of specs) {
        const dir = mkdtempSync(join(tmpdir(), 'gradtex-html-'));
        const r = await cli(['render', spec, '-o', dir, '--to', 'html']);
        expect(r.code, r.stderr).toBe(0);
        const stem = spec.split('/').pop()?.replace(/\.yaml$/, '') ?? '';
        const page = await browser.newPage();
        const errors: string[] = [];
        let dialogs = 0;
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        await page.goto(`file://${join(dir, `${stem}.html`)}`);
        await page.waitForLoadState('load');
        expect(await page.locator('.katex-error').count(), stem).toBe(0);
        expect(await page.locator('.katex').count(), stem).toBeGreaterThan(0);
        expect(await page.locator('script').count(), stem).toBe(0);
        expect(errors, stem).toEqual([]);
        expect(dialogs, stem).toBe(0);
        await page.screenshot({ path: join(artifactsDir(), `${stem}.png`), fullPage: false });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
