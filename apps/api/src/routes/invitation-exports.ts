import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ExportInstanceInvitationsQuery,
  ExportOrganizationInvitationsQuery,
  OrganizationInvitationList,
  OrganizationInvitationWithOrgList,
} from '@invites/clerk-schema';
import type { Context } from 'hono';
import { exportStream } from '../export/csv-stream.ts';
import { type ExportedInvitation, invitationCsv } from '../export/invitation-csv.ts';
import { type Page, type PageReaderOptions, readPages } from '../export/read-pages.ts';
import { consoleRoute, guarded } from '../http/contract.ts';
import { toSearchParams } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/** Clerk's largest page. */
const PAGE_SIZE = 500;
/** Rows each page re-reads from the one before, to notice a list that moved (read-pages.ts). */
const OVERLAP = 25;

/**
 * Every invitation matching a list's filters as CSV, streamed while it is read from Clerk page by page
 * (`readPages`: Clerk's rate limits, a list that changes meanwhile). The first page is read before
 * answering, so a bad filter or an unknown organization is an ordinary error answer; `X-Total-Count`
 * then tells the browser how many rows to expect, for its progress bar.
 */
async function exportCsv(
  c: Context<AppEnv>,
  deps: RouteDeps,
  list: 'organization' | 'instance',
  source: Pick<PageReaderOptions<ExportedInvitation>, 'path' | 'filters' | 'schema'> | ExpiringSource,
  fileName: string,
): Promise<Response> {
  const principal = c.get('principal');
  const log = c.get('log');
  const abort = new AbortController();
  const pages =
    'expiring' in source
      ? onePage(await source.expiring())
      : readPages<ExportedInvitation>({
          ...source,
          upstream: deps.upstream,
          pageSize: PAGE_SIZE,
          overlap: OVERLAP,
          intervalMs: deps.config.exportPageIntervalMs,
          maxWaitMs: deps.config.exportMaxWaitMs,
          signal: abort.signal,
        });
  const first = await pages.next();
  if (first.done) throw new Error('the page reader ended before its first page');
  const started = deps.now();
  const body = exportStream({
    first: first.value,
    rest: pages,
    csv: invitationCsv(list, { isStaff: principal.isStaff }),
    abort,
    onEnd: (rows, error) => {
      const fields = { list, rows, total_count: first.value.totalCount, ms: deps.now() - started };
      if (error) log.warn({ ...fields, error }, 'invitation export cut short');
      else log.info(fields, 'invitation export sent');
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-total-count': String(first.value.totalCount),
      'cache-control': 'no-store',
    },
  });
}

/** The expiring-soon list (lifecycle/expiring-invitations.ts): every match at once, already kept in order. */
interface ExpiringSource {
  expiring: () => Promise<ExportedInvitation[]>;
}

async function* onePage(rows: ExportedInvitation[]): AsyncGenerator<Page<ExportedInvitation>> {
  yield { rows, totalCount: rows.length };
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

const csvAnswer = {
  200: {
    content: { 'text/csv': { schema: z.string() } },
    headers: z.object({
      'x-total-count': z.string().openapi({ description: 'Rows in the list when the export began.' }),
    }),
    description:
      'Every matching invitation, one line each after a header (UTF-8 with a byte-order mark, CRLF). The ' +
      'download breaks, rather than ends, when Clerk fails after the first page.',
  },
  429: {
    content: { 'application/json': { schema: z.object({}).passthrough() } },
    description: 'Clerk kept refusing with 429 for longer than the export waits.',
  },
};

export const exportOrganizationInvitations = consoleRoute('org_manager', {
  method: 'get',
  path: '/organizations/{org}/invitations/export.csv',
  summary: 'Every invitation of an organization matching the list’s filters, as CSV',
  description:
    'The list’s filters and order (`status`, `email_address`, `order_by`), every page; with `expires_within`, ' +
    'the pending invitations expiring within that many days, soonest first. Columns of the table, ' +
    'then ids, the role key, the inviter, the last change and public metadata; private metadata for staff.',
  request: {
    params: z.object({ org: z.string().openapi({ description: 'An organization id (`org_…`).' }) }),
    query: ExportOrganizationInvitationsQuery,
  },
  responses: csvAnswer,
});

export const exportInstanceInvitations = consoleRoute('staff', {
  method: 'get',
  path: '/organization_invitations/export.csv',
  summary: 'Every invitation of every organization matching the staff search, as CSV',
  description:
    'getAll’s filters and order (`status`, `query`, `order_by`), every page, or with `expires_within` the ' +
    'pending invitations expiring within that many days, soonest first; with the Organization column.',
  request: { query: ExportInstanceInvitationsQuery },
  responses: csvAnswer,
});

/**
 * CSV exports of the two invitation lists, with the lists' own filters: an organization's (its
 * admins and staff) and every organization's (staff). Mounted at `/api`.
 */
export function invitationExportRoutes(deps: RouteDeps) {
  const { access } = deps;
  return new OpenAPIHono<AppEnv>()
    .openapi(guarded(exportOrganizationInvitations, access), (c) => {
      const { org } = c.req.valid('param');
      const { expires_within: withinDays, ...filters } = c.req.valid('query');
      return exportCsv(
        c,
        deps,
        'organization',
        withinDays === undefined
          ? {
              path: `/v1/organizations/${org}/invitations`,
              filters: toSearchParams(filters),
              schema: OrganizationInvitationList,
            }
          : {
              expiring: () =>
                deps.expiring.matches(org, { withinDays, email: filters.email_address }, deps.now()),
            },
        `invitations-${org}-${today(deps.now())}.csv`,
      );
    })
    .openapi(guarded(exportInstanceInvitations, access), (c) => {
      const { expires_within: withinDays, ...filters } = c.req.valid('query');
      return exportCsv(
        c,
        deps,
        'instance',
        withinDays === undefined
          ? {
              path: '/v1/organization_invitations',
              filters: toSearchParams(filters),
              schema: OrganizationInvitationWithOrgList,
            }
          : { expiring: () => deps.expiring.everywhere({ withinDays, query: filters.query }, deps.now()) },
        `invitations-all-${today(deps.now())}.csv`,
      );
    });
}
