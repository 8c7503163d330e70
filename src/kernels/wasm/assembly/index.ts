// Entry point of the AssemblyScript kernels: every export here is a wasm export (see ../loader.ts).

export * from './adadelta-compact';
export * from './adadelta-squares';
export * from './bias-update';
export * from './combine-rows';
export * from './gemm';
export * from './gemm-packed';
export * from './kernels';
export * from './network-step';
export * from './row-update';
export * from './sparse-input';
