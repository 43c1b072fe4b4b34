// The SQLite writer thread's entry (writer.ts): plain JS, so that it starts under any runner. It
// loads tsx's loader into this thread, then the TypeScript part.
await import('tsx');
await import('./writerThread.ts');
