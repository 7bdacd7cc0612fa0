/**
 * Link and image addresses in a note, judged before the page is written:
 * a link keeps its address only when it is relative or uses an allowed
 * protocol (http, https, mailto); an image loads only from a relative
 * address, unless remote images are allowed, because the page is meant to
 * work offline and load nothing from elsewhere. A remote image becomes a
 * link to it; an image with any other address becomes its alt text. Each
 * change is reported as an info message at the element's line.
 *
 * rehype-sanitize (sanitize-schema.ts) enforces the same allow-list
 * afterwards; this plugin is what tells the author, and the only guard
 * against protocol-relative image addresses (`//host/x.png`), which have no
 * protocol for the sanitiser to refuse.
 *
 *     // ![x](https://evil/x.png)  →  <a href="https://evil/x.png" class="gradtex-remote-image">x</a>
 *     // [a](javascript:alert(1))  →  <a>a</a>, and "link address removed: …"
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { LINK_PROTOCOLS } from './sanitize-schema.js';

export interface SafeUrlOptions {
  /** Keep `<img>` elements with http(s) addresses (the page then loads them). */
  readonly allowRemoteImages?: boolean;
}

/** Where addresses are resolved: any origin that no real address has. */
const BASE = 'https://gradtex.invalid/notes/page.html';
const BASE_ORIGIN = new URL(BASE).origin;

export type UrlKind = 'relative' | 'remote' | 'refused';

/**
 * How a browser would read an address, by the WHATWG URL parser browsers
 * use (which drops tabs and newlines and trims control characters, so
 * `java\tscript:` is `javascript:`): relative (same document folder or site),
 * remote (http, https, mailto or protocol-relative) or refused (anything
 * else, or unparsable).
 *
 *     urlKind('img/a.png') === 'relative'; urlKind('//h/x') === 'remote'; urlKind('JaVaScRiPt:x') === 'refused'
 */
export function urlKind(address: string): UrlKind {
  let url: URL;
  try {
    url = new URL(address, BASE);
  } catch {
    return 'refused';
  }
  // The sanitiser's reading: a colon before any '/', '?' or '#' starts a protocol, compared as written.
  const colon = address.indexOf(':');
  const before = address.slice(0, colon);
  if (colon >= 0 && !/[/?#]/.test(before) && !LINK_PROTOCOLS.includes(before)) return 'refused';
  // The browser's reading, after the clean-up a browser does.
  const cleaned = address.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  if (scheme === null) return url.origin === BASE_ORIGIN ? 'relative' : 'remote';
  return LINK_PROTOCOLS.includes(url.protocol.slice(0, -1)) && address.startsWith(url.protocol) ? 'remote' : 'refused';
}

function textOf(node: Element): string {
  const alt = node.properties['alt'];
  return typeof alt === 'string' ? alt : '';
}

function shorten(address: string): string {
  const flat = address.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** The replacement for one image, or undefined to keep it. */
function image(node: Element, allowRemote: boolean, report: (why: string, ruleId: string) => void): ElementContent | undefined {
  const src = node.properties['src'];
  if (typeof src !== 'string') return undefined;
  const kind = urlKind(src);
  if (kind === 'relative' || (kind === 'remote' && allowRemote)) return undefined;
  const alt = textOf(node);
  if (kind === 'remote' && /^(?:https?:|\/\/|[\\/]{2})/i.test(src.trim())) {
    report(`remote image ${shorten(src)} not loaded (shown as a link; --allow-remote-images loads it)`, 'remote-image');
    return { type: 'element', tagName: 'a', properties: { href: src, className: ['gradtex-remote-image'] }, children: [{ type: 'text', value: alt !== '' ? alt : src }], ...(node.position ? { position: node.position } : {}) };
  }
  report(`image address ${shorten(src)} removed: images load only from relative addresses${allowRemote ? ' or http(s)' : ''}`, 'unsafe-image');
  return { type: 'text', value: alt };
}

/**
 * The plugin. Walks the tree with an explicit stack (no recursion, so a
 * deeply nested document cannot exhaust the call stack).
 */
export function rehypeSafeUrls(options: SafeUrlOptions = {}): (tree: Root, file: VFile) => void {
  const allowRemote = options.allowRemoteImages === true;
  return (tree, file) => {
    const stack: (Root | Element)[] = [tree];
    for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
      const kids = parent.children as (RootContent | ElementContent)[];
      const inner: Element[] = [];
      for (let i = 0; i < kids.length; i++) {
        const node = kids[i];
        if (node === undefined || node.type !== 'element') continue;
        const report = (why: string, ruleId: string): void => {
          file.info(why, { ruleId, source: 'gradtex', ...(node.position ? { place: node.position } : {}) });
        };
        if (node.tagName === 'img') {
          const replacement = image(node, allowRemote, report);
          if (replacement !== undefined) {
            kids[i] = replacement;
            continue;
          }
        }
        const href = node.properties['href'];
        if (typeof href === 'string' && urlKind(href) === 'refused') {
          report(`link address ${shorten(href)} removed: links may be relative or use ${LINK_PROTOCOLS.join(', ')}`, 'unsafe-link');
          delete node.properties['href'];
        }
        inner.push(node);
      }
      // Reversed, so elements are visited (and messages given) in document order.
      stack.push(...inner.reverse());
    }
  };
}
