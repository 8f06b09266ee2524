import { z } from '@hono/zod-openapi';
import {
  BulkCheckBody,
  BulkCheckResult,
  BulkJob,
  BulkJobList,
  CreateBulkJobBody,
  ListBulkJobsQuery,
} from '@invites/clerk-schema';
import { consoleRoute, jsonContent } from '../http/contract.ts';

/** The contracts of the bulk-invite routes (handlers in bulk-invitations.ts). Paths are under `/api`. */

const JobParams = z.object({ id: z.string().openapi({ description: 'A bulk job id (`bulkjob_…`).' }) });
const OrgParams = z.object({ org: z.string().openapi({ description: 'An organization id (`org_…`).' }) });
const jsonBody = <S extends z.ZodType>(schema: S, description: string) => ({
  ...jsonContent(schema, description),
  required: true,
});

export const checkRecipients = consoleRoute('body_org_manager', {
  method: 'post',
  path: '/bulk-invitations/check',
  summary: 'Which addresses already have a pending invitation or belong to a member',
  request: { body: jsonBody(BulkCheckBody, 'The organization and the addresses of a paste.') },
  responses: { 200: jsonContent(BulkCheckResult, 'Pending invitations and members among the addresses.') },
});

export const createJob = consoleRoute('body_org_manager', {
  method: 'post',
  path: '/bulk-invitations',
  summary: 'Queue a bulk-invite job (up to 20,000 rows)',
  request: { body: jsonBody(CreateBulkJobBody, 'The organization, the rows and their options.') },
  responses: { 201: jsonContent(BulkJob, 'The queued job, with its rows.') },
});

export const getJob = consoleRoute('job_manager', {
  method: 'get',
  path: '/bulk-invitations/{id}',
  summary: 'A bulk job with its counts and rows',
  request: { params: JobParams },
  responses: { 200: jsonContent(BulkJob, 'The job.') },
});

export const getJobResults = consoleRoute('job_manager', {
  method: 'get',
  path: '/bulk-invitations/{id}/results.csv',
  summary: 'Each row of a bulk job and its outcome, as CSV',
  request: { params: JobParams },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() } }, description: 'One line per row.' },
  },
});

export const cancelJob = consoleRoute('job_manager', {
  method: 'post',
  path: '/bulk-invitations/{id}/cancel',
  summary: 'Stop a bulk job: its pending rows are not sent',
  request: { params: JobParams },
  responses: { 200: jsonContent(BulkJob, 'The job after the change.') },
});

export const retryJob = consoleRoute('job_manager', {
  method: 'post',
  path: '/bulk-invitations/{id}/retry',
  summary: 'Send a bulk job’s failed rows again',
  request: { params: JobParams },
  responses: { 200: jsonContent(BulkJob, 'The job after the change.') },
});

export const listJobs = consoleRoute('org_manager', {
  method: 'get',
  path: '/organizations/{org}/bulk-invitations',
  summary: 'An organization’s bulk jobs (of some kinds: `kind=invite`), newest first',
  request: { params: OrgParams, query: ListBulkJobsQuery },
  responses: { 200: jsonContent(BulkJobList, 'A page of jobs (without their rows).') },
});
