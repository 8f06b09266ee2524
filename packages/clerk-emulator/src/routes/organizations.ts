import { randomBytes } from 'node:crypto';
import {
  CreateOrganizationBody,
  clerkErrors,
  ListOrganizationsQuery,
  newClerkId,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { getMembership, insertMembership } from '../store/memberships.ts';
import {
  getOrganizationById,
  getOrganizationByIdOrSlug,
  insertOrganization,
  listOrganizations,
  slugTaken,
} from '../store/organizations.ts';
import { getUser } from '../store/users.ts';
import { emitMembership } from '../webhooks/emit.ts';
import { toOrganization } from '../wire/organization.ts';

/** A free slug derived from the organization name (Clerk generates one when none is given). */
function slugFor(db: Db, name: string): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 200) || 'organization';
  return slugTaken(db, slug) ? `${slug}-${randomBytes(3).toString('hex')}` : slug;
}

/** `GET|POST /organizations` and `GET /organizations/{id_or_slug}`. */
export function organizationRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  return new Hono<AppEnv>()
    .get('/organizations', (c) => {
      const query = parseOrRaise(ListOrganizationsQuery, readQuery(c));
      const { rows, total } = listOrganizations(db, query, clock.now());
      return sendJson(c, { data: rows.map(toOrganization), total_count: total });
    })
    .post('/organizations', async (c) => {
      const input = parseOrRaise(CreateOrganizationBody, await readJsonBody(c));
      if (input.slug && slugTaken(db, input.slug)) {
        raise(
          clerkErrors.identifierExists(
            'slug',
            'This organization slug is already taken. Please try another.',
          ),
        );
      }
      if (input.created_by && !getUser(db, input.created_by))
        raise(clerkErrors.userNotFound(input.created_by));
      const now = clock.now();
      const id = newClerkId('org');
      db.transaction(() => {
        insertOrganization(db, {
          id,
          name: input.name,
          slug: input.slug ?? slugFor(db, input.name),
          maxAllowedMemberships: input.max_allowed_memberships,
          publicMetadata: input.public_metadata,
          privateMetadata: input.private_metadata,
          createdBy: input.created_by,
          createdAt: now,
        });
        if (input.created_by) {
          insertMembership(db, {
            id: newClerkId('orgmem'),
            orgId: id,
            userId: input.created_by,
            role: 'org:admin',
            createdAt: now,
          });
        }
      })();
      const creator = input.created_by && getMembership(db, id, input.created_by);
      if (creator) emitMembership(ctx, c, 'organizationMembership.created', creator);
      const row = getOrganizationById(db, id, now) ?? raise(clerkErrors.internal());
      return sendJson(c, toOrganization(row));
    })
    .get('/organizations/:idOrSlug', (c) => {
      const row =
        getOrganizationByIdOrSlug(db, c.req.param('idOrSlug'), clock.now()) ??
        raise(clerkErrors.organizationNotFound());
      return sendJson(c, toOrganization(row));
    });
}
