import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('--at values are finite numbers in the function\'s domain, or a one-line error naming the variable', () => {
  const bad: [string[], string][] = [
    [['diff', 'x^2', '--wrt', 'x', '--at', 'x=1e309'], 'gradtex: --at x=1e309: the value of x is not finite in double precision (it overflows beyond 1.8e308)\n'],
    [['diff', 'x^2', '--wrt', 'x', '--at', 'x=1/0'], 'gradtex: --at x=1/0: the value of x is not finite\n'],
    [['diff', 'x^2', '--wrt', 'x', '--at', 'x=0/0'], 'gradtex: --at x=0/0: the value of x is not a number\n'],
    [['diff', 'x^2', '--wrt', 'x', '--at', 'x=1e-400'], 'gradtex: --at x=1e-400: the value of x underflows to 0 in double precision\n'],
    [['diff', 'x^2', '--wrt', 'x', '--at', 'x=1e99999999'], "gradtex: --at 'x=1e99999999': the exponent of 1e99999999 is out of range for a double\n"],
    [['diff', 'log(x)', '--wrt', 'x', '--at', 'x=-1'], 'gradtex: --at x = -1: outside the domain of log(x) (not a finite number there)\n'],
    [['diff', 'sqrt(x)', '--wrt', 'x', '--at', 'x=0'], 'gradtex: --at x = 0: outside the domain of the derivative 1/(2*sqrt(x)) (not a finite number there)\n'],
    [['diff', 'log(x)*y', '--grad', 'x,y', '--at', 'x=-1,y=2'], 'gradtex: --at x = -1: outside the domain of log(x), in log(x)*y (not a finite number there)\n'],
    [['eval', 'log(x)', '--at', 'x=-1'], 'gradtex: --at x = -1: outside the domain of log(x) (not a finite number there)\n'],
    [['eval', '1/(x - 1)', '--at', 'x=1'], 'gradtex: --at x = 1: outside the domain of 1/(x - 1) (not a finite number there)\n'],
    [['eval', 'x', '--at', 'x=1e309'], 'gradtex: --at x=1e309: the value of x is not finite in double precision (it overflows beyond 1.8e308)\n'],
  ];
  for (const [args, message] of bad) {
    it(`should refuse ${args.join(' ')} with exit 2`, async () => {
      const r = await cli(args);
      expect(r.stderr).toBe(message);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    });
  }

  it('should read scientific notation exactly', async () => {
    const j = JSON.parse((await cli(['diff', 'x^2', '--wrt', 'x', '--at', 'x=2.5e-3', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(j['value']).toBe('1/200');
    expect(j['exact']).toBe(true);
    expect(j['differentiable']).toBe(true);
  });

  it('should give a batch line with a bad point its own error and answer the others', async () => {
    const r = await cli(['diff', '--batch', '-'], '{"id":"a","expr":"log(x)","wrt":["x"],"at":"x=-1"}\n{"id":"b","expr":"x^2","wrt":["x"],"at":"x=3"}\n');
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a).toEqual({ id: 'a', error: 'line 1: --at x = -1: outside the domain of log(x) (not a finite number there)' });
    expect(b?.['value']).toBe('6');
  });
});

describe('derivatives at a kink are stated as not differentiable, never given an exact value', () => {
  it('should say relu is not differentiable at 0 with its one-sided derivatives, and state the convention apart', async () => {
    const r = await cli(['diff', 'relu(x)', '--wrt', 'x', '--at', 'x=0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nnot differentiable at x = 0 (left derivative 0, right derivative 1)\nconvention: PyTorch, TensorFlow and JAX take relu\'(0) = 0\n');
    expect(r.stdout).not.toMatch(/^value:/m);
    const j = JSON.parse((await cli(['diff', 'relu(x)', '--wrt', 'x', '--at', 'x=0', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ differentiable: false, left: { value: '0', exact: true }, right: { value: '1', exact: true }, statement: 'not differentiable at x = 0 (left derivative 0, right derivative 1)' });
    expect(j['value']).toBeUndefined();
    expect(j['exact']).toBeUndefined();
    expect(j['result']).toBe('step(x)');
  });

  it('should do the same for |x| at 0, max at a tie and a kink inside a product', async () => {
    const text = async (e: string, at: string): Promise<string> => (await cli(['diff', e, '--wrt', 'x', '--at', at])).stdout;
    expect(await text('abs(x)', 'x=0')).toContain('not differentiable at x = 0 (left derivative -1, right derivative 1)');
    expect(await text('max(x, 1)', 'x=1')).toContain('not differentiable at x = 1 (left derivative 0, right derivative 1)');
    expect(await text('max(x, 1)', 'x=1')).toContain('convention: PyTorch (torch.maximum) gives each argument half the gradient at a tie');
    expect(await text('relu(x - 1)*x^2', 'x=1')).toContain('not differentiable at x = 1 (left derivative 0, right derivative 1)');
  });

  it('should say a step is not differentiable where it jumps', async () => {
    const r = await cli(['diff', 'step(x)', '--wrt', 'x', '--at', 'x=0']);
    expect(r.stdout).toContain('not differentiable at x = 0: the function jumps there (from 0 to 1)');
    expect(r.stdout).not.toMatch(/^value:/m);
  });

  it('should give the value where kinks meet but the one-sided derivatives agree, and refuse one it cannot decide', async () => {
    const j = JSON.parse((await cli(['diff', 'x*abs(x)', '--wrt', 'x', '--at', 'x=0', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ differentiable: true, value: '0', exact: true });
    const r = JSON.parse((await cli(['diff', 'relu(x)', '--wrt', 'x', '--wrt', 'x', '--at', 'x=0', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(r['differentiable']).toBeNull();
    expect(r['value']).toBeUndefined();
    expect(String(r['statement'])).toMatch(/^may not be differentiable at x = 0/);
  });

  it('should keep values away from kinks, and kinks in other variables out of a partial derivative', async () => {
    const j = JSON.parse((await cli(['diff', 'relu(x)', '--wrt', 'x', '--at', 'x=2', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ differentiable: true, value: '1', exact: true });
    const k = JSON.parse((await cli(['diff', 'relu(y)*x', '--wrt', 'x', '--at', 'x=1,y=0', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(k).toMatchObject({ differentiable: true, approx: 0, exact: true });
  });
});
