/** The two computation-graph problems of the seed problem sets, as `gradtex graph` arguments (shared by the graph tests). */
export const VECTOR_F = {
  name: 'seed-vector-f',
  input: 'f1 = ln(w1^2 + w2^2) + w1*exp(w2); f2 = w1*sin(w2) + cos(w1)',
  args: ['--at', 'w1=2,w2=1', '--ops', '+,square,ln,*,sin,cos,exp', '--fd', 'forward', '--fd-step', '0.001'],
} as const;

export const SHARED_A = {
  name: 'seed-shared-subexpression',
  input: 'a = x*y + z; b = a*(x + x); w = a*b + b',
  args: ['--at', 'x=1,y=2,z=3', '--fd', 'central', '--fd-step', '0.001'],
} as const;
