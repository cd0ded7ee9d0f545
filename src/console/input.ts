/**
 * What the console reads from a request, narrowed from Fastify's `unknown`: a form body or query string
 * as a Form (names → one string or several), a route's path parameters, and the rows of an API reply.
 */
import type { FastifyRequest } from 'fastify';
import { isRecord, isStringList, recordsOf } from '../guards.js';

export type Form = Record<string, string | string[] | undefined>;

/**
 * A parsed urlencoded body or query string as a Form. Strings and lists of strings are kept as parsed;
 * a number or boolean (a JSON body) is read as its text; anything else is left out.
 */
export function formOf(value: unknown): Form {
  const form: Form = {};
  if (!isRecord(value)) return form;
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || isStringList(entry)) form[name] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') form[name] = String(entry);
  }
  return form;
}

/** The request's form body (empty when there is none). */
export const bodyOf = (request: FastifyRequest): Form => formOf(request.body);
/** The request's query string. */
export const queryOf = (request: FastifyRequest): Form => formOf(request.query);

/** A path parameter of the route (`:id`); Fastify gives them as strings. */
export function paramOf(request: FastifyRequest, name: string): string {
  const params = request.params;
  const value = isRecord(params) ? params[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The objects of a list in an API reply (a report's `rows`, a record's lines); none when it is no list. */
export const rowsOf = recordsOf;

/** An object in an API reply, or undefined. */
export const rowOf = (value: unknown): Record<string, unknown> | undefined => (isRecord(value) ? value : undefined);

/** A list of strings in an API reply (a report's `columns`). */
export const stringsOf = (value: unknown): string[] => (isStringList(value) ? value : []);
