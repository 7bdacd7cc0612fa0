/**
 * The textbook triple loop in double precision: the reference the WebAssembly
 * kernel is tested against (and the fallback nobody should use for speed).
 *
 *     const c = naiveGemm({ m: 1, n: 1, k: 2, a: [1, 2], b: [3, 4] }); // [11]
 */
export function naiveGemm(call: {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly a: ArrayLike<number>;
  readonly transA?: boolean;
  readonly b: ArrayLike<number>;
  readonly transB?: boolean;
}): Float64Array {
  const { m, n, k, a, b } = call;
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) {
        const x = call.transA === true ? a[q * m + i] : a[i * k + q];
        const y = call.transB === true ? b[j * k + q] : b[q * n + j];
        s += (x ?? 0) * (y ?? 0);
      }
      c[i * n + j] = s;
    }
  }
  return c;
}
