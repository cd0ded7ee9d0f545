/**
 * Product categories: read-only over the API, as in Daftra. A category named in a product's
 * `category` text (comma-separated) exists as a record: it is created when a product names it.
 */
import { id, int, longText, text } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import { defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

export const productCategories = defineResource({
  name: 'product_categories',
  model: 'ProductCategory',
  title: 'Category',
  table: 'product_categories',
  operations: ['list', 'get'],
  fields: {
    name: text(255).required(),
    description: longText(),
    parent_id: id(),
    category_type: int().doc('Kind of category (1 products)'),
    image: text(255),
    image_full_path: text(1000),
    ...timestamps(),
  },
  keywordColumns: ['name'],
});

/** Names in a product's category text: "Pens, Office" → ["Pens", "Office"]. */
export function categoryNames(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [
    ...new Set(
      text
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
}

/** Creates the category records a product's category text names and that do not exist yet. */
export async function syncCategories(context: Context, text: unknown): Promise<void> {
  for (const name of categoryNames(text)) {
    const found = await scoped(context, 'product_categories')
      .selectFrom()
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (!found) {
      await context.db
        .insertInto('product_categories')
        .values({ site_id: context.siteId, name, created: context.now, modified: context.now })
        .execute();
    }
  }
}
