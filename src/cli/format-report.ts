/** The readable table that `headroom report` prints. Numbers come from the report as they are. */
import type { InputReport, Report } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';

const signed = (value: number, digits: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

export function formatHz(hz: number): string {
  if (hz >= 1000) return `${(hz / 1000).toFixed(hz >= 10_000 ? 1 : 2)} kHz`;
  return `${hz.toFixed(hz >= 100 ? 0 : 1)} Hz`;
}

export function formatVoltage(vrms: number): string {
  return vrms >= 1 ? `${vrms.toFixed(2)} V` : `${(vrms * 1000).toFixed(vrms >= 0.01 ? 1 : 2)} mV`;
}

export function formatPower(mw: number): string {
  if (mw >= 1000) return `${(mw / 1000).toFixed(2)} W`;
  if (mw >= 10) return `${mw.toFixed(1)} mW`;
  if (mw >= 0.01) return `${mw.toFixed(2)} mW`;
  return `${(mw * 1000).toFixed(2)} uW`;
}

function chainLine(setup: Setup): string {
  const parts = [`${setup.source.name} (${setup.source.outputImpedanceOhms} ohm, volume ${setup.source.volumeDb} dB)`];
  if (setup.amp) parts.push(`${setup.amp.name} (${signed(setup.amp.gainDb, 1)} dB, ${setup.amp.outputImpedanceOhms} ohm, ${setup.amp.outputs} outputs)`);
  if (setup.splitter) parts.push(`splitter (${setup.splitter.cableResistanceOhms} ohm per branch)`);
  parts.push(`${setup.headphones.length} listener${setup.headphones.length === 1 ? '' : 's'}`);
  return parts.join(' -> ');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export function formatReport(setup: Setup, report: Report, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  lines.push(`Chain: ${chainLine(setup)}`);
  lines.push(`Signal: ${setup.signal.levelDbfs.toFixed(1)} dBFS sine; levels at 1 kHz, response 20 Hz-20 kHz re 1 kHz`);
  lines.push('');
  const header = ['#', 'Listener', 'Voltage', 'Power', 'SPL', 'vs alone', 'Max clean SPL', 'Headroom', 'Response', 'min / max at', 'Verdict'];
  const rows = report.headphones.map((h, i) => {
    const d = h.responseDeviationDb;
    // Below half the last printed digit a deviation would print as ±0.00: call it flat.
    const flat = d.max - d.min < 0.005;
    return [
      String(i + 1),
      h.name,
      formatVoltage(h.loadVoltageVrms),
      formatPower(h.powerMw),
      `${h.splDb.toFixed(1)} dB`,
      `${signed(h.levelChangeDb, 2)} dB`,
      `${h.maxCleanSplDb.toFixed(1)} dB`,
      `${signed(h.maxCleanSplDb - h.splDb, 1)} dB`,
      flat ? 'flat' : `${signed(d.min, 2)}..${signed(d.max, 2)} dB`,
      flat ? '-' : `${formatHz(d.minHz)} / ${formatHz(d.maxHz)}`,
      h.advice.verdict,
    ];
  });
  lines.push(table([header, ...rows]));
  const gear = formatGear(report);
  if (gear.length > 0) lines.push('', ...gear);
  lines.push('');
  const c = report.clipping;
  lines.push(
    c.limitedBy === 'none'
      ? 'Clipping: none up to 0 dBFS at this volume'
      : `Clipping: ${c.stage} ${c.limitedBy === 'rail' ? 'voltage rail' : 'current limit'} reached at ${c.atSignalDbfs.toFixed(2)} dBFS`,
  );
  lines.push('', ...formatAdvice(report));
  if (report.input) lines.push('', ...formatInput(report.input));
  return lines.join('\n');
}

/**
 * report@3's gear figures, in a second table with only the columns some listener has: the hiss
 * (dB SPL(A), whether it is heard in a quiet room, its loudest critical band re the threshold of
 * hearing), the crosstalk at 1 kHz and what a shared return costs, and a curve's fit error.
 */
function formatGear(report: Report): string[] {
  const listeners = report.headphones;
  const columns: { title: string; cell: (h: Report['headphones'][number]) => string }[] = [];
  const has = (pick: (h: Report['headphones'][number]) => number | null): boolean => listeners.some((h) => pick(h) !== null);
  if (has((h) => h.hissDbSplA)) {
    columns.push(
      { title: 'Hiss', cell: (h) => orNone(h.hissDbSplA, (v) => `${v.toFixed(1)} dB(A)`, '-') },
      { title: 'Heard in quiet', cell: (h) => (h.hissAudible === null ? '-' : h.hissAudible ? 'yes' : 'no') },
      { title: 're threshold', cell: (h) => orNone(h.hissAboveThresholdDb, (v) => `${signed(v, 1)} dB`, '-') },
    );
  }
  if (has((h) => h.crosstalkDb)) {
    columns.push(
      { title: 'Crosstalk 1 kHz', cell: (h) => orNone(h.crosstalkDb, (v) => `${v.toFixed(1)} dB`, '-') },
      { title: 'Shared return', cell: (h) => orNone(h.sharedReturnLossDb, (v) => `${signed(v, 2)} dB`, '-') },
    );
  }
  if (has((h) => h.impedanceFitErrorDb)) columns.push({ title: 'Curve fit error', cell: (h) => orNone(h.impedanceFitErrorDb, (v) => `${v.toFixed(3)} dB`, '-') });
  if (columns.length === 0) return [];
  return [
    'Your gear: hiss A-weighted with no music; crosstalk for a signal in one channel; shared return = level lost in both channels',
    table([['#', 'Listener', ...columns.map((c) => c.title)], ...listeners.map((h, i) => [String(i + 1), h.name, ...columns.map((c) => c.cell(h))])]),
  ];
}

/** The model's advice per listener, its sentences as they are: the verdict, then each reason. */
function formatAdvice(report: Report): string[] {
  const target = report.headphones[0]?.advice.targetSplDb ?? 0;
  const lines = [`Advice for ${Number(target.toFixed(1))} dB SPL peaks:`];
  report.headphones.forEach((h, i) => {
    lines.push(`  ${i + 1} ${h.name}: ${h.advice.verdict}`);
    const sentences = h.advice.reasons.length > 0 ? h.advice.reasons.map((r) => r.text) : [h.advice.summary];
    for (const sentence of sentences) lines.push(`    - ${sentence}`);
  });
  return lines;
}

export function formatOhms(ohms: number): string {
  if (ohms >= 1e6) return `${(ohms / 1e6).toFixed(ohms >= 1e7 ? 1 : 2)} Mohm`;
  if (ohms >= 1000) return `${(ohms / 1000).toFixed(ohms >= 100_000 ? 0 : 1)} kohm`;
  return `${ohms.toFixed(0)} ohm`;
}

const orNone = <T>(value: T | null, show: (v: T) => string, none: string): string => (value === null ? none : show(value));

/** The input side: `headroom/report@2`'s input section, one block per part. */
export function formatInput(input: InputReport): string[] {
  const lines = [`Input side (${(input.sampleRateHz / 1000).toFixed(1)} kHz)`];
  const i = input.instrument;
  if (i) {
    lines.push(
      `Instrument: ${i.pickup} into ${formatOhms(i.inputImpedanceOhms)} (load ${formatOhms(i.loadOhms)}, ${i.capacitancePf.toFixed(0)} pF across the pickup)`,
      table([
        ['Low-frequency level', 'Resonance', 'Peak', '-3 dB point'],
        [
          `${signed(i.lowFrequencyDb, 2)} dB`,
          orNone(i.resonanceHz, formatHz, 'none (damped)'),
          orNone(i.peakDb, (db) => `${signed(db, 2)} dB`, '-'),
          orNone(i.minus3DbHz, formatHz, 'above 1 MHz'),
        ],
      ]),
    );
  }
  const m = input.microphone;
  if (m) {
    if (i) lines.push('');
    const weighting = m.noiseMeasurement === 'A-weighted' ? 'A-weighted' : '20 Hz-20 kHz';
    lines.push(
      `Microphone: ${m.name}${m.hasSignal ? '' : ': NO SIGNAL (a condenser needs phantom power)'}${m.phantomVoltageAtMicV === null ? '' : `, ${m.phantomVoltageAtMicV.toFixed(1)} V phantom at the mic`}`,
      table([
        ['Noise floor', 'in dBu', 'Dynamic range', 'Dominant noise', 'Quantization', '94 dB SPL reads', 'Clips at', 'Noise as SPL'],
        [
          `${m.noiseFloorDbfs.toFixed(1)} dBFS`,
          `${m.noiseFloorDbu.toFixed(1)} dBu`,
          `${m.dynamicRangeDb.toFixed(1)} dB`,
          m.dominantNoise,
          `${m.quantizationNoiseDbfs.toFixed(1)} dBFS`,
          orNone(m.levelDbfsAt94DbSpl, (v) => `${v.toFixed(1)} dBFS`, '-'),
          orNone(m.clipSplDb, (v) => `${v.toFixed(1)} dB SPL`, '-'),
          orNone(m.noiseSplDb, (v) => `${v.toFixed(1)} dB SPL`, '-'),
        ],
      ]),
      `Noise ${weighting}, as the preamp's EIN is stated; quantization over 0 Hz-fs/2 (${m.quantizationNoiseInBandDbfs.toFixed(1)} dBFS in that band).`,
    );
  }
  const l = input.latency;
  if (l) {
    if (i || m) lines.push('');
    const notch = l.firstCombNotchHz === null ? '' : `; mixed with the direct sound, the first comb-filter notch is at ${formatHz(l.firstCombNotchHz)}`;
    lines.push(
      `Latency: round trip ${l.roundTripMs.toFixed(2)} ms (${formatSamples(l.roundTripSamples)} samples: buffers of ${l.bufferMs.toFixed(2)} ms, converters ${l.converterMs.toFixed(2)} ms)`,
      `Monitoring (${l.monitoring}): ${l.monitoringMs.toFixed(2)} ms (${formatSamples(l.monitoringSamples)} samples)${notch}`,
    );
  }
  return lines;
}

function formatSamples(samples: number): string {
  return Number.isInteger(samples) ? String(samples) : samples.toFixed(1);
}
