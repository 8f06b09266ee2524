// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The web's import rules live in the repo's biome.json (`overrides`: `noRestrictedImports` per
// folder, `noImportCycles`): src/app imports features; a feature imports ui/, lib/, domain/ and its
// own files, never another feature or src/app; ui/, lib/ and domain/ import no feature and not
// src/app. biome.json has no comments, so the one override per feature depth is explained here: a
// feature's file sits one, two or three folders deep, and the `../` that leaves the feature differs
// with the depth. This lints fixture files laid out like apps/web/src with that very config, so it
// fails if a rule is removed or stops matching.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

const FIXTURES: Record<string, string> = {
  'features/invitations/api/get-invitation.ts': 'export const getInvitation = () => 1;',
  'features/revoke/api/revoke.ts': 'export const revoke = () => 1;',
  'app/routes/page.tsx': [
    "import { getInvitation } from '../../features/invitations/api/get-invitation.ts';",
    "import { revoke } from '../../features/revoke/api/revoke.ts';",
    'export const page = [getInvitation, revoke];',
  ].join('\n'),
  'lib/format.ts': 'export const format = () => 1;',
  'ui/button.tsx': 'export const button = 1;',
  'domain/fields.tsx': "import { button } from '../ui/button.tsx';\nexport const fields = button;",
  // Allowed: its own feature, lib/, ui/, domain/.
  'features/invitations/components/ok.tsx': [
    "import { fields } from '../../../domain/fields.tsx';",
    "import { format } from '../../../lib/format.ts';",
    "import { button } from '../../../ui/button.tsx';",
    "import { getInvitation } from '../api/get-invitation.ts';",
    'export const ok = [fields, format, button, getInvitation];',
  ].join('\n'),
  // Not allowed.
  'features/invitations/components/imports-feature.tsx':
    "import { revoke } from '../../revoke/api/revoke.ts';\nexport const x = revoke;",
  'features/invitations/components/imports-feature-via-src.tsx':
    "import { revoke } from '../../../features/revoke/api/revoke.ts';\nexport const x = revoke;",
  'features/invitations/imports-feature-shallow.ts':
    "import { revoke } from '../revoke/api/revoke.ts';\nexport const x = revoke;",
  'features/revoke/components/imports-app.tsx':
    "import { page } from '../../../app/routes/page.tsx';\nexport const x = page;",
  'ui/imports-feature.tsx':
    "import { revoke } from '../features/revoke/api/revoke.ts';\nexport const x = revoke;",
  'lib/imports-app.ts': "import { page } from '../app/routes/page.tsx';\nexport const x = page;",
  'domain/imports-feature.tsx':
    "import { getInvitation } from '../features/invitations/api/get-invitation.ts';\nexport const x = getInvitation;",
  'lib/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;",
  'lib/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;",
};

interface Diagnostic {
  category: string;
  location: { path: string };
}

let dir = '';
let diagnostics: Diagnostic[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'web-boundaries-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
  // The fixtures are not a git checkout; everything else is the repo's config as it is.
  delete config.$schema;
  config.vcs = { enabled: false };
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(FIXTURES)) {
    const file = join(dir, 'apps/web/src', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${text}\n`);
  }
  let out: string;
  try {
    out = execFileSync(process.execPath, [BIOME, 'lint', '--reporter=json', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Biome exits 1 when it reports errors; the report is on stdout all the same.
    out = (error as { stdout: string }).stdout;
  }
  diagnostics = (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rulesOf = (path: string) =>
  diagnostics.filter((d) => d.location.path === `apps/web/src/${path}`).map((d) => d.category);

describe('web import boundaries (biome.json)', () => {
  it('fails a feature that imports another feature, however the path is written', () => {
    for (const file of [
      'features/invitations/components/imports-feature.tsx',
      'features/invitations/components/imports-feature-via-src.tsx',
      'features/invitations/imports-feature-shallow.ts',
    ]) {
      expect(rulesOf(file), file).toEqual(['lint/style/noRestrictedImports']);
    }
  });

  it('fails a feature that imports src/app, and ui/, lib/ or domain/ importing a feature or src/app', () => {
    for (const file of [
      'features/revoke/components/imports-app.tsx',
      'ui/imports-feature.tsx',
      'lib/imports-app.ts',
      'domain/imports-feature.tsx',
    ]) {
      expect(rulesOf(file), file).toEqual(['lint/style/noRestrictedImports']);
    }
  });

  it('fails an import cycle', () => {
    expect(rulesOf('lib/cycle-a.ts')).toContain('lint/suspicious/noImportCycles');
  });

  it('lets a feature use its own files, lib/, ui/ and domain/, and src/app use every feature', () => {
    expect(rulesOf('features/invitations/components/ok.tsx')).toEqual([]);
    expect(rulesOf('app/routes/page.tsx')).toEqual([]);
    expect(rulesOf('domain/fields.tsx')).toEqual([]);
  });
});
