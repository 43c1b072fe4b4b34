// V8 settings the server runs with: `npm start` passes them (package.json) and bench:server starts
// the server with the same list, so the benchmark measures the real server (a test checks both).
//
// --no-allocation-site-pretenuring: V8 allocates objects straight into the old generation at
//   allocation sites whose objects mostly survive. zod's compiled parser is one such site (every
//   parsed action is kept in the match log), so the parser's short-lived objects went to the old
//   generation too: a sampling heap profile of 1,000 rooms at play counted 61 of 143 MB of
//   promoted-or-old allocations there (3 MB without pretenuring), and the old generation grew
//   ~4 MB/s faster, which is RSS between full collections and more of them.
// --max-semi-space-size=32: each half of the young generation may grow to 32 MB. At 4 MB objects
//   that live a few hundred ms (a message's batch, a room's outbox) survived two scavenges and were
//   promoted, so full collections came more often, each one's incremental marking slowing every
//   room for ~100 ms. Against 16 MB, in two alternating A/B runs of bench:server (3 and 4 runs of
//   each, pooled, the bare room in the same invocation): p95 67 against 83 ms and 56 against 81 ms,
//   p99 122 against 173 and 138 against 170 ms, at 151–153 KB a room against 127 (the bare
//   Colyseus room: ~210 KB). Fewer scavenges copy about the same survivors, so they cost less in all.
// --heap-growing-percent=30: after a full collection the old generation may grow 30% over what
//   is live before the next one. V8 picks 10%–300% by its own speed estimates; on a busy 2-core
//   machine it let 97 MB live grow to 156 MB (peak RSS 290–380 MB at 1,000 rooms, 156–249 KB a
//   room). At 30%: a full collection every ~7 s at 1,000 rooms, each ~20 ms of pause (the
//   marking is incremental), peak 239 MB (116 KB a room). A room's state lives as long as the
//   room, so most of the heap is live and little is gained by waiting longer.
export const SERVER_NODE_FLAGS = ['--no-allocation-site-pretenuring', '--max-semi-space-size=32', '--heap-growing-percent=30'] as const;
