/**
 * The package subpath `gradtex/remark`: the remark plugin and its options.
 *
 *     import remarkGradtex from 'gradtex/remark';
 *     unified().use(remarkParse).use(remarkMath).use(remarkGradtex).use(remarkRehype).use(rehypeKatex).use(rehypeStringify);
 */
export { remarkGradtex as default, remarkGradtex, MESSAGE_SOURCE, type RemarkGradtexOptions } from './remark-gradtex.js';
export type { NamedDerivation, NamedLookup } from './derive-block.js';
