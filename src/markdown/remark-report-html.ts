/**
 * Raw HTML in a note is never put on the page (remark-rehype drops it and
 * the sanitiser would remove it); this plugin tells the author where, as an
 * info message, so a `<img>` or `<details>` that vanished is not a mystery.
 * Comments (`<!-- … -->`, including gradtex's check marker) are not reported.
 *
 *     // 'x <b onclick="alert(1)">y</b>'  →  info at 1:3: "raw HTML is not rendered: <b onclick=…"
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

interface Node {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly Node[];
  readonly position?: { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } };
}

export function remarkReportHtml(): (tree: Root, file: VFile) => void {
  return (tree, file) => {
    // An explicit stack, in document order: no recursion on deeply nested input.
    const stack: Node[] = [tree as Node];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      // Closing tags are reported with their opening tag.
      if (node.type === 'html' && node.value !== undefined && !/^\s*<!--[^]*-->\s*$/.test(node.value) && !/^\s*<\//.test(node.value)) {
        const flat = node.value.replace(/\s+/g, ' ').trim();
        const shown = flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
        file.info(`raw HTML is not rendered: ${shown}`, { ruleId: 'raw-html', source: 'gradtex', ...(node.position ? { place: node.position } : {}) });
      }
      stack.push(...[...(node.children ?? [])].reverse());
    }
  };
}
