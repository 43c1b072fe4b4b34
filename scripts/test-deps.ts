// Runs before `npm test`: the browser tests need Chromium. On a Debian machine run as root (CI, a
// fresh container) it installs Debian's package; elsewhere it stops and says what to install.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.js';

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

if (!findChromium() && !(install(['chromium']) && findChromium())) {
  console.error(
    'test setup: the browser tests need Chromium, and none was found.\n' +
      '  Install it (Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROMIUM=/path/to/chromium.',
  );
  process.exit(1);
}
