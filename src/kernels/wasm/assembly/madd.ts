// acc + a·b per f32x4 lane for the batched kernels: one fused relaxed_madd in the relaxed-SIMD build
// (kernels-relaxed.wasm, loaded only where the runtime validates it), else a multiply then an add.
// The per-row update kernels keep separate mul/add on purpose: H2O's float arithmetic is unfused.

@inline
export function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}
