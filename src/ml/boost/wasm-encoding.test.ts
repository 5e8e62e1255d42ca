import { describe, expect, it } from 'vitest';
import { s32, u32 } from './wasm-encoding.js';
import { kernelModuleBytes } from './wasm-kernels.js';

describe('WebAssembly encoding', () => {
  it('writes LEB128 numbers as the specification examples do', () => {
    expect(u32(0)).toEqual([0x00]);
    expect(u32(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(u32(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(s32(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(s32(63)).toEqual([0x3f]);
    expect(s32(64)).toEqual([0xc0, 0x00]);
    expect(s32(-64)).toEqual([0x40]);
  });

  it('assembles a training-kernel module the engine validates', () => {
    const api = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(api.validate(kernelModuleBytes)).toBe(true);
  });
});
