// Validate scenario files from the command line, exactly as a facilitator's upload is validated.
//
//   npm run scenario:check FILE [FILE…]     each file: "ok: FILE", or "invalid: FILE" and its errors
//   npm run scenario:check -- --all         every file in scenarios/
//
// A valid file also gets its languages: how much of its text each has (a missing one is read in English).
//
// Exit code 0 when every file is valid, 1 when any is not, 2 on a usage error.
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageLine, scenarioCoverage } from '../shared/i18n/coverage.js';
import { checkScenarioFile, SCENARIO_DIR } from '../shared/scenario/files.js';

const USAGE = 'usage: npm run scenario:check FILE [FILE…]   or   npm run scenario:check -- --all';

export function checkFiles(files: readonly string[]): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  for (const file of files) {
    const r = checkScenarioFile(file);
    if (r.ok) {
      lines.push(`ok: ${file}`);
      lines.push(`  ${coverageLine(scenarioCoverage(r.scenario))}`);
      // The server lists scenarios by file name and loads them by it.
      const stem = basename(file).replace(/\.json$/i, '');
      if (r.scenario.id !== stem) lines.push(`  note: id "${r.scenario.id}" differs from the file name; the server lists scenarios by file name, so call the file ${r.scenario.id}.json`);
    } else {
      ok = false;
      lines.push(`invalid: ${file} (${r.errors.length} error${r.errors.length === 1 ? '' : 's'})`);
      for (const e of r.errors) lines.push(`  ${e}`);
    }
  }
  return { lines, ok };
}

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--all');
  if (unknown.length) {
    console.error(`unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const files = args.filter((a) => !a.startsWith('-'));
  if (args.includes('--all')) {
    const shipped = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
    files.push(...shipped.map((f) => relative(process.cwd(), join(SCENARIO_DIR, f)) || f));
  }
  if (!files.length) {
    console.error(USAGE);
    return 2;
  }
  const { lines, ok } = checkFiles(files);
  for (const line of lines) console.log(line);
  return ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
