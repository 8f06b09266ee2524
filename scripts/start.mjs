// `pnpm start`: builds the web app when its sources changed since the last build, then runs the api in
// the foreground, and stops it the way a process manager and a terminal expect. pnpm installs missing
// dependencies before it runs this (`verifyDepsBeforeRun` in pnpm-workspace.yaml), so it uses Node's
// own modules only.
//
// Why a launcher: pnpm does not pass SIGTERM on to the script it runs, and a chain of shells and pnpm
// runs turns a Ctrl-C into `ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL` (the inner pnpm sees its child die of
// the signal). Here the api runs in a process group of its own, so it hears exactly one signal per
// stop, sent by this script; Ctrl-C, SIGTERM, SIGHUP, and pnpm itself going away all stop it, and a
// clean stop exits 0. The api also stops if this script dies without a word (the IPC channel closes).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(REPO, 'apps/web');
const API = join(REPO, 'apps/api');
const BUILT = join(WEB, 'dist/index.html');
// What the built app is made of; a newer file in any of them means a rebuild.
const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/build',
  'apps/web/package.json',
  'packages/clerk-schema/src',
  'packages/clerk-schema/package.json',
  'pnpm-lock.yaml',
].map((path) => join(REPO, path));
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
// How often to check that pnpm (our parent) is still there: it exits on SIGTERM without telling us.
const PARENT_CHECK_MS = 250;

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function webBuildIsCurrent() {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  return WEB_INPUTS.every((input) => newest(input) <= built);
}

// pnpm passes a Ctrl-C on to its script, which has already had it from the terminal: one Ctrl-C can
// arrive twice. A second one a person presses (the api is slow to drain) comes later and forces the stop.
const REPEATED_SIGNAL_MS = 1000;

let stopping = null;
let stoppingAt = 0;
let child = null;

/** Asks the running child (its whole process group) to stop; the child's exit ends this script. */
function stop(signal) {
  if (stopping) {
    if (Date.now() - stoppingAt > REPEATED_SIGNAL_MS && child?.pid) process.kill(-child.pid, 'SIGKILL');
    return;
  }
  stopping = signal;
  stoppingAt = Date.now();
  // The api stops cleanly on SIGINT and SIGTERM; a hang-up asks for the same as SIGTERM.
  if (child?.pid) process.kill(-child.pid, child.stopWith ?? (signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'));
  else process.exit(0);
}

for (const signal of STOP_SIGNALS) process.on(signal, () => stop(signal));

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, PARENT_CHECK_MS).unref();

/** Runs a command in its own process group; resolves with its exit code (0 when we stopped it). */
function run(command, args, options) {
  return new Promise((resolve) => {
    child = spawn(command, args, { detached: true, ...options });
    child.stopWith = options.stopWith;
    child.once('error', (err) => {
      process.stderr.write(`Could not run ${command}: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      child = null;
      resolve(stopping ? 0 : (code ?? (signal ? 1 : 0)));
    });
  });
}

async function main() {
  if (webBuildIsCurrent()) {
    process.stdout.write('The web app is up to date (apps/web/dist); `pnpm build` rebuilds it.\n');
  } else {
    process.stdout.write('Building the web app…\n');
    const code = await run(process.execPath, [join(WEB, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: WEB,
      stdio: ['ignore', 'inherit', 'inherit'],
      stopWith: 'SIGTERM',
    });
    if (stopping) return 0;
    if (code !== 0) {
      process.stderr.write('The web app did not build; the api was not started.\n');
      return code;
    }
  }
  // The api with tsx as a loader (no tsx CLI in between): the signal reaches the server itself.
  const code = await run(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return stopping ? 0 : code;
}

main().then((code) => process.exit(code));
