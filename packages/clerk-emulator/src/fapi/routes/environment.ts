import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { sendJson } from '../../http/respond.ts';
import { appOrigin } from '../http.ts';
import { buildEnvironment } from '../wire/environment.ts';

/** `GET /v1/environment`; `PATCH` (development instances "touch" it) answers the same. */
export function environmentRoutes() {
  return new Hono<AppEnv>()
    .get('/environment', (c) => sendJson(c, buildEnvironment(appOrigin(c))))
    .patch('/environment', (c) => sendJson(c, buildEnvironment(appOrigin(c))));
}
