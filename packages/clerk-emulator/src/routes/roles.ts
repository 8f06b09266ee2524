import { ListRolesQuery } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readQuery } from '../http/request.ts';
import { sendJson } from '../http/respond.ts';
import { listRoles } from '../store/roles.ts';
import { toRole } from '../wire/role.ts';

/** `GET /organization_roles`: Admin, Member and the custom Billing manager role. */
export function roleRoutes(ctx: EmulatorContext) {
  return new Hono<AppEnv>().get('/organization_roles', (c) => {
    const query = parseOrRaise(ListRolesQuery, readQuery(c));
    const { rows, total } = listRoles(ctx.db, query.limit, query.offset);
    return sendJson(c, { data: rows.map(toRole), total_count: total });
  });
}
