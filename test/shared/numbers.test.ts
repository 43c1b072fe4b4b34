// Every figure the rules use comes from the scenario (docs/scenarios.md): a numeric literal in
// shared/engine fails this test unless the short allow-list below says why it is not a game figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '..', '..', 'shared', 'engine');

/** Values that are arithmetic, not figures: nothing, one of a thing, a step (a − 1, n + 1). */
const ANY_FILE = new Set(['0', '1']);
/** Files that hold no rule of the game. */
const FILES = {
  'maths.ts': 'the meter scale, percentages, rounding for display and division guards, each named once',
  'rng.ts': 'the constants of the mulberry32 generator and of the FNV-1a mix, not game figures',
};
/** The one table of sizes an action message may have, checked before any scenario is known (actions.ts). */
const INPUT_LIMITS = 'INPUT_LIMITS';

/** The numeric literals of a source text that are not allowed, as `file:line: literal`. */
function literalsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && n.name.getText() === INPUT_LIMITS) return;
    // An index into an array or tuple (`range[0]`) is a position, not a figure.
    if (ts.isElementAccessExpression(n) && ts.isNumericLiteral(n.argumentExpression)) return visit(n.expression);
    if ((ts.isNumericLiteral(n) || ts.isBigIntLiteral(n)) && !ANY_FILE.has(n.text)) {
      const { line } = source.getLineAndCharacterOfPosition(n.getStart());
      found.push(`${file}:${line + 1}: ${n.getText()}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

const literalsOf = (file: string) => literalsIn(`shared/engine/${file}`, readFileSync(join(ENGINE, file), 'utf8'));

describe('the numbers of the rules', () => {
  it('are read from the scenario: no numeric literal in shared/engine outside the allow-list', () => {
    const files = readdirSync(ENGINE).filter((f) => f.endsWith('.ts') && !(f in FILES));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(literalsOf)).toEqual([]);
  });

  it('would catch one: a figure, but not an index, a 0 or 1, or the input limits', () => {
    const text = 'const a = b * 0.4 + c[2] - 1;\nconst INPUT_LIMITS = { text: 500 };\nconst d = -2;';
    expect(literalsIn('x.ts', text)).toEqual(['x.ts:1: 0.4', 'x.ts:3: 2']);
  });
});
