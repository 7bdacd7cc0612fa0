/**
 * What a note page may contain: GitHub's sanitising schema (hast-util-sanitize's
 * default) with link and image addresses narrowed to an allow-list, plus the
 * few classes our pipeline needs before KaTeX runs. Applied with
 * rehype-sanitize between remark-rehype and rehype-katex, so user Markdown
 * can carry no script, event handler, frame or `javascript:`/`data:` address.
 *
 *     unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, noteSchema(false))
 *     // '[a](javascript:alert(1))'  →  '<p><a>a</a></p>'
 */
import type { Schema } from 'hast-util-sanitize';
import { defaultSchema } from 'rehype-sanitize';

/** Protocols a link may use; addresses without a protocol (relative ones) are always allowed. */
export const LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto'];

/** Protocols an image may load from when remote images are allowed. */
const REMOTE_IMAGE_PROTOCOLS: readonly string[] = ['http', 'https'];

/**
 * The schema. Without remote images an `img` keeps a relative `src` only
 * (an offline page loads nothing from the network); rehype-offline-images
 * has already turned remote images into links by then.
 */
export function noteSchema(allowRemoteImages: boolean): Schema {
  const attributes = defaultSchema.attributes ?? {};
  return {
    ...defaultSchema,
    attributes: {
      ...attributes,
      // remark-math's math elements, for rehype-katex to find.
      code: [['className', /^language-./, 'math-inline', 'math-display']],
      // The verdict line under a derivation or chain.
      p: [['className', 'gradtex-check', 'failed']],
      // Remote images shown as links (rehype-offline-images).
      a: [...(attributes['a'] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')), ['className', 'data-footnote-backref', 'gradtex-remote-image']],
    },
    protocols: {
      ...defaultSchema.protocols,
      href: [...LINK_PROTOCOLS],
      // An empty list would mean "any protocol": a name no address can have keeps only relative ones.
      src: allowRemoteImages ? [...REMOTE_IMAGE_PROTOCOLS] : ['relative-only'],
      cite: [...LINK_PROTOCOLS],
      longDesc: [...LINK_PROTOCOLS],
    },
  };
}
