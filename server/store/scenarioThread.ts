// The scenario checker's thread (scenarioChecker.ts): parses and validates scenario files off the
// event loop. An upload's 2 MB took the rooms' loop about 400 ms; here it takes none of it.
import { randomBytes } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { shippedScenarios } from '../../shared/scenario/files.js';
import { parseScenario, parseScenarioUpload } from '../../shared/scenario/parse.js';
import type { CheckJob, CheckResult } from './scenarioChecker.js';

const ALPHANUM = 'abcdefghijkmnpqrstuvwxyz23456789';
const dir = (workerData as { dir?: string } | undefined)?.dir;

/** An upload's id: its file id and a random suffix, so it never shadows a shipped scenario. */
function uploadId(originalId: string): string {
  let suffix = '';
  for (const b of randomBytes(8)) suffix += ALPHANUM[b % ALPHANUM.length];
  return `${originalId.slice(0, 40)}-u${suffix}`;
}

/** The file's text, or the text inside `{"text": "<file text>"}`. */
function fileText(body: string): string {
  try {
    const outer = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    if (outer && typeof outer === 'object' && !Array.isArray(outer) && Object.keys(outer).length === 1 && typeof outer.text === 'string') return outer.text;
  } catch {
    /* parseScenarioUpload reports it */
  }
  return body;
}

function check(job: CheckJob): CheckResult {
  if (job.kind === 'load') {
    const r = parseScenario(JSON.parse(job.body));
    return r.ok ? { id: job.id, ok: true, scenario: r.scenario } : { id: job.id, ok: false, errors: r.errors };
  }
  // An upload may extend a shipped scenario (shared/scenario/extend.ts); it is stored resolved.
  const r = parseScenarioUpload(fileText(job.text), job.maxBytes, shippedScenarios(dir));
  if (!r.ok) return { id: job.id, ok: false, errors: r.errors };
  const originalId = r.scenario.id;
  // Stored as validated (defaults filled in), under its new id; checked again as stored.
  const stored = parseScenario({ ...r.scenario, id: uploadId(originalId) });
  if (!stored.ok) return { id: job.id, ok: false, errors: stored.errors };
  const s = stored.scenario;
  return { id: job.id, ok: true, upload: { id: s.id, originalId, body: JSON.stringify(s), title: s.title, rounds: s.rounds, mediators: s.mediators } };
}

parentPort!.on('message', (job: CheckJob) => {
  let out: CheckResult;
  try {
    out = check(job);
  } catch (e) {
    out = { id: job.id, ok: false, errors: [`(file): ${e instanceof Error ? e.message : String(e)}`] };
  }
  parentPort!.postMessage(out);
});
