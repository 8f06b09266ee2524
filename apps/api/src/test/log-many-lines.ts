// Writes `argv[2]` log lines with the default (asynchronous stdout) destination, then exits at once:
// log.test.ts checks that none is lost.
import { createLogger } from '../log.ts';

const log = createLogger();
const count = Number(process.argv[2] ?? 1000);
for (let n = 0; n < count; n++) log.info({ n }, 'line');
process.exit(0);
