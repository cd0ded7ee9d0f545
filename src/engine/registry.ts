/**
 * Resources by name, so a field's `ref('clients')` can be checked and a hook can load a related
 * record without importing the other resource's file (which would make import cycles).
 */
import type { ResourceSpec } from './resource.js';

const byName = new Map<string, ResourceSpec>();

export function registerResources(specs: readonly ResourceSpec[]): void {
  for (const spec of specs) {
    if (byName.has(spec.name) && byName.get(spec.name) !== spec)
      throw new Error(`resource ${spec.name} declared twice`);
    byName.set(spec.name, spec);
  }
}

export function resourceNamed(name: string): ResourceSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`no resource named ${name}`);
  return spec;
}

export function allResources(): ResourceSpec[] {
  return [...byName.values()];
}
