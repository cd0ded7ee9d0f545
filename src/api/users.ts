/**
 * Sign-ins of a site's staff, for its owner (an API key, or a token of the owner's login): list them,
 * add a staff member who signs in with an email and password (the password grant and the web console
 * then take it; the token's staff_id is the new staff member's), and remove one (its tokens stop working
 * at once). The owner's own sign-in is not listed for removal. Passwords are kept as scrypt hashes
 * (domain/secrets.ts) and never returned. Staff logins get 403. Paths: `/api2/users[.json]`,
 * `/api2/users/{id}`; Daftar's own (Daftra manages staff in its web app only).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError, notFound, validationError } from '../domain/errors.js';
import { hashPassword } from '../domain/secrets.js';
import { nowText } from '../domain/sites.js';
import { doneReply, listReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, writeWith } from './routes.js';
import { isRecord } from '../guards.js';
import { paramsOf } from './request.js';
import { STAFF_ROLES } from '../domain/staff-roles.js';

export const USER_ROUTES: ExtraRoute[] = [
  {
    method: 'GET',
    path: '/api2/users',
    summary: "The site's sign-ins: the owner and staff (owner only; never a password)",
    tag: 'User',
  },
  {
    method: 'POST',
    path: '/api2/users',
    summary:
      'Add a staff member who signs in: {"User":{"name","email","password","role_id"}} (owner only; password of 10 characters or more; role_id 1 Full access, 2 Sales, 3 Read only)',
    tag: 'User',
  },
  {
    method: 'DELETE',
    path: '/api2/users/{id}',
    summary: "Remove a staff member's sign-in: its tokens stop working at once (owner only; not the owner's)",
    tag: 'User',
  },
];

const MODEL = 'User';
export const PASSWORD_MIN = 10;

function requireOwner(request: FastifyRequest): number {
  const caller = request.caller!;
  if (caller.staffId !== 0)
    throw new DaftarError('DAFTAR_ERR_FORBIDDEN', 'Only the owner of the site can manage its users');
  return caller.site.id;
}

function inputOf(body: unknown): Record<string, unknown> {
  const outer = isRecord(body) ? body : {};
  const nested = outer[MODEL];
  return isRecord(nested) ? nested : Array.isArray(nested) ? {} : outer;
}

export function registerUserRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/users', '/api2/users.json']) {
    app.get(path, async (request) => {
      const siteId = requireOwner(request);
      const rows = await database.db
        .selectFrom('users as u')
        .leftJoin('staff as s', (join) => join.onRef('s.id', '=', 'u.staff_id').onRef('s.site_id', '=', 'u.site_id'))
        .select(['u.id', 'u.email', 'u.staff_id', 'u.name', 'u.created', 's.role_id'])
        .where('u.site_id', '=', siteId)
        .orderBy('u.id')
        .limit(1_000)
        .execute();
      const users = rows.map((row) => ({
        [MODEL]: {
          id: String(row['id']),
          email: String(row['email']),
          name: row['name'] === null ? null : String(row['name']),
          staff_id: String(row['staff_id']),
          role_id: Number(row['staff_id']) === 0 ? '0' : String(row['role_id'] ?? '1'),
          owner: Number(row['staff_id']) === 0 ? '1' : '0',
          created: row['created'] === null ? null : String(row['created']),
        },
      }));
      return listReply(users, { page: 1, page_count: 1, total_results: users.length, limit: users.length });
    });
    app.post(path, { config: { idempotency: false } }, async (request, reply) => {
      const siteId = requireOwner(request);
      const input = inputOf(request.body);
      const errors: Record<string, string> = {};
      const name = typeof input['name'] === 'string' ? input['name'].trim() : '';
      const email = typeof input['email'] === 'string' ? input['email'].trim().toLowerCase() : '';
      const password = typeof input['password'] === 'string' ? input['password'] : '';
      const roleText = input['role_id'] === undefined || input['role_id'] === '' ? '1' : String(input['role_id']);
      if (name.length === 0 || name.length > 255) errors['name'] = 'is required (1 to 255 characters)';
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 255) errors['email'] = 'must be an email address';
      if (password.length < PASSWORD_MIN || password.length > 200)
        errors['password'] = `must be ${PASSWORD_MIN} to 200 characters`;
      if (!STAFF_ROLES.some((role) => String(role.id) === roleText))
        errors['role_id'] = `must be one of ${STAFF_ROLES.map((role) => `${role.id} (${role.name})`).join(', ')}`;
      if (Object.keys(errors).length > 0) throw validationError(errors);
      const passwordHash = await hashPassword(password);
      const id = await writeWith(request, database, async (context) => {
        const taken = await context.db
          .selectFrom('users')
          .select('id')
          .where('site_id', '=', siteId)
          .where('email', '=', email)
          .executeTakeFirst();
        if (taken) throw validationError({ email: 'already signs in to this site' });
        const now = nowText();
        const staff = await context.db
          .insertInto('staff')
          .values({
            site_id: siteId,
            name,
            email_address: email,
            role_id: Number(roleText),
            active: 1,
            added_by: context.staffId,
            created: now,
            modified: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const user = await context.db
          .insertInto('users')
          .values({
            site_id: siteId,
            email,
            password_hash: passwordHash,
            staff_id: Number(staff['id']),
            name,
            created: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return Number(user['id']);
      });
      return reply.code(202).send({ code: 202, result: 'successful', id: String(id) });
    });
  }
  app.delete('/api2/users/:id', async (request) => {
    const siteId = requireOwner(request);
    const id = parseId(paramsOf(request)['id'] ?? '', { title: 'User' });
    await writeWith(request, database, async (context) => {
      const user = await context.db
        .selectFrom('users')
        .select(['id', 'staff_id'])
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!user) throw notFound('User not found');
      if (Number(user['staff_id']) === 0)
        throw validationError({ id: "is the owner's sign-in, which cannot be removed" });
      await context.db
        .updateTable('oauth_tokens')
        .set({ revoked: 1 })
        .where('site_id', '=', siteId)
        .where('user_id', '=', id)
        .execute();
      await context.db.deleteFrom('users').where('site_id', '=', siteId).where('id', '=', id).execute();
      await context.db
        .updateTable('staff')
        .set({ active: 0, modified: nowText() })
        .where('site_id', '=', siteId)
        .where('id', '=', Number(user['staff_id']))
        .execute();
    });
    return doneReply('User has been removed');
  });
}
