// The few WebAssembly JS-API types we use. tsconfig's lib is ES2022 without DOM, and @types/node 20
// does not declare the WebAssembly namespace, so these mirror lib.dom's declarations.
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: BufferSource);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
      readonly exports: Record<string, unknown>;
    }
    class Memory {
      constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
      readonly buffer: ArrayBuffer | SharedArrayBuffer;
      grow(delta: number): number;
    }
    function validate(bytes: BufferSource): boolean;
  }
  type BufferSource = ArrayBufferView | ArrayBuffer;
}

export {};
