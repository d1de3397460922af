/**
 * Picking a processor's stereo input: a mono input feeds both channels, no input is silence.
 * Allocation-free.
 */

/** Points `into[0..1]` at the input's channels: mono goes to both, no input is `silence`. */
export function selectStereoInput(inputs: Float32Array[][], silence: Float32Array, into: Float32Array[]): void {
  const input = inputs[0];
  const left = input && input.length > 0 ? input[0]! : silence;
  into[0] = left;
  into[1] = input && input.length > 1 ? input[1]! : left;
}
