// acc ± a·b per f32x4 lane: one fused relaxed_madd/nmadd in the relaxed-SIMD build (kernels-relaxed.wasm,
// loaded where the runtime supports it), else a multiply then an add. Fusing changes only rounding
// (H2O's Java arithmetic is unfused; the kernel suite's tolerance covers both), but a fused chain has a
// longer latency, so dot products whose accumulators are the bottleneck keep mul + add.

@inline
export function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}

/** acc − a·b per lane: one fused relaxed_nmadd in the relaxed-SIMD build, else a multiply then a subtract. */
@inline
export function nmadd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_nmadd(a, b, acc);
  return f32x4.sub(acc, f32x4.mul(a, b));
}
