/** Reading numbers from the environment, with the variable's name in every refusal (config.ts, webhooks/config.ts). */
export type Env = Record<string, string | undefined>;

/** A whole number between `min` and `max`; `fallback` when unset or empty. */
export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new Error(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}
