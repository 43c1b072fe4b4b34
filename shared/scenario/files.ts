// Load scenario files from disk (Node only; the client receives scenarios from the server).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioOrThrow, parseScenarioUpload, type ScenarioResult } from './parse.js';
import type { Scenario } from './schema.js';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/**
 * Validate a scenario file as a facilitator's upload is validated (parseScenarioUpload: size
 * limit, JSON, then the scenario); errors name the field.
 */
export function checkScenarioFile(path: string): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`(file): ${(e as Error).message}`] };
  }
  return parseScenarioUpload(text);
}

/** Load a shipped scenario by id, or throw with every error found. */
export function loadScenario(id: string, dir = SCENARIO_DIR): Scenario {
  const path = join(dir, `${id}.json`);
  return scenarioOrThrow(JSON.parse(readFileSync(path, 'utf8')), basename(path));
}

/** Ids of the scenarios shipped in the scenarios folder. */
export function listScenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}
