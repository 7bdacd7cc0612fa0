/**
 * The named derivations shipped in rules/derivations/ (one YAML file each).
 *
 *     listNamed()                 // [{ name: 'sigmoid', title: 'Derivative of the sigmoid' }, …]
 *     loadNamedSpec('sigmoid')    // the parsed spec
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRulesDir } from '../../rewrite/load-rules.js';
import { parseNamedSpec, type NamedSpec } from './spec.js';
import type { ParameterChoice } from './parameters.js';

/** rules/derivations of the package. */
export function derivationsDir(): string {
  return join(defaultRulesDir(), 'derivations');
}

/**
 * The order of the issue that asked for them (simple to involved); files not
 * listed here follow in name order.
 */
const ORDER = [
  'sigmoid',
  'tanh',
  'softplus',
  'softmax-jacobian',
  'softmax-cross-entropy',
  'gradient-descent-rule',
  'perceptron-loss',
  'adaline-loss',
  'logistic-loss',
  'xor-linear-least-squares',
  'softmax-regression-gradient',
  'softmax-regression-matrix',
  'linear-map-jacobians',
  'two-layer-backprop',
  'two-layer-network',
];

export function namedDerivationNames(dir: string = derivationsDir()): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length));
  const rank = (n: string): number => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The spec of NAME, with `parameters` choosing a variant (defaults otherwise; see parameters.ts). */
export function loadNamedSpec(name: string, dir: string = derivationsDir(), parameters: ParameterChoice = {}): NamedSpec | undefined {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return undefined;
  const path = join(dir, `${name}.yaml`);
  if (!existsSync(path)) return undefined;
  return parseNamedSpec(name, `rules/derivations/${name}.yaml`, readFileSync(path, 'utf8'), parameters);
}

export function listNamed(dir: string = derivationsDir()): { name: string; title: string }[] {
  return namedDerivationNames(dir).flatMap((name) => {
    const spec = loadNamedSpec(name, dir);
    return spec === undefined ? [] : [{ name, title: spec.title }];
  });
}
