/**
 * Sample buffers the kernels accept. Worklet blocks are Float32Array; the kernels'
 * own intermediate buffers are Float64Array, so rounding to single precision happens
 * once, at the stage's output.
 */
export type Samples = Float32Array | Float64Array;
