/** The model's complex arithmetic is the shared one (src/math/complex.ts, also used by the DSP kernels). */
export * from '../math/complex.ts';
