/**
 * v2 entities whose name carries an id: Daftra names a workflow type's records
 * `le_workflow-type-entity-{type id}`. Each resolves to the one workflow-record declaration scoped to
 * that type (resources/workflows.ts); no declaration per type.
 */
import type { Operation } from '../engine/resource.js';
import { ALL_OPERATIONS } from '../engine/resource.js';
import { WORKFLOW_ENTITY, workflowRecordsOf } from '../resources/workflows.js';
import type { V2Entity } from './v2-entities.js';

const OPERATIONS: ReadonlySet<Operation> = new Set(ALL_OPERATIONS);
const CACHE_MAX = 1_000;
const cache = new Map<string, V2Entity>();

export function patternEntity(name: string): V2Entity | undefined {
  const match = WORKFLOW_ENTITY.exec(name);
  if (!match) return undefined;
  let entity = cache.get(name);
  if (!entity) {
    if (cache.size >= CACHE_MAX) cache.clear();
    entity = { name, spec: workflowRecordsOf(Number(match[1])), operations: OPERATIONS };
    cache.set(name, entity);
  }
  return entity;
}
