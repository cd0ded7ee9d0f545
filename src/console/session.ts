/**
 * The console's session: the access token of the password grant in an HttpOnly, SameSite=Lax cookie
 * (Secure when the request came over TLS), and CSRF tokens derived from it, so a page of another site
 * can neither read the session nor forge a form (it cannot know the token). Sign-in has its own CSRF
 * token, a random value in a cookie that the form must repeat (double submit).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from './i18n.js';

export const SESSION_COOKIE = 'daftar_session';
export const LOGIN_CSRF_COOKIE = 'daftar_login_csrf';
const LANG_COOKIE = 'daftar_lang';
const DIGITS_COOKIE = 'daftar_digits';

export function cookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie ?? '';
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      out[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      /* a malformed cookie is no cookie */
    }
  }
  return out;
}

function cookie(
  request: FastifyRequest,
  name: string,
  value: string,
  options: { httpOnly?: boolean; maxAgeSeconds?: number } = {},
): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  const age = options.maxAgeSeconds === undefined ? '' : `; Max-Age=${options.maxAgeSeconds}`;
  return `${name}=${encodeURIComponent(value)}; Path=/app; SameSite=Lax${options.httpOnly ? '; HttpOnly' : ''}${secure}${age}`;
}

export function setCookies(reply: FastifyReply, values: string[]): void {
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
  reply.header('set-cookie', [...list, ...values]);
}

export const sessionOf = (request: FastifyRequest): string | undefined => cookies(request)[SESSION_COOKIE] || undefined;

export function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accessToken: string,
  lifetimeSeconds: number,
): void {
  setCookies(reply, [cookie(request, SESSION_COOKIE, accessToken, { httpOnly: true, maxAgeSeconds: lifetimeSeconds })]);
}

export function endSession(request: FastifyRequest, reply: FastifyReply): void {
  setCookies(reply, [cookie(request, SESSION_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 })]);
}

/** The CSRF token of a session: a digest of its access token that only its holder can compute. */
export const csrfFor = (session: string) =>
  createHash('sha256').update(`daftar-console-csrf:${session}`).digest('hex').slice(0, 40);

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function csrfValid(session: string, sent: unknown): boolean {
  return typeof sent === 'string' && same(csrfFor(session), sent);
}

/** The sign-in form's token: a random value in a cookie, repeated in the form. */
export function loginCsrf(request: FastifyRequest, reply: FastifyReply): string {
  const existing = cookies(request)[LOGIN_CSRF_COOKIE];
  if (existing && /^[a-f0-9]{32}$/.test(existing)) return existing;
  const value = randomBytes(16).toString('hex');
  setCookies(reply, [cookie(request, LOGIN_CSRF_COOKIE, value, { httpOnly: true })]);
  return value;
}

export function loginCsrfValid(request: FastifyRequest, sent: unknown): boolean {
  const expected = cookies(request)[LOGIN_CSRF_COOKIE];
  return Boolean(expected) && typeof sent === 'string' && same(expected!, sent);
}

export function languageOf(request: FastifyRequest): { lang: Lang; arabicDigits: boolean } {
  const all = cookies(request);
  const accept = String(request.headers['accept-language'] ?? '');
  const chosen = all[LANG_COOKIE];
  const lang: Lang = chosen === 'ar' || chosen === 'en' ? chosen : /^ar\b/i.test(accept) ? 'ar' : 'en';
  return { lang, arabicDigits: all[DIGITS_COOKIE] === 'arabic' };
}

export function setLanguage(request: FastifyRequest, reply: FastifyReply, lang?: string, digits?: string): void {
  const values: string[] = [];
  if (lang === 'ar' || lang === 'en') values.push(cookie(request, LANG_COOKIE, lang, { maxAgeSeconds: 31_536_000 }));
  if (digits === 'arabic' || digits === 'latin')
    values.push(cookie(request, DIGITS_COOKIE, digits, { maxAgeSeconds: 31_536_000 }));
  setCookies(reply, values);
}
