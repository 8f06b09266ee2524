// `pnpm reset`: starts the demo fresh by deleting `.data/` (the embedded emulator's users, organizations
// and invitations, and the api's bulk jobs and activity log). The next `pnpm start` seeds the demo data
// again. Stop the console first: a running api keeps writing to the files it has open.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../.data', import.meta.url));

if (!existsSync(DATA)) {
  process.stdout.write('Nothing to reset: there is no .data/ folder yet.\n');
} else {
  const files = readdirSync(DATA);
  rmSync(DATA, { recursive: true, force: true });
  process.stdout.write(
    `Deleted .data/ (${files.length ? files.join(', ') : 'empty'}). The next \`pnpm start\` seeds the demo data again.\n`,
  );
}
