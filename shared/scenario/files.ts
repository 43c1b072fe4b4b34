// Load scenario files from disk (Node only; the client receives scenarios from the server).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ShippedScenarios } from './extend.js';
import { scenarioOrThrow, parseScenarioUpload, MAX_SCENARIO_BYTES, type ScenarioResult } from './parse.js';
import type { Scenario } from './schema.js';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** The shipped scenario files' JSON by id, for resolving `extends` (unknown ids give undefined). */
export function shippedScenarios(dir = SCENARIO_DIR): ShippedScenarios {
  const ids = new Set(listScenarioIds(dir));
  return (id) => (ids.has(id) ? JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) : undefined);
}

/**
 * Validate a scenario file as a facilitator's upload is validated (parseScenarioUpload: size
 * limit, JSON, `extends` of a shipped scenario, then the scenario); errors name the field.
 */
export function checkScenarioFile(path: string): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`(file): ${(e as Error).message}`] };
  }
  return parseScenarioUpload(text, MAX_SCENARIO_BYTES, shippedScenarios());
}

/** Load a shipped scenario by id (a variant resolved against the others), or throw with every error found. */
export function loadScenario(id: string, dir = SCENARIO_DIR): Scenario {
  const path = join(dir, `${id}.json`);
  return scenarioOrThrow(JSON.parse(readFileSync(path, 'utf8')), basename(path), shippedScenarios(dir));
}

/** Ids of the scenarios shipped in the scenarios folder. */
export function listScenarioIds(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}
