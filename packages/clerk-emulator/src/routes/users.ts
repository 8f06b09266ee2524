import {
  CountUsersQuery,
  CreateUserBody,
  clerkErrors,
  emailProblem,
  ListUsersQuery,
  newClerkId,
  normalizeEmail,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { hashPassword, passwordProblem } from '../services/password.ts';
import { countUsers, getUser, insertUser, listUsers, setUserFlag, userIdByEmail } from '../store/users.ts';
import { toUser } from '../wire/user.ts';

// Clerk rejects fields the spec does not list (additionalProperties: false).
const StrictCreateUserBody = z.strictObject(CreateUserBody.shape);

const emailTaken = () =>
  clerkErrors.identifierExists('email_address', 'That email address is taken. Please try another.');

/** `GET|POST /users`, `GET /users/count` and `GET /users/{id}`. */
export function userRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  return (
    new Hono<AppEnv>()
      .get('/users', (c) => {
        const query = parseOrRaise(ListUsersQuery, readQuery(c));
        return sendJson(c, listUsers(db, query).map(toUser));
      })
      .get('/users/count', (c) => {
        const query = parseOrRaise(CountUsersQuery, readQuery(c));
        return sendJson(c, { object: 'total_count', total_count: countUsers(db, query) });
      })
      .post('/users', async (c) => {
        const input = parseOrRaise(StrictCreateUserBody, await readJsonBody(c));
        const emails = (input.email_address ?? []).map((email) => {
          if (emailProblem(email.trim())) raise(clerkErrors.paramFormatInvalid('email_address'));
          return normalizeEmail(email);
        });
        if (new Set(emails).size !== emails.length || emails.some((email) => userIdByEmail(db, email))) {
          raise(emailTaken());
        }
        const password = input.password ?? null;
        const problem = password !== null && !input.skip_password_checks ? passwordProblem(password) : null;
        if (problem) raise(problem);
        const id = newClerkId('user');
        db.transaction(() =>
          insertUser(db, {
            id,
            emailIds: emails.map(() => newClerkId('idn')),
            emails,
            firstName: input.first_name,
            lastName: input.last_name,
            username: input.username,
            externalId: input.external_id,
            publicMetadata: input.public_metadata,
            privateMetadata: input.private_metadata,
            unsafeMetadata: input.unsafe_metadata,
            passwordDigest: password === null ? null : hashPassword(password),
            createdAt: clock.now(),
          }),
        )();
        return sendJson(c, toUser(getUser(db, id) ?? raise(clerkErrors.internal())));
      })
      .get('/users/:userId', (c) => {
        const userId = c.req.param('userId');
        return sendJson(c, toUser(getUser(db, userId) ?? raise(clerkErrors.userNotFound(userId))));
      })
      // BanUser / UnbanUser / LockUser / UnlockUser: the flags support staff see in the person lookup.
      .post('/users/:userId/:action{ban|unban|lock|unlock}', (c) => {
        const userId = c.req.param('userId');
        const action = c.req.param('action');
        const flag = action.endsWith('ban') ? 'banned' : 'locked';
        if (!setUserFlag(db, userId, flag, !action.startsWith('un'), clock.now())) {
          raise(clerkErrors.userNotFound(userId));
        }
        return sendJson(c, toUser(getUser(db, userId) ?? raise(clerkErrors.internal())));
      })
  );
}
