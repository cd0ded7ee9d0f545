/**
 * Type guards for values that arrive as `unknown` (parsed JSON, request bodies, thrown errors, rows of
 * a query built at run time). Each checks what it claims, so the code after it needs no cast.
 */

/** A non-null object (not an array): a JSON object, a parsed form, a row. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record under `key`, when there is one. */
export function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const inner = value[key];
  return isRecord(inner) ? inner : undefined;
}

/** A list of strings (a report's `columns`, a parsed form's repeated field). */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The objects of a list (a report's `rows`, a record's lines); none when it is no list. */
export function recordsOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** `value` when it is one of `choices` (a literal union's values), else undefined. */
export function oneOf<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return choices.find((choice) => choice === value);
}

/** The `code` of a thrown error (a Node system error's ENOENT, PostgreSQL's SQLSTATE), as a string. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
