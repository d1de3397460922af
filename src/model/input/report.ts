/** The `input` section of `headroom/report@2`, from the setup's `input` section. */
import { abs } from '../complex.ts';
import { assertFiniteReport } from '../finite-report.ts';
import type { InputReport, InstrumentInputReport, LatencyReport, MicrophoneInputReport } from '../report-contract.ts';
import { responseFrequenciesHz, voltageRatioToDb } from '../units.ts';
import type { InputSetup, Instrument, Latency, Microphone } from './contract.ts';
import { analyseLatency } from './latency.ts';
import { analyseMicrophone } from './microphone.ts';
import { analysePickup, inputImpedanceOhms, pickupCircuit, pickupTransfer, totalCapacitancePf } from './pickup.ts';

export function buildInputReport(input: InputSetup): InputReport {
  return assertFiniteReport({
    sampleRateHz: input.sampleRateHz,
    instrument: input.instrument != null ? instrumentReport(input.instrument) : null,
    microphone: input.microphone != null ? microphoneReport(input.microphone, input.sampleRateHz) : null,
    latency: input.latency != null ? latencyReport(input.latency, input.sampleRateHz) : null,
  });
}

export function instrumentReport(instrument: Instrument): InstrumentInputReport {
  const circuit = pickupCircuit(instrument);
  const analysis = analysePickup(circuit);
  const hz = responseFrequenciesHz();
  return {
    pickup: instrument.pickup.name,
    inputImpedanceOhms: inputImpedanceOhms(instrument),
    loadOhms: circuit.loadOhms,
    capacitancePf: totalCapacitancePf(instrument),
    ...analysis,
    response: { hz, db: hz.map((f) => voltageRatioToDb(abs(pickupTransfer(circuit, f)))) },
  };
}

export function microphoneReport(mic: Microphone, sampleRateHz: number): MicrophoneInputReport {
  const { preampNoiseDbu: _preampNoiseDbu, ...analysis } = analyseMicrophone(mic, sampleRateHz);
  return { name: mic.name, ...analysis };
}

export function latencyReport(latency: Latency, sampleRateHz: number): LatencyReport {
  const analysis = analyseLatency(latency, sampleRateHz);
  return { ...analysis, monitoring: latency.monitoring };
}
