import {
  clerkErrors,
  FapiAttemptFirstFactorBody,
  FapiCreateSignInBody,
  FapiPrepareFirstFactorBody,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import type { EmulatorContext } from '../../context.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { parseOrRaise } from '../../http/request.ts';
import { raise } from '../../http/respond.ts';
import type { ClientRow } from '../../store/clients.ts';
import { getSignIn } from '../../store/sign-ins.ts';
import { currentClient, ensureClient, sendEnvelope } from '../client-scope.ts';
import { readForm } from '../http.ts';
import { attemptFirstFactor, createSignIn, prepareFirstFactor } from '../sign-in-flow.ts';
import { toSignIn } from '../wire/sign-in.ts';

const signInNotFound = (id: string) => clerkErrors.resourceNotFound(`No sign in was found with id ${id}`);

/** `/v1/client/sign_ins`: create, read, prepare and attempt the first factor. */
export function signInRoutes(ctx: EmulatorContext) {
  const { db } = ctx;
  // A sign-in belongs to the client that created it; another browser's ID reads as not found.
  const load = (c: Context<AppEnv>): { client: ClientRow; id: string } => {
    const id = c.req.param('signInId') ?? '';
    const client = currentClient(ctx, c) ?? raise(signInNotFound(id));
    const row = getSignIn(db, id);
    if (!row || row.client_id !== client.id) raise(signInNotFound(id));
    return { client, id };
  };
  const reload = (id: string) => getSignIn(db, id) ?? raise(clerkErrors.internal());

  return new Hono<AppEnv>()
    .post('/client/sign_ins', async (c) => {
      const input = parseOrRaise(FapiCreateSignInBody, await readForm(c));
      const client = ensureClient(ctx, c);
      const row = createSignIn(ctx, client, input);
      return sendEnvelope(ctx, c, toSignIn(db, row), client);
    })
    .get('/client/sign_ins/:signInId', (c) => {
      const { client, id } = load(c);
      return sendEnvelope(ctx, c, toSignIn(db, reload(id)), client);
    })
    .post('/client/sign_ins/:signInId/prepare_first_factor', async (c) => {
      const input = parseOrRaise(FapiPrepareFirstFactorBody, await readForm(c));
      const { client, id } = load(c);
      const row = prepareFirstFactor(ctx, reload(id), input);
      return sendEnvelope(ctx, c, toSignIn(db, row), client);
    })
    .post('/client/sign_ins/:signInId/attempt_first_factor', async (c) => {
      const input = parseOrRaise(FapiAttemptFirstFactorBody, await readForm(c));
      const { client, id } = load(c);
      const row = attemptFirstFactor(ctx, client, reload(id), input);
      return sendEnvelope(ctx, c, toSignIn(db, row), client);
    });
}
