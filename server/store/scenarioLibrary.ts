// Every scenario a match may use: the shipped files and the facilitators' validated uploads. The
// shipped ones stay loaded; uploads are kept in a cache bounded in count and bytes, and parsed and
// validated on a worker thread (scenarioChecker.ts). An upload belongs to the first class session
// created with it; one that no session took within an hour is dropped.
import { listScenarioIds, loadScenario } from '../../shared/scenario/files.js';
import { MAX_SCENARIO_BYTES, scenarioOrThrow } from '../../shared/scenario/parse.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { ScenarioChecker, type CheckedUpload } from './scenarioChecker.js';
import type { SessionStore } from './sessionStore.js';

export type UploadResult = { ok: true; upload: CheckedUpload } | { ok: false; errors: string[]; full?: boolean };

export interface UploadBounds {
  /** Uploaded scenarios kept parsed in memory at once. */
  cached: number;
  /** Their stored text in bytes, in all (a parsed scenario takes a few times its text in memory). */
  cachedBytes: number;
  /** Bytes of uploads no session has taken yet; past it, uploads wait. */
  unclaimedBytes: number;
  /** How long an upload waits for a session to take it. */
  unclaimedMs: number;
}

export const UPLOAD_BOUNDS: UploadBounds = { cached: 8, cachedBytes: 16 * 1024 * 1024, unclaimedBytes: 64 * 1024 * 1024, unclaimedMs: 3_600_000 };

export class ScenarioLibrary {
  // Scenarios are read-only data, shared by every room: shipped ones loaded once, uploads cached.
  private shipped = new Map<string, Scenario>();
  /** Uploads by id, least recently used first, with their stored size. */
  private uploads = new Map<string, { scenario: Scenario; bytes: number }>();
  private checker: ScenarioChecker;

  constructor(
    private sessions: SessionStore,
    private dir?: string,
    private bounds: UploadBounds = UPLOAD_BOUNDS,
  ) {
    this.checker = new ScenarioChecker(dir);
  }

  shippedIds(): string[] {
    return listScenarioIds(this.dir);
  }

  /**
   * The scenario with this id, or null. An upload that is not in the cache is parsed here, on the
   * event loop: the routes and rooms `load` it first, so this is the rare case.
   */
  find(id: string): Scenario | null {
    const hit = this.cached(id);
    if (hit) return hit;
    if (this.shippedIds().includes(id)) return this.keepShipped(id, loadScenario(id, this.dir));
    const row = this.sessions.readScenario(id);
    return row ? this.keep(id, scenarioOrThrow(JSON.parse(row.body), `uploaded scenario ${id}`), row.body.length) : null;
  }

  /** The scenario with this id; throws when there is none (rooms only ask for stored ids). */
  get(id: string): Scenario {
    const s = this.find(id);
    if (!s) throw new Error(`no scenario "${id}"`);
    return s;
  }

  /** The scenario with this id, an upload parsed off the event loop; null when there is none. */
  async load(id: string): Promise<Scenario | null> {
    const hit = this.cached(id);
    if (hit) return hit;
    if (this.shippedIds().includes(id)) return this.find(id);
    const row = this.sessions.readScenario(id);
    if (!row) return null;
    const r = await this.checker.load(row.body);
    if (!r.ok || !r.scenario) throw new Error(`uploaded scenario ${id} is invalid:\n  ${r.ok ? 'no scenario' : r.errors.join('\n  ')}`);
    return this.cached(id) ?? this.keep(id, r.scenario, row.body.length);
  }

  /**
   * Validate an uploaded file's text (or `{"text": "<file text>"}`) on the checker's thread and
   * store it under a fresh id, waiting for a session to take it. Refused with every error found,
   * each naming its field; or `full` when too many uploads wait for a session.
   */
  async upload(body: string): Promise<UploadResult> {
    for (const id of this.sessions.dropUnclaimedScenarios(Date.now() - this.bounds.unclaimedMs)) this.uploads.delete(id);
    if (this.sessions.unclaimedScenarioBytes() + body.length > this.bounds.unclaimedBytes) {
      return { ok: false, full: true, errors: ['(file): too many uploads wait for a class session; create a session with yours, or try again later'] };
    }
    const r = await this.checker.upload(body, MAX_SCENARIO_BYTES);
    if (!r.ok) return r;
    const u = r.upload!;
    this.sessions.saveScenario({ id: u.id, originalId: u.originalId, body: u.body, createdAt: Date.now(), sessionId: null });
    return { ok: true, upload: u };
  }

  /** A class session was created with this scenario: an upload is now its. */
  claim(id: string, sessionId: string): void {
    if (!this.shippedIds().includes(id)) this.sessions.claimScenario(id, sessionId);
  }

  close(): void {
    this.checker.close();
  }

  private cached(id: string): Scenario | null {
    const shipped = this.shipped.get(id);
    if (shipped) return shipped;
    const u = this.uploads.get(id);
    if (!u) return null;
    // Most recently used last.
    this.uploads.delete(id);
    this.uploads.set(id, u);
    return u.scenario;
  }

  private keepShipped(id: string, s: Scenario): Scenario {
    this.shipped.set(id, s);
    return s;
  }

  /** Cache an upload, then forget the least recently used ones past the bounds. */
  private keep(id: string, scenario: Scenario, bytes: number): Scenario {
    this.uploads.set(id, { scenario, bytes });
    let total = 0;
    for (const u of this.uploads.values()) total += u.bytes;
    for (const [old, u] of this.uploads) {
      if (this.uploads.size <= 1 || (this.uploads.size <= this.bounds.cached && total <= this.bounds.cachedBytes)) break;
      this.uploads.delete(old);
      total -= u.bytes;
    }
    return scenario;
  }

  /** Uploads held parsed now, and their stored bytes (tests and the limits' figures read it). */
  cacheSize(): { count: number; bytes: number } {
    let bytes = 0;
    for (const u of this.uploads.values()) bytes += u.bytes;
    return { count: this.uploads.size, bytes };
  }
}
