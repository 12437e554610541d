import { describe, expect, it } from 'vitest';
import { compileKdTree, kdTreeWasmSource, KD_TREE_WASM_PATH } from '../../../scripts/build-wasm';
import { readFileSync } from 'node:fs';

describe('kdTreeWasm.generated.ts', () => {
  it('is what scripts/build-wasm.ts compiles from wasm/kdTree.ts today', async () => {
    expect(readFileSync(KD_TREE_WASM_PATH, 'utf8')).toBe(kdTreeWasmSource(await compileKdTree()));
  }, 60_000);
});
