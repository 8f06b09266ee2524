import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target, sent byte for byte (no client-side normalisation). */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Send the body with `Transfer-Encoding: chunked` (no Content-Length). */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  /** Lower-cased names; the last value wins. */
  headers: Record<string, string>;
  body: string;
}

function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parse(data: Buffer): RawResponse {
  const split = data.indexOf('\r\n\r\n');
  const head = data.subarray(0, split < 0 ? data.length : split).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = split < 0 ? Buffer.alloc(0) : data.subarray(split + 4);
  const body = headers['transfer-encoding']?.includes('chunked') ? decodeChunked(rawBody) : rawBody;
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: body.toString('utf8'),
  };
}

/**
 * One HTTP/1.1 request over a fresh loopback socket (`Connection: close`), for what `fetch` would
 * normalise or refuse: raw targets, bad headers, chunked uploads. Resolves once the server closes.
 */
export function rawHttp(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    const finish = () => resolve(parse(Buffer.concat(chunks)));
    socket.on('close', finish);
    // The server may answer (413) and close while the body is still being written.
    socket.on('error', (err) => (chunks.length > 0 ? finish() : reject(err)));
    const headers: Record<string, string> = {
      host: `127.0.0.1:${port}`,
      connection: 'close',
      ...req.headers,
    };
    if (req.body && req.chunked) headers['transfer-encoding'] = 'chunked';
    else if (req.body) headers['content-length'] = String(req.body.length);
    const head = `${req.method} ${req.target} HTTP/1.1\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
    socket.write(head, 'latin1');
    if (!req.body) return;
    if (!req.chunked) {
      socket.write(req.body);
      return;
    }
    const CHUNK = 64 * 1024;
    for (let offset = 0; offset < req.body.length && !socket.destroyed; offset += CHUNK) {
      const part = req.body.subarray(offset, offset + CHUNK);
      socket.write(`${part.length.toString(16)}\r\n`);
      socket.write(part);
      socket.write('\r\n');
    }
    if (!socket.destroyed) socket.write('0\r\n\r\n');
  });
}
