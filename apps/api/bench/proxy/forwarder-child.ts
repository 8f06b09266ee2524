// Proxy-bench child: the reference bare forwarder, node:http + an undici keep-alive pool, no auth,
// no validation, no logging. `/api/v1/...` → `<upstream>/v1/...` with the secret key, body piped.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { answerCpuRequests, reportReady } from './child-control.ts';

const upstream = process.env.BENCH_UPSTREAM_URL as string;
const authorization = `Bearer ${process.env.BENCH_SECRET_KEY}`;
const pool = new Pool(upstream, { connections: 64, keepAliveTimeout: 30_000 });

answerCpuRequests();
const server = createServer(async (req, res) => {
  try {
    const upstreamRes = await pool.request({
      method: 'GET',
      path: (req.url ?? '/').replace(/^\/api/, ''),
      headers: { authorization, accept: 'application/json' },
    });
    res.writeHead(upstreamRes.statusCode, { 'content-type': 'application/json' });
    upstreamRes.body.pipe(res);
  } catch {
    res.writeHead(502).end();
  }
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  reportReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
