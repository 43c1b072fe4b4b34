// Every scenario a match may use: the shipped files and the facilitators' validated uploads.
import { randomBytes } from 'node:crypto';
import { listScenarioIds, loadScenario, shippedScenarios } from '../../shared/scenario/files.js';
import { parseScenario, parseScenarioUpload, scenarioOrThrow } from '../../shared/scenario/parse.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import type { SessionStore } from './sessionStore.js';

const ALPHANUM = 'abcdefghijkmnpqrstuvwxyz23456789';

/** An upload's id: its file id and a random suffix, so it never shadows a shipped scenario. */
function uploadId(originalId: string): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHANUM[b % ALPHANUM.length];
  return `${originalId.slice(0, 40)}-u${suffix}`;
}

export type UploadResult = { ok: true; scenario: Scenario; originalId: string } | { ok: false; errors: string[] };

export class ScenarioLibrary {
  // Scenarios are read-only data: loaded once per id and shared by every room.
  private cache = new Map<string, Scenario>();

  constructor(
    private sessions: SessionStore,
    private dir?: string,
  ) {}

  shippedIds(): string[] {
    return listScenarioIds(this.dir);
  }

  /** The scenario with this id, or null (an upload is read from the store once, on any process). */
  async find(id: string): Promise<Scenario | null> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    let s: Scenario | null = null;
    if (this.shippedIds().includes(id)) s = loadScenario(id, this.dir);
    else {
      const row = await this.sessions.readScenario(id);
      if (row) s = scenarioOrThrow(JSON.parse(row.body), `uploaded scenario ${id}`);
    }
    if (s) this.cache.set(id, s);
    return s;
  }

  /** The scenario with this id; throws when there is none (rooms only ask for stored ids). */
  async get(id: string): Promise<Scenario> {
    const s = await this.find(id);
    if (!s) throw new Error(`no scenario "${id}"`);
    return s;
  }

  /**
   * Validate an uploaded file's text (or `{"text": "<file text>"}`) and store it under a fresh id.
   * Refused with every error found, each naming its field.
   */
  async upload(body: string): Promise<UploadResult> {
    let text = body;
    try {
      const outer = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
      if (outer && typeof outer === 'object' && !Array.isArray(outer) && Object.keys(outer).length === 1 && typeof outer.text === 'string') text = outer.text;
    } catch {
      /* parseScenarioUpload reports it */
    }
    // An upload may extend a shipped scenario (shared/scenario/extend.ts); it is stored resolved.
    const r = parseScenarioUpload(text, undefined, shippedScenarios(this.dir));
    if (!r.ok) return r;
    const originalId = r.scenario.id;
    const scenario = { ...r.scenario, id: uploadId(originalId) };
    // Stored as validated (defaults filled in); checked again when loaded.
    const check = parseScenario(scenario);
    if (!check.ok) return check;
    await this.sessions.saveScenario({ id: scenario.id, originalId, body: JSON.stringify(scenario), createdAt: Date.now() });
    this.cache.set(scenario.id, check.scenario);
    return { ok: true, scenario: check.scenario, originalId };
  }
}
