/**
 * Filling a template: named slots `{{name}}`, no logic. A slot the template
 * names but the caller does not fill is an error, so a typo in a user's own
 * template is reported instead of printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export function fillTemplate(template: string, values: Readonly<Record<string, string>>, name = 'template'): string {
  return template.replace(/\{\{([A-Za-z]+)\}\}/g, (_whole, key: string) => {
    const v = values[key];
    if (v === undefined) throw new TemplateError(`${name}: unknown slot {{${key}}}; available: ${Object.keys(values).map((k) => `{{${k}}}`).join(', ')}`);
    return v;
  });
}

/** The package's templates/ folder (found from this file in src/ or dist/src/). */
export function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return join(dir, 'templates');
    dir = resolve(dir, '..');
  }
  throw new TemplateError('cannot find the templates/ folder of gradtex');
}

export function loadTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new TemplateError(`cannot read template ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
