// Runs before `npm test`: the browser tests need Chromium, the store, fault and cluster tests
// PostgreSQL and Redis (they start private instances of them: scripts/services.ts). On a Debian
// machine run as root (CI, a fresh container) it installs Debian's packages; elsewhere it stops
// and says what to install.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.js';
import { findPostgresBin, findRedis } from './services.js';

function install(packages: string[]): boolean {
  const root = process.getuid?.() === 0;
  if (!root) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  console.log(`test setup: installing ${packages.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    // The package lists of a fresh machine are empty: fetch them once, then try again.
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  return true;
}

/** What the tests need: found, or the Debian package that brings it and how to name it by hand. */
const NEEDS = [
  { what: 'Chromium', found: () => !!findChromium(), pkg: 'chromium', hint: 'or set CHROMIUM=/path/to/chromium' },
  { what: 'PostgreSQL', found: () => !!findPostgresBin(), pkg: 'postgresql', hint: 'or set PARITY_PG_BIN to the directory holding initdb and pg_ctl' },
  { what: 'Redis', found: () => !!findRedis(), pkg: 'redis-server', hint: 'or put redis-server on PATH' },
];

const missing = NEEDS.filter((n) => !n.found());
if (missing.length && install(missing.map((n) => n.pkg))) missing.splice(0, missing.length, ...missing.filter((n) => !n.found()));
if (missing.length) {
  console.error(
    `test setup: the tests need ${missing.map((n) => n.what).join(', ')}, and ${missing.length === 1 ? 'it was' : 'they were'} not found.\n` +
      missing.map((n) => `  ${n.what}: Debian/Ubuntu \`sudo apt-get install ${n.pkg}\`, ${n.hint}.`).join('\n'),
  );
  process.exit(1);
}
