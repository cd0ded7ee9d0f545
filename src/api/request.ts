/**
 * What routes read of a request, typed once: the path's named parameters (strings, as the router
 * matched them) and the query string (Fastify's parser: strings, and lists of strings for repeated
 * keys). Routes declare no schema for them (coercion is the engine's), so Fastify types both unknown.
 */
import type { FastifyRequest } from 'fastify';

/** The path's named parameters: `/api2/invoices/:id` → `{ id: '5' }`. */
export function paramsOf(request: FastifyRequest): Record<string, string> {
  return request.params as Record<string, string>;
}

/** The query string's parameters (an empty object when there is none). */
export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
