/**
 * Where document layouts live: templates/documents/<layout>/ in the project (document.typ for PDF,
 * document.html for HTML), and the same structure under DAFTAR_TEMPLATES_DIR for layouts of one's own,
 * which are looked up first (so a built-in layout can be replaced by copying its folder).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYOUT_NAME } from '../domain/site-settings.js';

/** templates/documents/ of the project (this file is dist/src/documents/templates.js once built). */
export const BUILT_IN_TEMPLATES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'templates',
  'documents',
);

export function templateFile(layout: string, file: 'document.typ' | 'document.html', templatesDir?: string): string {
  if (!LAYOUT_NAME.test(layout)) throw new Error(`bad layout name ${layout}`);
  for (const root of [templatesDir, BUILT_IN_TEMPLATES]) {
    if (!root) continue;
    const candidate = path.join(root, layout, file);
    if (existsSync(candidate)) return candidate;
  }
  if (layout !== 'standard') return templateFile('standard', file, templatesDir);
  throw new Error(`no ${file} for layout ${layout}`);
}

/** Every layout that can be chosen: the folders of both places. */
export function layoutNames(templatesDir?: string): string[] {
  const names = new Set<string>();
  for (const root of [BUILT_IN_TEMPLATES, templatesDir]) {
    if (!root || !existsSync(root)) continue;
    for (const entry of readdirSync(root, { withFileTypes: true }))
      if (entry.isDirectory() && LAYOUT_NAME.test(entry.name)) names.add(entry.name);
  }
  return [...names].sort();
}
