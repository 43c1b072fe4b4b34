// The benches' settings from the environment (bench/load.ts): a variant's environment must reach
// its servers as given, or an A/B comparison runs the same configuration twice unnoticed.
import { afterEach, describe, expect, it } from 'vitest';
import { envPairs, envWords, pairs, variantEnvs } from '../../bench/load.js';

describe("the benches' environment settings", () => {
  afterEach(() => {
    delete process.env.BENCH_TEST_SETTING;
  });

  it('reads K=V pairs from text, a value keeping its own =', () => {
    expect(pairs('A=1  B=x=y')).toEqual({ A: '1', B: 'x=y' });
    expect(pairs('')).toEqual({});
  });

  it('reads words and pairs from a named variable', () => {
    process.env.BENCH_TEST_SETTING = '--cpu-prof  --x=1';
    expect(envWords('BENCH_TEST_SETTING')).toEqual(['--cpu-prof', '--x=1']);
    process.env.BENCH_TEST_SETTING = 'PARITY_X=1 PARITY_Y=2';
    expect(envPairs('BENCH_TEST_SETTING')).toEqual({ PARITY_X: '1', PARITY_Y: '2' });
    expect(envPairs('BENCH_TEST_UNSET')).toEqual({});
  });

  it('splits variants at ; and gives each its own environment', () => {
    expect(variantEnvs('PARITY_X=2; PARITY_X=1 PARITY_Y=3;')).toEqual([
      { text: 'PARITY_X=2', env: { PARITY_X: '2' } },
      { text: 'PARITY_X=1 PARITY_Y=3', env: { PARITY_X: '1', PARITY_Y: '3' } },
    ]);
    expect(variantEnvs('')).toEqual([]);
  });
});
