/**
 * The staff roles (domain/staff-roles.ts) applied to every call with a credential: the area a
 * request touches is named by the route the router matched (so every spelling of a path is the same),
 * and a call the caller's role may not make is refused whole with a 403 naming the role, before any
 * read or write. `POST /v2/api/multi-entity` is checked per operation (api/multi-entity.ts).
 */
import type { FastifyRequest } from 'fastify';
import { DaftarError } from '../domain/errors.js';
import { type RoleKey, mayCall, refusal } from '../domain/staff-roles.js';
import type { ResourceSpec } from '../engine/resource.js';
import { RESOURCES } from '../resources/index.js';
import { V2_PREFIX } from './v2.js';
import { type V2Entity, v2Entities } from './v2-entities.js';
import { paramsOf } from './request.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

let entities: Map<string, V2Entity> | undefined;

/** The area of a resource: its name (a lines entity, `invoices.InvoiceItem`, is its parent's). */
export function areaOfSpec(spec: ResourceSpec): string {
  return spec.name.split('.')[0]!;
}

/** The area a request touches, or null where it is checked otherwise (multi-entity) or not at all. */
function areaOf(request: FastifyRequest): string | null {
  const route = request.routeOptions.url ?? '';
  if (route.startsWith(V2_PREFIX)) {
    entities ??= v2Entities(RESOURCES);
    const entity = entities.get(paramsOf(request)['entity'] ?? '');
    // An unknown entity reads nothing: its 404 comes from the route.
    return entity ? areaOfSpec(entity.spec) : null;
  }
  const first = /^\/api2\/([A-Za-z_-]+?)(?:\.json)?(?:\/|$)/.exec(route)?.[1];
  if (first === undefined) return null;
  // `/api2/reports/:report`, the report's name with its format (`trial_balance.csv`).
  if (first === 'reports') return `reports/${(paramsOf(request)['report'] ?? '').replace(/\.[a-z]+$/, '')}`;
  return first;
}

/** Whether the request changes something (its method), for the role check. */
export function isWrite(method: string): boolean {
  return !READS.has(method.toUpperCase());
}

/** Refuses (403) a call the role may not make. */
export function requireRole(role: RoleKey, area: string, write: boolean): void {
  if (!mayCall(role, area, write)) throw new DaftarError('DAFTAR_ERR_FORBIDDEN', refusal(role, area, write));
}

/** The check of one request with a credential (after `authenticate`). */
export function checkRole(request: FastifyRequest): void {
  const role = request.caller!.role;
  if (role === 'owner' || role === 'full') return;
  const area = areaOf(request);
  if (area !== null) requireRole(role, area, isWrite(request.method));
}
