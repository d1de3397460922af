/**
 * aliasDbc: the worst non-harmonic component, 20 Hz–20 kHz, of a 5 kHz sine driven 20 dB into
 * the amp's clipping at 48 kHz, rendered through the real processors (the worklet bundle in
 * node-web-audio-api's OfflineAudioContext, chain-graph.ts). Setup: bench/setups.ts aliasSetup
 * (resistive load, so the output network is flat and every line comes from the clippers).
 *
 * Method as in tests/dsp/oversampled-stage.test.ts: N = 65 536, the tone on bin k0 (5000.24 Hz),
 * 7-term Blackman–Harris window (sidelobes −180 dB), harmonics m·k0 excluded ±7 bins (the main
 * lobe); the analysis starts 0.5 s in, after the chain's latency and ramps.
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import { buildChainGraph } from '../../src/audio/chain-graph.ts';
import { compile } from '../../src/model/compile.ts';
import { BH7_MAIN_LOBE_BINS, blackmanHarris7, magnitudeSpectrum } from '../../tests/dsp/spectrum.ts';
import { ALIAS_INPUT_PEAK, aliasAmpGainDb, aliasSetup, magnitudeAt } from '../setups.ts';

const SAMPLE_RATE = 48_000;
const N = 65_536;
const SKIP = SAMPLE_RATE / 2;

export interface AliasResult {
  aliasDbc: number;
  atHz: number;
  toneHz: number;
  overdriveDb: number;
}

export async function measureAlias(workletPath: string): Promise<AliasResult> {
  const k0 = Math.round((5000 * N) / SAMPLE_RATE);
  const toneHz = (k0 * SAMPLE_RATE) / N;
  const trial = compile(aliasSetup(15.56), SAMPLE_RATE);
  const inputGain = magnitudeAt(trial.amp!.input.numerator, trial.amp!.input.denominator, toneHz);
  const plan = compile(aliasSetup(aliasAmpGainDb(trial, inputGain)), SAMPLE_RATE);
  const amp = plan.amp!;
  const emfPeak = ALIAS_INPUT_PEAK * plan.source.voltsPerFullScale * inputGain * amp.gain;
  if (ALIAS_INPUT_PEAK * plan.source.voltsPerFullScale >= plan.source.clipPeakVolts) throw new Error('alias setup: the source would clip first');

  const length = SKIP + N;
  const context = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate: SAMPLE_RATE });
  await context.audioWorklet.addModule(workletPath);
  const buffer = context.createBuffer(1, length, SAMPLE_RATE);
  const tone = buffer.getChannelData(0);
  for (let i = 0; i < length; i++) tone[i] = ALIAS_INPUT_PEAK * Math.sin((2 * Math.PI * toneHz * i) / SAMPLE_RATE);
  const player = context.createBufferSource();
  player.buffer = buffer;
  const errors: string[] = [];
  const chain = buildChainGraph({
    context,
    createWorkletNode: (ctx, name, options) => new AudioWorkletNode(ctx, name, options),
    plan,
    onError: (role, message) => errors.push(`${role}: ${message}`),
  });
  player.connect(chain.input as never);
  chain.outputs[0]!.connect(context.destination as never);
  player.start(0);
  const rendered = await context.startRendering();
  chain.dispose();
  if (errors.length > 0) throw new Error(`alias render: ${errors.join('; ')}`);

  const spectrum = magnitudeSpectrum(rendered.getChannelData(0).subarray(SKIP, SKIP + N), blackmanHarris7(N));
  const lowest = Math.ceil((20 * N) / SAMPLE_RATE);
  const highest = Math.floor((20_000 * N) / SAMPLE_RATE);
  const nearHarmonic = (k: number) => {
    const m = Math.round(k / k0);
    return m >= 1 && Math.abs(k - m * k0) <= BH7_MAIN_LOBE_BINS;
  };
  let worst = 0;
  let worstBin = 0;
  for (let k = lowest; k <= highest; k++) {
    if (!nearHarmonic(k) && spectrum[k]! > worst) {
      worst = spectrum[k]!;
      worstBin = k;
    }
  }
  return {
    aliasDbc: 20 * Math.log10(worst / spectrum[k0]!),
    atHz: (worstBin * SAMPLE_RATE) / N,
    toneHz,
    overdriveDb: 20 * Math.log10(emfPeak / amp.clipPeakVolts),
  };
}
