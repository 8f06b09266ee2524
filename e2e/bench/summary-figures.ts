// The figures of `pnpm bench`'s summary (run-all.ts), read from each benchmark's JSON in
// bench-results/: for each, its value, its goal and whether it was met.

export type Json = Record<string, unknown>;

const PREVIEW_PAINT_GOAL_MS = 300;

export interface Figure {
  benchmark: string;
  figure: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (v === null || v === undefined ? undefined : (v as Json)[key]), value);
const num = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);

export function proxyFigures(r: Json): Figure[] {
  const rows = (get(r, 'results') as Json[]) ?? [];
  const row = (key: string) => rows.find((x) => x.key === key);
  const verdict = (key: string) => ((get(r, 'verdicts') as Json[]) ?? []).find((v) => v.key === key);
  const out: Figure[] = [];
  for (const key of ['direct', 'bare', 'api_admin', 'api_staff']) {
    const x = row(key);
    if (!x) continue;
    out.push({
      benchmark: 'proxy',
      figure: `${x.target}: p50 / p99 @1, req/s @32`,
      value: `${ms(num(get(x, 'c1', 'p50_ms')))} / ${ms(num(get(x, 'c1', 'p99_ms')))}, ${num(get(x, 'c32', 'requests_per_second'))}/s`,
      goal: '—',
      met: null,
    });
  }
  for (const key of ['api_admin', 'api_staff']) {
    const v = verdict(key);
    const x = row(key);
    if (!v || !x) continue;
    const who = key === 'api_admin' ? 'org admin' : 'staff';
    out.push({
      benchmark: 'proxy',
      figure: `api (${who}) added p50 over direct`,
      value: ms(num(v.added_p50_ms)),
      goal: '≤ 1 ms',
      met: v.added_p50_met === true,
    });
    out.push({
      benchmark: 'proxy',
      figure: `api (${who}) CPU per request vs bare forwarder`,
      value: `${num(v.cpu_us_per_request)} µs vs ${num(get(row('bare'), 'c32', 'proxy_cpu_us_per_request'))} µs = ${num(v.cpu_ratio_vs_bare)}×`,
      goal: '≤ 1.5×',
      met: v.cpu_ratio_met === true,
    });
  }
  return out;
}

export function bundleFigures(r: Json): Figure[] {
  const routes = (get(r, 'first_routes') as Json[]) ?? [];
  const budget = num(r.budget_kib);
  const out: Figure[] = routes.map((x) => ({
    benchmark: 'bundle',
    figure: String(x.route).startsWith('(')
      ? `entry + lazy page ${String(x.route).slice(1, -1)} (JS gzip)`
      : `first route ${x.route} (JS gzip)`,
    value: `${num(x.js_gzip_kib).toFixed(1)} KiB`,
    goal: x.enforced ? `≤ ${budget} KiB` : `≤ ${budget} KiB (not enforced)`,
    met: num(x.js_gzip_kib) <= budget,
  }));
  out.push({
    benchmark: 'bundle',
    figure: 'all JS (gzip)',
    value: `${num(get(r, 'all_js', 'gzip_kib')).toFixed(1)} KiB`,
    goal: '—',
    met: null,
  });
  if (get(r, 'clerk_js', 'files')) {
    out.push({
      benchmark: 'bundle',
      figure: "Clerk's SDK chunks (gzip, outside the budget)",
      value: `${num(get(r, 'clerk_js', 'gzip_kib')).toFixed(1)} KiB`,
      goal: '—',
      met: null,
    });
  }
  return out;
}

export function tableFigures(r: Json): Figure[] {
  const goal = num(r.goal_ms);
  const filterGoal = num(r.filter_goal_ms ?? r.goal_ms);
  const load = num(get(r, 'load', 'response_end_to_painted', 'median_ms'));
  const filter = num(get(r, 'filter', 'click_to_painted', 'median_ms'));
  const filterRender = num(get(r, 'filter', 'response_end_to_painted', 'median_ms'));
  const preview = num(get(r, 'preview', 'paste_to_painted', 'median_ms'));
  const upload = num(get(r, 'preview', 'export_upload_to_painted', 'median_ms'));
  return [
    {
      benchmark: 'table',
      figure: `500 rows: list response → painted (median, p90 ${ms(num(get(r, 'load', 'response_end_to_painted', 'p90_ms')))})`,
      value: ms(load),
      goal: `≤ ${goal} ms`,
      met: load <= goal,
    },
    {
      benchmark: 'table',
      figure: `status filter click → new rows painted, incl. api (median, p90 ${ms(num(get(r, 'filter', 'click_to_painted', 'p90_ms')))})`,
      value: ms(filter),
      goal: `≤ ${filterGoal} ms`,
      met: filter <= filterGoal,
    },
    {
      benchmark: 'table',
      figure: `status filter: list response → new rows painted (median, p90 ${ms(num(get(r, 'filter', 'response_end_to_painted', 'p90_ms')))})`,
      value: ms(filterRender),
      goal: `≤ ${goal} ms`,
      met: filterRender <= goal,
    },
    {
      benchmark: 'bulk',
      figure: `preview of a 1,000-address paste in Chromium, paste → painted (median, p90 ${ms(num(get(r, 'preview', 'paste_to_painted', 'p90_ms')))})`,
      value: ms(preview),
      goal: `≤ ${PREVIEW_PAINT_GOAL_MS} ms`,
      met: preview <= PREVIEW_PAINT_GOAL_MS,
    },
    {
      benchmark: 'bulk',
      figure: `preview of a 1,000-row Workspace export in Chromium, upload → painted (median, p90 ${ms(num(get(r, 'preview', 'export_upload_to_painted', 'p90_ms')))})`,
      value: ms(upload),
      goal: `≤ ${PREVIEW_PAINT_GOAL_MS} ms`,
      met: upload <= PREVIEW_PAINT_GOAL_MS,
    },
  ];
}

export function clerkFigures(r: Json): Figure[] {
  const kib = (v: unknown) => `${num(v).toFixed(1)} KiB`;
  const load = (key: string) => get(r, 'cold_load_to_sign_in_form', key);
  return [
    {
      benchmark: 'clerk',
      figure: '@clerk/react in our bundle (apart from the budget, gzip)',
      value: kib(get(r, 'clerk_react_in_bundle', 'gzip_kib')),
      goal: '—',
      met: null,
    },
    {
      benchmark: 'clerk',
      figure: `clerk-js + UI for the sign-in page, as served (gzip; ${num(get(r, 'clerk_js_and_ui_as_served', 'served_kib')).toFixed(1)} KiB brotli)`,
      value: kib(get(r, 'clerk_js_and_ui_as_served', 'gzip_kib')),
      goal: '—',
      met: null,
    },
    ...(['unthrottled', 'throttled_20mbit_40ms'] as const).map((key) => ({
      benchmark: 'clerk',
      figure: `cold load → sign-in form painted, ${key === 'unthrottled' ? 'loopback' : '20 Mbit/s, 40 ms RTT'} (median, p90 ${ms(num(get(load(key), 'p90_ms')))})`,
      value: ms(num(get(load(key), 'median_ms'))),
      goal: '—',
      met: null,
    })),
  ];
}

export function pageLoadFigures(r: Json): Figure[] {
  const out: Figure[] = [];
  for (const token of ['fresh_token', 'expired_token'] as const) {
    for (const load of ['cold', 'warm'] as const) {
      const goal = num(get(r, 'goals_ms', load));
      const median = num(get(r, token, load, 'median_ms'));
      out.push({
        benchmark: 'load',
        figure: `org invitations ${load === 'cold' ? 'cold (empty cache)' : 'warm'}, token ${token === 'fresh_token' ? 'fresh' : 'expired'}, 20 Mbit/s (median, p90 ${ms(num(get(r, token, load, 'p90_ms')))})`,
        value: ms(median),
        goal: `≤ ${goal} ms`,
        met: median <= goal,
      });
    }
  }
  return out;
}

export function emulatorFigures(r: Json): Figure[] {
  const goal = num(r.goal_p50_ms);
  const rows = ((get(r, 'results') as Json[]) ?? []).filter((x) => x.layer === 'http');
  return rows.flatMap((x) =>
    (['warm', 'cold'] as const).map((mode) => {
      const p50 = num(get(x, mode, 'p50_ms'));
      return {
        benchmark: 'emulator',
        figure: `${x.scenario} (HTTP, ${mode === 'warm' ? 'count cached' : 'count cache off'}), p50 / p99`,
        value: `${ms(p50)} / ${ms(num(get(x, mode, 'p99_ms')))}`,
        goal: `p50 ≤ ${goal} ms`,
        met: p50 <= goal,
      };
    }),
  );
}

export function bulkFigures(jobs: Json | null, preview: Json | null, check: Json | null): Figure[] {
  const out: Figure[] = [];
  if (jobs) {
    out.push({
      benchmark: 'bulk',
      figure: 'job of 1,000 addresses, rate limits off (median of 3)',
      value: `${num(get(jobs, 'rate_limits_off', 'median_ms'))} ms (${num(get(jobs, 'rate_limits_off', 'invitations_per_second'))}/s)`,
      goal: '—',
      met: null,
    });
    const percent = num(get(jobs, 'clerk_limits_time_scaled', 'achieved_percent'));
    out.push({
      benchmark: 'bulk',
      figure: "throughput under Clerk's limits (time scaled), % of allowed",
      value: `${num(get(jobs, 'clerk_limits_time_scaled', 'achieved_per_hour'))}/h = ${percent} %`,
      goal: `≥ ${num(jobs.goal_percent)} %`,
      met: percent >= num(jobs.goal_percent),
    });
  }
  if (preview) {
    const first = ((get(preview, 'results') as Json[]) ?? []).find((x) => x.addresses === 1000);
    const total = num(first?.total_median_ms);
    out.push({
      benchmark: 'bulk',
      figure: 'preview of a 1,000-address paste (parse + validate + classify, median)',
      value: ms(total),
      goal: `≤ ${num(preview.goal_ms)} ms`,
      met: total <= num(preview.goal_ms),
    });
  }
  if (check) {
    const goal = num(check.goal_ms);
    for (const mode of ['cold', 'warm'] as const) {
      const value = num(check[`${mode}_median_ms`]);
      out.push({
        benchmark: 'bulk',
        figure: `preview's server check of 1,000 addresses, ${mode === 'cold' ? 'reads Clerk' : 'cached'} (median)`,
        value: ms(value),
        goal: `≤ ${goal} ms`,
        met: value <= goal,
      });
    }
  }
  return out;
}

export function webhookFigures(r: Json): Figure[] {
  const p99 = num(get(r, 'ack_ms', 'p99'));
  const sent = num(r.sent);
  const answered = num(get(r, 'statuses', '200'));
  return [
    {
      benchmark: 'webhooks',
      figure: `${num(r.rate_per_second)}/s for ${num(r.seconds)} s: acknowledgement p99 (p50 ${ms(num(get(r, 'ack_ms', 'p50')))}; api's own p99 ${ms(num(get(r, 'server_ms', 'p99')))})`,
      value: ms(p99),
      goal: `≤ ${num(r.goal_p99_ms)} ms`,
      met: p99 <= num(r.goal_p99_ms),
    },
    {
      benchmark: 'webhooks',
      figure: `events lost (answered 200 ${answered}/${sent}, stored ${num(r.stored)}, applied ${num(r.applied)})`,
      value: String(num(r.lost)),
      goal: '0',
      met: num(r.lost) === 0 && answered === sent && num(r.applied) === sent,
    },
  ];
}

export function expiringFigures(r: Json): Figure[] {
  const scope = `${num(r.pending_in_org)} pending, expires_within=${num(r.expires_within_days)} first page`;
  const warm = num(r.warm_p50_ms);
  const coldMax = num(r.cold_max_ms);
  return [
    {
      benchmark: 'expiring',
      figure: `${scope}, kept (p50; p99 ${ms(num(r.warm_p99_ms))})`,
      value: ms(warm),
      goal: `p50 ≤ ${num(r.warm_goal_ms)} ms`,
      met: warm <= num(r.warm_goal_ms),
    },
    {
      benchmark: 'expiring',
      figure: `${scope}, cold: reads Clerk (slowest of ${num(r.cold_runs)}; p50 ${ms(num(r.cold_p50_ms))})`,
      value: ms(coldMax),
      goal: `≤ ${num(r.cold_goal_ms)} ms`,
      met: coldMax <= num(r.cold_goal_ms),
    },
  ];
}
