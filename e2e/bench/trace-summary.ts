// Sums a Chromium trace (devtools.timeline, toplevel and V8's sampling profiler) over one window: from
// the end of a request to a user-timing mark, on the main thread of the renderer that set the mark.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown>; name?: string } & Record<string, unknown>;
}

/** Maps a frame of a built script (url, 0-based line and column) to the source it came from. */
export type SourceResolver = (url: string, line: number, column: number) => string | null;

export interface TraceSummary {
  window_ms: number;
  /** CPU time of the main thread's tasks in the window (immune to the thread waiting for a core). */
  main_thread_cpu_ms: number;
  /** list response end → the first mark (rows in the DOM), when set. */
  to_dom_ms: number | null;
  by_kind: Record<string, number>;
  by_code: Record<string, number>;
  /**
   * Samples charged to the innermost frame of our code or of a library other than React DOM (the code
   * that asked for the work); React DOM's own reconcile and commit work charged to the component or
   * hook below it when there is one, else to React DOM.
   */
  by_owner: Record<string, number>;
  top_functions: { name: string; ms: number }[];
  /** Time with the function anywhere on the stack (our code and libraries, not React DOM's internals). */
  inclusive: { name: string; ms: number }[];
}

const KINDS: [string, RegExp][] = [
  ['garbage collection', /GC|Garbage/i],
  [
    'style (recalc)',
    /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/,
  ],
  ['layout', /^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections)$/],
  [
    'paint + composite',
    /^(PrePaint|Paint|PaintImage|Layerize|Commit|CompositeLayers|UpdateLayer|RasterTask)$/,
  ],
  ['html / css parse', /^(ParseHTML)$/],
  [
    'scripting',
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|XHR|FireIdleCallback|v8\.run|v8\.callFunction|v8\.compile|ResourceReceivedData)/,
  ],
];

function kindOf(name: string): string {
  for (const [kind, re] of KINDS) if (re.test(name)) return kind;
  return 'other (tasks, loading, messages)';
}

const round = (n: number) => Math.round(n * 10) / 10;

function sortDesc(record: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...record].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / 1000)]));
}

/** Buckets a source path: JSON, a package under node_modules, or an app folder/file. */
export function codeBucket(source: string | null, functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(browser internals)';
  if (functionName === '(idle)') return '(idle)';
  if (/^(JSON\.parse|parse)$/.test(functionName) && !url) return 'JSON.parse';
  if (!source) return url ? `(no source map) ${url.replace(/^.*\//, '')}` : `(native) ${functionName}`;
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1] as string;
  const app = /(?:^|\/)(apps\/web\/src\/.*|packages\/[^/]+\/src\/.*)$/.exec(source);
  return app ? (app[1] as string) : source;
}

/**
 * Summarises the main thread between the end of the last request whose url contains `urlPart` and the
 * `table:painted` mark: self time of timeline events by kind, and CPU samples by code and function.
 */
export function summarizeTrace(
  events: TraceEvent[],
  urlPart: string,
  resolve?: SourceResolver,
): TraceSummary {
  const painted = events.filter((e) => e.name === 'table:painted').at(-1);
  if (!painted) throw new Error('no table:painted mark in the trace');
  const { pid } = painted;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? painted.tid;
  const requests = new Map<string, string>();
  for (const e of events)
    if (e.name === 'ResourceSendRequest' && e.args?.data)
      requests.set(String(e.args.data.requestId), String(e.args.data.url));
  const finish = events
    .filter(
      (e) =>
        e.name === 'ResourceFinish' &&
        (requests.get(String(e.args?.data?.requestId)) ?? '').includes(urlPart),
    )
    .at(-1);
  if (!finish) throw new Error(`no finished request for ${urlPart}`);
  const finishTime = Number(finish.args?.data?.finishTime);
  const start = finishTime > 0 ? finishTime * 1e6 : finish.ts;
  const end = painted.ts;
  const inDom = events.filter((e) => e.name === 'table:rows-in-dom' && e.ts >= start).at(-1);

  // Self time of each complete event on the main thread, clipped to the window.
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byKind = new Map<string, number>();
  const clip = (from: number, to: number) => Math.max(0, Math.min(to, end) - Math.max(from, start));
  const stack: { e: TraceEvent; end: number; childTime: number }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1) as { end: number }).end <= until) {
      const top = stack.pop() as { e: TraceEvent; end: number; childTime: number };
      const self = clip(top.e.ts, top.end) - top.childTime;
      if (top.e.name !== 'RunTask' && top.e.name !== 'ThreadControllerImpl::RunTask')
        byKind.set(kindOf(top.e.name), (byKind.get(kindOf(top.e.name)) ?? 0) + Math.max(0, self));
      const parent = stack.at(-1);
      if (parent) parent.childTime += clip(top.e.ts, top.end);
    }
  };
  let busy = 0;
  let cpu = 0;
  for (const e of thread) {
    close(e.ts);
    const eEnd = e.ts + (e.dur ?? 0);
    if (stack.length === 0) {
      busy += clip(e.ts, eEnd);
      // Thread time, pro rata for a task that straddles the window's edges.
      if (e.dur && e.tdur !== undefined) cpu += (e.tdur * clip(e.ts, eEnd)) / e.dur;
    }
    stack.push({ e, end: eEnd, childTime: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const accounted = [...byKind.values()].reduce((a, b) => a + b, 0);
  byKind.set(
    'other (tasks, loading, messages)',
    (byKind.get('other (tasks, loading, messages)') ?? 0) + busy - accounted,
  );
  byKind.set('idle (waiting: frames, network, other threads)', end - start - busy);

  // CPU samples of the main thread's profile.
  const byCode = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const inclusive = new Map<string, number>();
  type Node = { fn: string; bucket: string; parent: number | undefined; owner?: string };
  const profiles = new Map<string, { nodes: Map<number, Node>; t: number }>();
  const ownerOf = (nodes: Map<number, Node>, id: number): string => {
    const node = nodes.get(id);
    if (!node) return '(unknown)';
    if (node.owner === undefined) {
      const own = !/^(react-dom|scheduler|\(|JSON)/.test(node.bucket);
      node.owner = own
        ? node.bucket
        : node.parent === undefined
          ? node.bucket
          : ((p) => (p.startsWith('(') ? node.bucket : p))(ownerOf(nodes, node.parent));
    }
    return node.owner;
  };
  // The profile starts on the thread it samples; its chunks come from V8's profiler thread.
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.id && e.tid === tid)
      profiles.set(e.id, { nodes: new Map(), t: Number(e.args?.data?.startTime) });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(e.id);
    const data = e.args?.data as
      | {
          cpuProfile?: {
            nodes?: {
              id: number;
              parent?: number;
              callFrame?: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
            }[];
            samples?: number[];
          };
          timeDeltas?: number[];
        }
      | undefined;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) {
      const { functionName = '', url = '', lineNumber = 0, columnNumber = 0 } = node.callFrame ?? {};
      const source = url && resolve ? resolve(url, lineNumber, columnNumber) : null;
      const bucket = codeBucket(source, functionName, url);
      const file = source
        ? source.replace(/^.*node_modules\//, '').replace(/^.*apps\/web\//, '')
        : url.replace(/^.*\//, '');
      profile.nodes.set(node.id, {
        fn: `${functionName || '(anonymous)'} ${file ? `(${file})` : ''}`,
        bucket,
        parent: node.parent,
      });
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.t += deltas[i] ?? 0;
      const next = deltas[i + 1] ?? 0;
      const node = profile.nodes.get(samples[i] as number);
      if (!node || profile.t < start || profile.t > end) continue;
      byCode.set(node.bucket, (byCode.get(node.bucket) ?? 0) + next);
      byFunction.set(node.fn, (byFunction.get(node.fn) ?? 0) + next);
      const seen = new Set<string>();
      for (
        let n: Node | undefined = node;
        n;
        n = n.parent === undefined ? undefined : profile.nodes.get(n.parent)
      ) {
        if (seen.has(n.fn) || /^(react-dom|scheduler|\()/.test(n.bucket)) continue;
        seen.add(n.fn);
        inclusive.set(n.fn, (inclusive.get(n.fn) ?? 0) + next);
      }
      const owner = ownerOf(profile.nodes, samples[i] as number);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + next);
    }
  }
  byCode.delete('(idle)');
  byOwner.delete('(idle)');
  return {
    window_ms: round((end - start) / 1000),
    main_thread_cpu_ms: round(cpu / 1000),
    to_dom_ms: inDom ? round((inDom.ts - start) / 1000) : null,
    by_kind: sortDesc(byKind),
    by_code: sortDesc(byCode),
    by_owner: sortDesc(byOwner),
    top_functions: Object.entries(sortDesc(byFunction)).map(([name, ms]) => ({ name, ms })),
    inclusive: Object.entries(sortDesc(inclusive)).map(([name, ms]) => ({ name, ms })),
  };
}
