/**
 * HTML documents from the same view as the PDF, through a plain template file
 * (templates/documents/<layout>/document.html) and this small template language:
 *
 *   {{path}}            the value at path (e.g. seller.name), HTML-escaped; `.` is the current item
 *   {{N path}}          the same, isolated left-to-right (<bdi dir="ltr">): numbers, dates, VAT numbers
 *   {{L path}}          a label ({ar, en}) in the document's language; bilingual: English and Arabic
 *   {{#each path}}…{{/each}}   repeat for each item of a list (paths inside are relative to the item,
 *                              `@root.` reaches the view)
 *   {{#if path}}…{{else}}…{{/if}}   when the value is present (not null, false, "" or an empty list)
 */
import { readFileSync } from 'node:fs';
import type { Bilingual, DocumentView } from '../domain/documents.js';
import { qrSvg } from './qr-image.js';
import { templateFile } from './templates.js';

type Scope = { root: Record<string, unknown>; item: unknown };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function lookup(scope: Scope, path: string): unknown {
  if (path === '.') return scope.item;
  const [start, parts] = path.startsWith('@root.')
    ? [scope.root, path.slice(6).split('.')]
    : [scope.item, path.split('.')];
  let value: unknown = start;
  for (const part of parts)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

const present = (value: unknown): boolean =>
  !(
    value === null ||
    value === undefined ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );

function label(value: unknown, lang: string): string {
  const l = value as Bilingual | undefined;
  if (!l || typeof l !== 'object') return '';
  if (lang === 'ar') return `<span lang="ar">${escapeHtml(l.ar)}</span>`;
  if (lang === 'en') return `<span lang="en">${escapeHtml(l.en)}</span>`;
  // Each language isolated, so punctuation after the label (a colon) stays where it is written.
  return `<bdi class="en" lang="en">${escapeHtml(l.en)}</bdi> <bdi class="ar" lang="ar" dir="rtl">${escapeHtml(l.ar)}</bdi>`;
}

const TOKEN = /\{\{(#each|#if|\/each|\/if|else|N|L)?\s*([^}]*?)\s*\}\}/g;

interface Node {
  kind: 'text' | 'value' | 'each' | 'if';
  text?: string;
  mode?: string;
  path?: string;
  body?: Node[];
  otherwise?: Node[];
}

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ node: Node | null; target: Node[] }> = [{ node: null, target: root }];
  let at = 0;
  for (const match of template.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    if (match.index! > at) top.target.push({ kind: 'text', text: template.slice(at, match.index) });
    at = match.index! + match[0].length;
    const [, tag = '', path = ''] = match;
    if (tag === '#each' || tag === '#if') {
      const node: Node = { kind: tag === '#each' ? 'each' : 'if', path, body: [], otherwise: [] };
      top.target.push(node);
      stack.push({ node, target: node.body! });
    } else if (tag === 'else') {
      if (top.node?.kind !== 'if') throw new Error('template: {{else}} outside {{#if}}');
      top.target = top.node.otherwise!;
    } else if (tag === '/each' || tag === '/if') {
      if (!top.node || top.node.kind !== tag.slice(1)) throw new Error(`template: unexpected {{${tag}}}`);
      stack.pop();
    } else {
      top.target.push({ kind: 'value', mode: tag, path });
    }
  }
  if (stack.length !== 1) throw new Error('template: a block is not closed');
  if (at < template.length) root.push({ kind: 'text', text: template.slice(at) });
  return root;
}

function run(nodes: Node[], scope: Scope, lang: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') {
      const value = lookup(scope, node.path!);
      if (node.mode === 'L') out += label(value, lang);
      else if (present(value))
        out += node.mode === 'N' ? `<bdi dir="ltr">${escapeHtml(String(value))}</bdi>` : escapeHtml(String(value));
    } else if (node.kind === 'each') {
      const list = lookup(scope, node.path!);
      if (Array.isArray(list)) for (const item of list) out += run(node.body!, { root: scope.root, item }, lang);
    } else {
      out += run(present(lookup(scope, node.path!)) ? node.body! : node.otherwise!, scope, lang);
    }
  }
  return out;
}

const parsed = new Map<string, Node[]>();

export interface HtmlAssets {
  /** The logo as a data: URL, when the site has one. */
  logoDataUrl: string | null;
}

/** Renders a document view as an HTML page with the named layout. */
export function renderHtml(view: DocumentView, assets: HtmlAssets, layout = 'standard', templatesDir?: string): string {
  const file = templateFile(layout, 'document.html', templatesDir);
  let nodes = parsed.get(file);
  if (!nodes) {
    nodes = parse(readFileSync(file, 'utf8'));
    parsed.set(file, nodes);
  }
  const root = {
    ...view,
    logo_data_url: assets.logoDataUrl,
    qr_svg: null as string | null,
    html_lang: view.lang === 'ar' ? 'ar' : 'en',
  };
  const html = run(nodes, { root, item: root }, view.lang);
  // The QR SVG is our own markup (never from input): put in after escaping, at its marker.
  return view.qr ? html.replace('<!--qr-->', qrSvg(view.qr)) : html;
}
