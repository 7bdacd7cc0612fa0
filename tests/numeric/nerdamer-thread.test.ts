import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The thread runs the built worker (dist/), as the CLI does: each run is a fresh process with the built modules.
const root = join(import.meta.dirname, '..', '..');
const dist = (p: string): string => join(root, 'dist', 'src', p);
const built = existsSync(dist('numeric/nerdamer-worker.js'));

const script = `
const bridge = await import(${JSON.stringify(dist('numeric/nerdamer-bridge.js'))});
const thread = await import(${JSON.stringify(dist('numeric/nerdamer-thread.js'))});
const { parsePlain } = await import(${JSON.stringify(dist('parse/index.js'))});
const { sym } = await import(${JSON.stringify(dist('expr/build.js'))});
if (process.argv[1] === 'thread') thread.startNerdamerThread();
const x = sym('x');
const out = {
  derivatives: ['x^2', 'sin(x)*exp(x)', 'log(x)/x', 'tanh(x)^3', 'relu(x)'].map((f) => bridge.nerdamerDerivative(parsePlain(f), x)),
  agrees: [['sigma(x)', '1/(1 + exp(-x))'], ['(x+1)^2', 'x^2 + 2*x + 1'], ['x^2', 'x^3'], ['sqrt(2)*x', 'x']].map(([a, b]) => bridge.nerdamerAgrees(parsePlain(a), parsePlain(b)) ?? 'not asked'),
  direct: thread.askNerdamerThread('diff((v0)^(2),v0)') ?? 'no thread',
  broken: thread.askNerdamerThread('diff((v0,v0)') ?? 'no thread',
};
console.log(JSON.stringify(out));
`;

function run(mode: 'thread' | 'in-process'): { derivatives: unknown; agrees: unknown; direct: unknown; broken: unknown } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { derivatives: unknown; agrees: unknown; direct: unknown; broken: unknown };
}

describe('nerdamer in a thread of its own', () => {
  it.skipIf(!built)('should give the answers nerdamer gives in the asking thread, errors included', () => {
    const inThread = run('thread');
    const local = run('in-process');
    expect(inThread.derivatives).toStrictEqual(local.derivatives);
    expect(inThread.agrees).toStrictEqual(local.agrees);
    expect(local.agrees).toStrictEqual([true, true, false, 'not asked']);
    // The thread did answer (and only when started); a nerdamer error comes back as its message.
    expect(inThread.direct).toStrictEqual({ text: '2*v0' });
    expect(local.direct).toBe('no thread');
    expect(inThread.broken).toMatchObject({ error: expect.any(String) });
  });
});
