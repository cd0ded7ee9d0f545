/**
 * What routes read of a request, typed once: the path's named parameters (strings, as the router
 * matched them) and the query string (Fastify's parser: strings, and lists of strings for repeated
 * keys). Routes declare no schema for them (coercion is the engine's), so Fastify types both unknown.
 */
import type { FastifyRequest } from 'fastify';
import { isRecord } from '../guards.js';

/** Every value a string (what the router matched); checked in place, nothing copied. */
function allStrings(value: unknown): value is Record<string, string> {
  if (!isRecord(value)) return false;
  for (const key in value) if (typeof value[key] !== 'string') return false;
  return true;
}

/** The path's named parameters: `/api2/invoices/:id` → `{ id: '5' }`. */
export function paramsOf(request: FastifyRequest): Record<string, string> {
  return allStrings(request.params) ? request.params : {};
}

/** The query string's parameters (an empty object when there is none). */
export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return isRecord(request.query) ? request.query : {};
}
