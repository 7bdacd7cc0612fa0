/**
 * Math whose braces do not pair up (`e^{2x = 2e^{2x}`, a typo): its relations
 * sit inside a group that never closes, so the splitter sees none and the
 * claim would vanish without a word. The checker lists it as not read, at
 * the brace.
 *
 *     unbalancedBrace('e^{2x = 2e^{2x}')   // { at: 2, reason: "a '{' is never closed" }
 */
export function unbalancedBrace(math: string): { readonly at: number; readonly reason: string } | undefined {
  const open: number[] = [];
  for (let i = 0; i < math.length; i++) {
    const c = math[i];
    if (c === '\\') {
      i++; // \{ and \} are delimiters, not groups
      continue;
    }
    if (c === '%') {
      // a TeX comment runs to the end of the line
      const nl = math.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length === 0) return { at: i, reason: "a '}' closes no '{'" };
      open.pop();
    }
  }
  const first = open[0];
  return first === undefined ? undefined : { at: first, reason: "a '{' is never closed" };
}
