/** The parts of a response the api built itself, kept so the request frame can finish its headers. */
export interface ResponseParts {
  status: number;
  body: string | Uint8Array | ReadableStream<Uint8Array> | null;
  /** Lower-case names; a plain record (never a `Headers` object), owned by this one response. */
  headers: Record<string, string>;
}

// A symbol-keyed property rather than a WeakMap: one store per response, no ephemeron for the GC.
const PARTS = Symbol('responseParts');
type WithParts = Response & { [PARTS]?: ResponseParts };

/**
 * A Response whose parts are remembered. The request frame (request-context.ts) re-issues it once
 * with the security headers and request id added to the plain record: touching `res.headers` instead
 * would turn @hono/node-server's lightweight response into a web `Headers` object, set one header at
 * a time and sort them again for Node, which costs more than the rest of a cached request.
 */
export function respond(
  body: ResponseParts['body'],
  status: number,
  headers: Record<string, string>,
): Response {
  // The length of a body in hand, stated here: without it @hono/node-server asks Node's response
  // for three headers by name (each argument-checked) before it can set the length itself.
  if (headers['content-length'] === undefined) {
    if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
    else if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
  }
  const res: WithParts = new Response(body, { status, headers });
  res[PARTS] = { status, body, headers };
  return res;
}

/**
 * The parts `respond` kept for `res`, if it made it. The header record belongs to that one response:
 * the request frame may add to it before re-issuing the response.
 */
export function responseParts(res: Response): ResponseParts | undefined {
  return (res as WithParts)[PARTS];
}
