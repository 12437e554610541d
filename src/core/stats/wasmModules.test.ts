import { describe, expect, it } from 'vitest';
import { compileWasm, generatedPath, wasmSource, WASM_MODULES } from '../../../scripts/build-wasm';
import { readFileSync } from 'node:fs';

describe('the generated WebAssembly modules', () => {
  it.each(WASM_MODULES.map((module) => [module.generated, module] as const))('%s is what scripts/build-wasm.ts compiles from wasm/ today', async (_, module) => {
    expect(readFileSync(generatedPath(module), 'utf8')).toBe(wasmSource(module, await compileWasm(module)));
  }, 60_000);
});
