// V8 settings the server runs with: `npm start` passes them (package.json) and bench:server starts
// the server with the same list, so the benchmark measures the real server (a test checks both).
//
// --no-allocation-site-pretenuring: V8 allocates objects straight into the old generation at
//   allocation sites whose objects mostly survive. zod's compiled parser is one such site (every
//   parsed action is kept in the match log), so the parser's short-lived objects went to the old
//   generation too: a sampling heap profile of 1,000 rooms at play counted 61 of 143 MB of
//   promoted-or-old allocations there (3 MB without pretenuring), and the old generation grew
//   ~4 MB/s faster, which is RSS between full collections and more of them.
// --max-semi-space-size=16: the young generation's two halves grow to 32 MB each by default; 64 MB
//   is 64 KB of RSS per room at 1,000 rooms. At 4 MB objects that live a few hundred ms (a
//   message's batch, a room's outbox) survive two scavenges and are promoted, so full collections
//   come more often; each one's incremental marking slows every room for ~100 ms. Measured over
//   quiet bench:server runs: 4 MB gave p95 5.7–14.4 ms (2 of 6 runs over 10 ms) at 115–125 KB a
//   room; 16 MB gave p95 6.0–7.9 ms in 6 of 7 runs (one 18 ms) at 124–135 KB a room.
// --heap-growing-percent=30: after a full collection the old generation may grow 30% over what
//   is live before the next one. V8 picks 10%–300% by its own speed estimates; on a busy 2-core
//   machine it let 97 MB live grow to 156 MB (peak RSS 290–380 MB at 1,000 rooms, 156–249 KB a
//   room). At 30%: a full collection every ~7 s at 1,000 rooms, each ~20 ms of pause (the
//   marking is incremental), peak 239 MB (116 KB a room). A room's state lives as long as the
//   room, so most of the heap is live and little is gained by waiting longer.
export const SERVER_NODE_FLAGS = ['--no-allocation-site-pretenuring', '--max-semi-space-size=16', '--heap-growing-percent=30'] as const;
