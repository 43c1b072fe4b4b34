// V8 settings the server runs with: `npm start` passes them (package.json) and bench:server starts
// the server with the same list, so the benchmark measures the real server (a test checks both).
//
// --no-allocation-site-pretenuring: V8 allocates objects straight into the old generation at
//   allocation sites whose objects mostly survive. zod's compiled parser is one such site (every
//   parsed action is kept in the match log), so the parser's short-lived objects went to the old
//   generation too: a sampling heap profile of 1,000 rooms at play counted 61 of 143 MB of
//   promoted-or-old allocations there (3 MB without pretenuring), and the old generation grew
//   ~4 MB/s faster, which is RSS between full collections and more of them.
// --max-semi-space-size: the young generation's two halves grow to 32 MB each by default; 64 MB
//   is 64 KB of RSS per room at 1,000 rooms. A smaller one collects more often, each collection
//   copying fewer survivors (shorter pauses); short-lived garbage costs nothing either way.
export const SERVER_NODE_FLAGS = ['--no-allocation-site-pretenuring', '--max-semi-space-size=4'] as const;
