/**
 * Checks every generated page and Markdown file can go through: output that
 * cannot carry code. HTML is read tag by tag (quotes respected, comments,
 * <style> and text skipped) and every address-bearing attribute is resolved
 * the way a browser would resolve it; Markdown is parsed with the same
 * remark-parse + remark-math a reader would use, and must hold no HTML, link
 * or image. Each returns the problems found, so a test can print them all.
 */
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Attributes a browser follows, loads or submits to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'data', 'background', 'cite', 'longdesc', 'ping', 'manifest', 'codebase', 'lowsrc', 'dynsrc', 'icon', 'profile', 'usemap']);
/** Attributes that load something when the page opens (the rest only follow a click). */
const LOADING = new Set(['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'icon', 'manifest']);
/** Elements user text must never produce. */
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'video', 'audio', 'source', 'track', 'template', 'portal', 'noscript']);
const BASE = 'https://page.invalid/dir/page.html';

export interface HtmlSafetyOptions {
  /** The page may load http(s) images (gradtex md --allow-remote-images). */
  readonly remoteImages?: boolean;
  /** Tags the page shell itself uses (the KaTeX stylesheet link, the charset meta): allowed once each. */
  readonly shellTags?: readonly string[];
}

interface Tag {
  readonly name: string;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/' };

function decodeEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
    return ENTITIES[(name ?? '').toLowerCase()] ?? whole;
  });
}

/** Start tags with their attributes, as an HTML tokenizer reads them (enough for serialised output). */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const nameMatch = /^<([A-Za-z][^\s/>]*)/.exec(html.slice(lt, lt + 64));
    if (nameMatch === null) {
      i = lt + 1;
      continue;
    }
    const name = (nameMatch[1] ?? '').toLowerCase();
    const attributes: { name: string; value: string }[] = [];
    let j = lt + nameMatch[0].length;
    for (;;) {
      const m = /^[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/.exec(html.slice(j));
      if (m === null || m[0] === '' || m[1] === undefined) break;
      attributes.push({ name: m[1].toLowerCase(), value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') });
      j += m[0].length;
    }
    const close = html.indexOf('>', j);
    i = close < 0 ? html.length : close + 1;
    tags.push({ name, attributes });
    // Raw-text elements: their content is not markup.
    if (name === 'style' || name === 'script' || name === 'textarea' || name === 'title') {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end < 0 ? html.length : end;
    }
  }
  return tags;
}

/** 'relative', or the protocol a browser would use for this address ('javascript:', 'https:', …). */
function addressKind(value: string): string {
  // Browsers drop tabs and newlines anywhere and control characters and spaces at the ends.
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return 'unparsable';
  }
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(cleaned) && url.origin === new URL(BASE).origin) return 'relative';
  return url.protocol;
}

/** Everything in a page that could run code, load from elsewhere or leave through a bad link. */
export function htmlSafetyProblems(html: string, opts: HtmlSafetyOptions = {}): string[] {
  const problems: string[] = [];
  const shell = [...(opts.shellTags ?? [])];
  for (const tag of startTags(html)) {
    if (FORBIDDEN_TAGS.has(tag.name)) {
      const k = shell.indexOf(tag.name);
      if (k >= 0) shell.splice(k, 1);
      else problems.push(`<${tag.name}> element`);
    }
    for (const a of tag.attributes) {
      if (a.name.startsWith('on')) problems.push(`<${tag.name} ${a.name}=…> event handler`);
      if (a.name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(a.value)) problems.push(`<${tag.name} style="${a.value}"> loads or runs something`);
      if (a.name === 'http-equiv') problems.push(`<${tag.name} http-equiv=…>`);
      if (!URL_ATTRIBUTES.has(a.name)) continue;
      const addresses = a.name === 'srcset' || a.name === 'ping' ? a.value.split(/[,\s]+/).filter((s) => s !== '' && !/^\d+[wx]$/.test(s)) : [a.value];
      for (const address of addresses) {
        const kind = addressKind(address);
        const remote = kind === 'http:' || kind === 'https:';
        const ok = LOADING.has(a.name) ? kind === 'relative' || (remote && opts.remoteImages === true) : kind === 'relative' || remote || kind === 'mailto:';
        if (!ok) problems.push(`<${tag.name} ${a.name}="${address}"> (${kind})`);
      }
    }
  }
  return problems;
}

interface MdNode {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly MdNode[];
}

/**
 * Nodes a reader of the Markdown would see as HTML, links or images: our
 * Markdown never makes any, so each is user text that escaped.
 */
export function markdownSafetyProblems(md: string): string[] {
  const tree = unified().use(remarkParse).use(remarkMath).parse(md) as MdNode;
  const problems: string[] = [];
  const stack: MdNode[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (['html', 'link', 'image', 'linkReference', 'imageReference', 'definition'].includes(node.type)) {
      problems.push(`${node.type}${node.value !== undefined ? `: ${node.value}` : ''}`);
    }
    stack.push(...(node.children ?? []));
  }
  return problems;
}

/** The text of every node of one type, in document order (for checking where user text ended up). */
export function markdownValues(md: string, type: string): string[] {
  const tree = unified().use(remarkParse).use(remarkMath).parse(md) as MdNode;
  const out: string[] = [];
  const walk = (n: MdNode): void => {
    if (n.type === type && n.value !== undefined) out.push(n.value);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}
