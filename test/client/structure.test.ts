// The client's module shape, read from its source: no import cycle; the facilitator console's imports
// point one way (plain modules → context → hooks → parts → pages → router); a component file exports
// components only; hooks live in hooks/ or next to their context; no two modules share a name.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLIENT = join(ROOT, 'client');

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : []));

const files = walk(CLIENT);
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

/** The client modules a file imports, statically or with import(), by repository path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName).replace(/\.js$/, '');
    const hit = [`${base}.ts`, `${base}.tsx`].find((f) => files.includes(f));
    if (hit) out.push(rel(hit));
  }
  return out;
}

const graph = new Map(files.map((f) => [rel(f), importsOf(f)]));

/** Every import cycle, as the chain of modules that closes it. */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const n of g.get(m) ?? []) {
      if (state.get(n) === 'open') found.push([...stack.slice(stack.indexOf(n)), n]);
      else if (!state.has(n)) visit(n);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of g.keys()) if (!state.has(m)) visit(m);
  return found;
}

// The console's layers, lowest first: a module may import its own layer or a lower one.
const LAYERS = ['plain', 'context', 'hooks', 'parts', 'pages', 'router'] as const;
const FAC = 'client/facilitate/';
function layerOf(path: string): (typeof LAYERS)[number] {
  const inner = path.slice(FAC.length);
  if (inner === 'consoleContext.ts') return 'context';
  if (inner === 'Console.tsx' || inner === 'boot.tsx') return 'router';
  const dir = inner.split('/')[0];
  if (dir === 'hooks' || dir === 'parts' || dir === 'pages') return dir;
  if (inner.includes('/') || inner.endsWith('.tsx')) throw new Error(`${path}: no layer (put it in hooks/, parts/ or pages/)`);
  return 'plain';
}

/** The value names a module exports (types left out); `default` for a default export without a name. */
function exportsOf(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const names: string[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const s of sf.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && exported(s)) names.push(s.name?.text ?? 'default');
    else if (ts.isVariableStatement(s) && exported(s)) for (const d of s.declarationList.declarations) names.push(d.name.getText(sf));
    else if (ts.isExportDeclaration(s)) {
      if (!s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) for (const e of s.exportClause.elements) if (!e.isTypeOnly) names.push(e.name.text);
    } else if (ts.isExportAssignment(s)) names.push(ts.isIdentifier(s.expression) ? s.expression.text : 'default');
  }
  return names;
}

const isComponentName = (n: string) => /^[A-Z]/.test(n);
const isHookName = (n: string) => /^use[A-Z0-9]/.test(n);
// The console's entry hands the page to React: the one component-area .tsx that exports a plain function.
const ENTRIES = new Set(['client/facilitate/boot.tsx']);

describe('client modules', () => {
  it('finds the modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('client/facilitate/Console.tsx')).toContain('client/facilitate/pages/ClassDebrief.tsx');
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the cycle check sees a cycle', () => {
    const g = new Map([...graph, ['client/facilitate/route.ts', [...graph.get('client/facilitate/route.ts')!, 'client/facilitate/Console.tsx']]]);
    expect(cycles(g).length).toBeGreaterThan(0);
  });

  it('the facilitator console imports one way: plain → context → hooks → parts → pages → router', () => {
    const wrong: string[] = [];
    for (const [from, to] of graph) {
      if (!from.startsWith(FAC)) continue;
      for (const t of to) if (t.startsWith(FAC) && LAYERS.indexOf(layerOf(t)) > LAYERS.indexOf(layerOf(from))) wrong.push(`${from} (${layerOf(from)}) imports ${t} (${layerOf(t)})`);
    }
    expect(wrong).toEqual([]);
  });

  it('a component file exports components only, and hooks live in hooks/ or beside their context', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const path = rel(f);
      if (!path.startsWith('client/ui/') && !path.startsWith(FAC)) continue;
      for (const name of exportsOf(f)) {
        if (path.endsWith('.tsx') && !ENTRIES.has(path) && name !== 'default' && !isComponentName(name)) wrong.push(`${path} exports ${name}, not a component`);
        if (isHookName(name) && !/\/hooks\/[^/]+\.ts$/.test(path) && !/[cC]ontext\.ts$/.test(path)) wrong.push(`${path} exports the hook ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no two modules share a file name', () => {
    const by = new Map<string, string[]>();
    for (const f of files) {
      const name = basename(f).replace(/\.tsx?$/, '');
      by.set(name, [...(by.get(name) ?? []), rel(f)]);
    }
    expect([...by.values()].filter((list) => list.length > 1)).toEqual([]);
  });
});
