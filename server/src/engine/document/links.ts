import type { Nodes, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { PolicyDocument } from './parse.js';
import type { OffsetRange } from '../types.js';

/**
 * Links and images of a draft, for the accessibility rules. The PolicyDocument keeps text, not
 * link targets, so this walks the source once more (only when an accessibility rule runs) and
 * keeps the result with the document.
 */

export interface LinkInfo extends OffsetRange {
  /** The visible link text, without markup. */
  text: string;
  /** Where the link text starts and ends in the source (inside the brackets). */
  textRange: OffsetRange;
  url: string;
  /** `[text](url)`, `[text][ref]`, or an HTML `<a>`. */
  form: 'inline' | 'reference' | 'html';
}

export interface ImageInfo extends OffsetRange {
  /** The alternative text; undefined for an HTML `<img>` without an alt attribute. */
  alt: string | undefined;
  url: string;
  form: 'markdown' | 'html';
}

export interface LinksAndImages {
  links: LinkInfo[];
  images: ImageInfo[];
}

const OPTIONS = {
  extensions: [frontmatter(['yaml']), gfmTable(), gfmFootnote()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown(), gfmFootnoteFromMarkdown()],
};

function textOf(node: Nodes): string {
  if (node.type === 'image') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

const start = (n: Nodes): number => n.position?.start.offset ?? 0;
const end = (n: Nodes): number => n.position?.end.offset ?? 0;

const HTML_IMG = /<img\b[^>]*>/gi;
const HTML_ALT = /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i;
const HTML_SRC = /\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i;
const HTML_A = /<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi;

const attribute = (m: RegExpExecArray | null): string | undefined => (m ? (m[2] ?? m[3] ?? m[4] ?? '') : undefined);

/** HTML in the source, outside code and front matter (inline HTML is split into several nodes). */
function fromHtml(value: string, offset: number, out: LinksAndImages, excluded: OffsetRange[]): void {
  const outside = (at: number): boolean => !excluded.some((r) => at >= r.start && at < r.end);
  for (const m of value.matchAll(HTML_IMG)) {
    if (!outside(offset + m.index)) continue;
    out.images.push({ start: offset + m.index, end: offset + m.index + m[0].length, alt: attribute(HTML_ALT.exec(m[0])), url: attribute(HTML_SRC.exec(m[0])) ?? '', form: 'html' });
  }
  for (const m of value.matchAll(HTML_A)) {
    if (!outside(offset + m.index)) continue;
    const inner = m[4]!;
    const innerStart = offset + m.index + m[0].indexOf(inner, m[0].indexOf('>') + 1);
    out.links.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: inner.replace(/<[^>]*>/g, '').trim(),
      textRange: { start: innerStart, end: innerStart + inner.length },
      url: m[2] ?? m[3] ?? '',
      form: 'html',
    });
  }
}

/**
 * Markdown that can hold a link or an image; most drafts have none and need no second parse.
 * Substring searches first: an editor asks on every keystroke, and one case-insensitive
 * expression with five alternatives cost ~0.4 ms over a 150 KB draft.
 */
function mayLink(text: string): boolean {
  return text.includes('![') || text.includes('](') || text.includes('][') || (text.includes('<') && /<(?:img|a)\b/i.test(text)) || (text.includes(']:') && /^ {0,3}\[[^\]]+\]:/m.test(text));
}

export function findLinksAndImages(text: string): LinksAndImages {
  if (!mayLink(text)) return { links: [], images: [] };
  const tree = fromMarkdown(text, OPTIONS);
  const out: LinksAndImages = { links: [], images: [] };
  const definitions = new Map<string, string>();
  const walkDefinitions = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of (node as Parent).children as Nodes[]) walkDefinitions(child);
  };
  walkDefinitions(tree);
  const excluded: OffsetRange[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
        excluded.push({ start: start(node), end: end(node) });
        return;
      case 'image':
        out.images.push({ start: start(node), end: end(node), alt: node.alt ?? '', url: node.url, form: 'markdown' });
        return;
      case 'imageReference':
        out.images.push({ start: start(node), end: end(node), alt: node.alt ?? '', url: definitions.get(node.identifier) ?? '', form: 'markdown' });
        return;
      case 'link':
      case 'linkReference': {
        const children = node.children as Nodes[];
        const textRange = children.length > 0 ? { start: start(children[0]!), end: end(children[children.length - 1]!) } : { start: start(node) + 1, end: start(node) + 1 };
        const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? '');
        // An autolink (<https://…>) shows its address: the text is the target.
        const autolink = node.type === 'link' && text[start(node)] === '<';
        if (!autolink) out.links.push({ start: start(node), end: end(node), text: textOf(node).trim(), textRange, url, form: node.type === 'link' ? 'inline' : 'reference' });
        for (const child of children) walk(child);
        return;
      }
      default:
        if ('children' in node) for (const child of (node as Parent).children as Nodes[]) walk(child);
    }
  };
  walk(tree);
  if (/<(?:img|a)\b/i.test(text)) fromHtml(text, 0, out, excluded);
  out.links.sort((a, b) => a.start - b.start);
  out.images.sort((a, b) => a.start - b.start);
  return out;
}

const perDocument = new WeakMap<PolicyDocument, LinksAndImages>();

/** Links and images of a parsed document, found once per document. */
export function linksAndImages(doc: PolicyDocument): LinksAndImages {
  let found = perDocument.get(doc);
  if (!found) perDocument.set(doc, (found = findLinksAndImages(doc.text)));
  return found;
}
