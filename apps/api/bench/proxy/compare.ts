// BENCH_COMPARE=<git ref>: the api's `src/` as it is at that ref, extracted beside the working copy so the
// proxy bench can run it as a second api child in the same interleaved rounds (one-run A/B against the
// same forwarder and emulator; two separate runs on a shared machine differ more than most changes).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const API_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Extracts `apps/api/src` of `ref` to `apps/.bench-compare-<commit>/src` (gitignored) and returns the
 * path of its `server.ts`. The copy sits at the same depth as `apps/api`, so its paths to the repo
 * root and to `apps/web/dist` resolve alike; its `node_modules` is a link to the api's own (the
 * dependencies are this working copy's: compare refs whose package.json agrees). The bench removes it
 * when done.
 */
export function extractApiAt(ref: string): { commit: string; server: string; dir: string } {
  const commit = execFileSync('git', ['rev-parse', '--short=10', `${ref}^{commit}`], { cwd: REPO })
    .toString()
    .trim();
  const dir = `${REPO}apps/.bench-compare-${commit}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', commit, 'apps/api/src'], {
    cwd: REPO,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '--strip-components=2', '-C', dir], { input: tar });
  if (!existsSync(`${dir}/node_modules`)) symlinkSync(`${API_DIR}node_modules`, `${dir}/node_modules`, 'dir');
  return { commit, server: `${dir}/src/server.ts`, dir };
}
