/**
 * Derivations on screen: the chain's formulas filled in with the current numbers, one step at a
 * time, so that every figure of the report can be traced with a pocket calculator.
 *
 * Each step is data: a formula, the same formula with the numbers substituted, and the result
 * with its unit. The results are computed here from the substituted quantities with the
 * formula shown (complex impedances through the model's own complex arithmetic and impedance
 * functions), and the tests hold them to the report's figures within 1e-9; the step that ends
 * in a report figure names it (`reportField`).
 *
 * Markup in `formula` and `substituted` (the view renders it; `plainText` strips it):
 *   {X_sub}   a variable X with subscript "sub" (<var>X</var><sub>sub</sub>); {X} without one
 *   ^(…)      a superscript (<sup>…</sup>)
 * Numbers use a true minus sign (U+2212).
 */
import { add, abs, argDeg, complex, div, mul, parallel, scale, type Complex } from '../model/complex.ts';
import { chainLimits, firstLimit } from '../model/clipping.ts';
import { headphoneImpedanceAt, stageOutputImpedanceAt } from '../model/impedance.ts';
import type { Report } from '../model/report-contract.ts';
import type { Headphone, Setup } from '../model/setup.ts';
import { REFERENCE_HZ } from '../model/units.ts';

export type ReportField = 'loadVoltageVrms' | 'powerMw' | 'splDb' | 'levelChangeDb' | 'maxCleanSplDb' | 'headroomDb';

export interface DerivationStep {
  id: string;
  title: string;
  formula: string;
  substituted: string;
  result: number;
  unit: string;
  /** The result written out when it is more than one number (a complex impedance). */
  resultText?: string;
  /** The report figure this step arrives at. */
  reportField?: ReportField;
  /** That figure as the report states it (when a report was given). */
  reportValue?: number;
  /** A caveat in words. */
  note?: string;
}

/** How the panel names the report figure a step arrives at. */
export const REPORT_FIELD_NAME: Record<ReportField, string> = {
  loadVoltageVrms: 'voltage',
  powerMw: 'power',
  splDb: 'loudness',
  levelChangeDb: 'change vs alone',
  maxCleanSplDb: 'max clean SPL',
  headroomDb: 'headroom',
};

/** A step's unit as read beside its result: "Vrms" is written V. */
export const unitText = (unit: string): string => ({ Vrms: 'V', 'dB SPL/V': 'dB SPL at 1 V' })[unit] ?? unit;

/** The step's result is the report's own figure (within 1e-9 relative: rounding only); a step without one has nothing to disagree with. */
export const agreesWithReport = ({ result, reportValue }: DerivationStep): boolean =>
  reportValue === undefined || Math.abs(result - reportValue) <= 1e-9 * Math.max(1, Math.abs(reportValue));

const MINUS = '\u2212';

/** A number with `digits` significant digits (at least whole units), true minus sign, no exponent. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, Math.min(12, digits - 1 - magnitude));
  const text = value.toFixed(decimals);
  return (Number(text) === 0 ? text.replace('-', '') : text).replace('-', MINUS);
}

/** A trimmed number: `digits` significant digits, no trailing zeros, true minus sign. */
const trimmed = (value: number, digits: number): string => String(Number(value.toPrecision(digits))).replace('-', MINUS);

/** A complex impedance as "a + jb" (or just "a" when it is resistive), trimmed to `digits` significant digits. */
export function formatComplex(z: Complex, digits = 5): string {
  if (Math.abs(z.im) <= 1e-9 * Math.max(1, Math.abs(z.re))) return trimmed(z.re, digits);
  return `${trimmed(z.re, digits)} ${z.im < 0 ? MINUS : '+'} j${trimmed(Math.abs(z.im), digits)}`;
}

/** A setup value as written (no float noise, no padding): 1.25, 0.064, −10. */
export function formatGiven(value: number): string {
  return String(Number(value.toPrecision(6))).replace('-', MINUS);
}
const given = formatGiven;
/** A negative number in parentheses, for "a − (−10)". */
const paren = (text: string): string => (text.startsWith(MINUS) ? `(${text})` : text);

const isResistive = (z: Complex): boolean => Math.abs(z.im) <= 1e-9 * Math.max(1, Math.abs(z.re));
/** "(a + jb) Ω" or "a Ω". */
const ohms = (z: Complex): string => (isResistive(z) ? `${formatComplex(z)} Ω` : `(${formatComplex(z)}) Ω`);
const volts = (v: number): string => `${formatNumber(v)} V`;
const exp20 = (db: number): string => `10^(${given(db)}/20)`;

/** The markup stripped: "{V_load}" → "V_load", "^(2)" → "^2". */
export function plainText(markup: string): string {
  return markup.replace(/\{([^}]+)\}/g, '$1').replace(/\^\(([^()]*)\)/g, '^$1');
}

/** A piece of markup: plain text, a variable with its subscript, or a superscript holding markup. */
export type MarkupPart = string | { name: string; sub?: string } | { sup: MarkupPart[] };

const TOKEN = /\{([^}]+)\}|\^\(((?:[^()]|\([^()]*\))*)\)/g;

/** The markup as parts for the view: {X_sub} → X with "sub", {X} → X, ^(…) → a superscript (one level of parentheses inside). */
export function markupParts(markup: string): MarkupPart[] {
  const parts: MarkupPart[] = [];
  let last = 0;
  for (const match of markup.matchAll(TOKEN)) {
    if (match.index > last) parts.push(markup.slice(last, match.index));
    if (match[1] !== undefined) {
      const [name = '', ...sub] = match[1].split('_');
      parts.push(sub.length > 0 ? { name, sub: sub.join('_') } : { name });
    } else {
      parts.push({ sup: markupParts(match[2] ?? '') });
    }
    last = match.index + match[0].length;
  }
  if (last < markup.length) parts.push(markup.slice(last));
  return parts;
}

function impedanceStep(headphone: Headphone, index: number, count: number): { step: DerivationStep; z: Complex } {
  const z = headphoneImpedanceAt(headphone.impedance, REFERENCE_HZ);
  const sub = count > 1 ? `hp${index + 1}` : 'hp';
  const { network, curve, nominalOhms } = headphone.impedance;
  let formula: string;
  let substituted: string;
  if (network) {
    const w = 2 * Math.PI * REFERENCE_HZ;
    const coil = `${formatNumber(network.reOhms)} Ω + j·${formatNumber(w)}·${formatNumber(network.leMh)} mH`;
    if (network.motional) {
      const m = network.motional;
      formula = `{Z_${sub}} = {R_e} + jω{L_e} + 1 / (1/{R_m} + 1/(jω{L_m}) + jω{C_m}),  ω = 2π · 1 kHz`;
      substituted = `${coil} + 1 / (1/${formatNumber(m.rOhms)} Ω + 1/(j·${formatNumber(w)}·${formatNumber(m.lMh)} mH) + j·${formatNumber(w)}·${formatNumber(m.cUf)} µF)`;
    } else {
      formula = `{Z_${sub}} = {R_e} + jω{L_e},  ω = 2π · 1 kHz`;
      substituted = coil;
    }
  } else if (curve) {
    formula = `{Z_${sub}} = the measured curve at 1 kHz (log|Z| and phase interpolated over log f)`;
    substituted = `${curve.length} points`;
  } else {
    formula = `{Z_${sub}} = {R}`;
    substituted = `${given(nominalOhms ?? 0)} Ω (resistive)`;
  }
  return {
    z,
    step: {
      id: count > 1 ? `impedance-${index + 1}` : 'impedance',
      title: `${headphone.name}: impedance at 1 kHz`,
      formula,
      substituted,
      result: abs(z),
      unit: 'Ω',
      resultText: isResistive(z) ? undefined : `${ohms(z)}, |Z| = ${formatNumber(abs(z))} Ω at ${formatNumber(argDeg(z), 3)}°`,
    },
  };
}

/**
 * The steps for listener `listener` (0-based) of `setup`. Pass the setup's report to have each
 * step that ends in a report figure carry that figure (`reportValue`) for comparison.
 */
export function derivationSteps(setup: Setup, listener = 0, report?: Report): DerivationStep[] {
  const steps: DerivationStep[] = [];
  const { source, amp, signal } = setup;
  const headphone = setup.headphones[listener];
  if (!headphone) throw new Error(`setup has no listener ${listener + 1} (it has ${setup.headphones.length})`);
  const count = setup.headphones.length;
  const cableOhms = setup.splitter?.cableResistanceOhms ?? 0;
  const hz = REFERENCE_HZ;

  // 1. The source's EMF.
  const levelRatio = 10 ** (signal.levelDbfs / 20);
  const sourceEmfFs = source.maxOutputVrms * 10 ** (source.volumeDb / 20);
  const sourceEmf = sourceEmfFs * levelRatio;
  steps.push({
    id: 'source-emf',
    title: 'Source EMF (open-circuit voltage) from its maximum, the volume and the signal level',
    formula: '{EMF_src} = {V_max} · 10^({volume}/20) · 10^({level}/20)',
    substituted: `${given(source.maxOutputVrms)} V · ${exp20(source.volumeDb)} · ${exp20(signal.levelDbfs)}`,
    result: sourceEmf,
    unit: 'Vrms',
  });

  const sourceZ = stageOutputImpedanceAt(source.outputImpedanceOhms, source.couplingCapacitorUf, hz);

  // 2. The amp: its input divides the source's EMF, its gain makes its own EMF.
  let drivingEmf: Complex = complex(sourceEmf);
  let drivingZ = sourceZ;
  let drivingName = 'src';
  let ampEmfFs: Complex | null = null;
  if (amp) {
    const zin = complex(amp.inputImpedanceOhms);
    const vin = mul(complex(sourceEmf), div(zin, add(sourceZ, zin)));
    steps.push({
      id: 'amp-input',
      title: 'Amp input: a voltage divider of the source’s output impedance and the amp’s input impedance',
      formula: '{V_in} = {EMF_src} · {Z_in} / ({Z_src} + {Z_in})',
      substituted: `${volts(sourceEmf)} · ${ohms(zin)} / (${ohms(sourceZ)} + ${ohms(zin)})`,
      result: abs(vin),
      unit: 'Vrms',
    });
    const gain = 10 ** (amp.gainDb / 20);
    drivingEmf = scale(vin, gain);
    ampEmfFs = scale(drivingEmf, 1 / levelRatio);
    steps.push({
      id: 'amp-emf',
      title: 'Amp EMF: the input voltage times the gain',
      formula: '{EMF_amp} = {V_in} · 10^({gain}/20)',
      substituted: `${volts(abs(vin))} · ${exp20(amp.gainDb)}`,
      result: abs(drivingEmf),
      unit: 'Vrms',
    });
    drivingZ = stageOutputImpedanceAt(amp.outputImpedanceOhms, amp.couplingCapacitorUf, hz);
    drivingName = 'amp';
  }
  const emfVar = `{EMF_${drivingName}}`;
  const zOutVar = `{Z_${drivingName === 'src' ? 'src' : 'out'}}`;

  // 3. Impedances at 1 kHz.
  const impedances = setup.headphones.map((hp, i) => impedanceStep(hp, i, count));
  const zHp = impedances[listener]!.z;
  const hpSub = count > 1 ? `hp${listener + 1}` : 'hp';
  // Identical headphones need their impedance shown once.
  const shown = new Set<string>();
  impedances.forEach(({ step }, i) => {
    const key = JSON.stringify(setup.headphones[i]!.impedance);
    if (i === listener || !shown.has(key)) steps.push(step);
    shown.add(key);
  });

  // 4. The divider(s) to this listener.
  let vLoad: Complex;
  const independent = amp?.outputs === 'independent';
  const cable = complex(cableOhms);
  if (independent) {
    const denominator = add(add(drivingZ, cable), zHp);
    vLoad = mul(drivingEmf, div(zHp, denominator));
    steps.push({
      id: 'divider',
      title: 'Voltage divider on this listener’s own output stage (independent outputs)',
      formula: `{V_load} = ${emfVar} · {Z_${hpSub}} / (${zOutVar} + {R_cable} + {Z_${hpSub}})`,
      substituted: `${volts(abs(drivingEmf))} · ${ohms(zHp)} / (${ohms(drivingZ)} + ${given(cableOhms)} Ω + ${ohms(zHp)})`,
      result: abs(vLoad),
      unit: 'Vrms',
      reportField: 'loadVoltageVrms',
    });
  } else {
    const branches = impedances.map(({ z }) => add(z, cable));
    let zLoad = add(zHp, cable);
    if (count > 1) {
      zLoad = parallel(branches);
      const terms = setup.headphones.map((_, i) => (cableOhms > 0 ? `({Z_hp${i + 1}} + {R_cable})` : `{Z_hp${i + 1}}`));
      const numbers = impedances.map(({ z }) => (cableOhms > 0 ? `(${formatComplex(z)} + ${given(cableOhms)})` : formatComplex(z)));
      steps.push({
        id: 'parallel',
        title: `The load on the shared output: ${count} branches in parallel`,
        formula: `{Z_load} = ${terms.join(' ∥ ')} = 1 / Σ 1/(${cableOhms > 0 ? '{Z_i} + {R_cable}' : '{Z_i}'})`,
        substituted: `${numbers.join(' ∥ ')} Ω`,
        result: abs(zLoad),
        unit: 'Ω',
        resultText: isResistive(zLoad) ? undefined : `${ohms(zLoad)}, |Z| = ${formatNumber(abs(zLoad))} Ω`,
      });
    }
    const vOut = mul(drivingEmf, div(zLoad, add(drivingZ, zLoad)));
    const loadVar = count > 1 ? '{Z_load}' : cableOhms > 0 ? `({Z_${hpSub}} + {R_cable})` : `{Z_${hpSub}}`;
    const loadNumbers = count > 1 || cableOhms === 0 ? ohms(zLoad) : `(${formatComplex(zHp)} + ${given(cableOhms)}) Ω`;
    if (cableOhms > 0) {
      steps.push({
        id: 'divider',
        title: 'Voltage divider: the output impedance against the load',
        formula: `{V_out} = ${emfVar} · ${loadVar} / (${zOutVar} + ${loadVar})`,
        substituted: `${volts(abs(drivingEmf))} · ${loadNumbers} / (${ohms(drivingZ)} + ${loadNumbers})`,
        result: abs(vOut),
        unit: 'Vrms',
      });
      vLoad = mul(vOut, div(zHp, add(zHp, cable)));
      steps.push({
        id: 'cable',
        title: 'The splitter branch’s cable divides once more',
        formula: `{V_load} = {V_out} · {Z_${hpSub}} / ({Z_${hpSub}} + {R_cable})`,
        substituted: `${volts(abs(vOut))} · ${ohms(zHp)} / (${ohms(zHp)} + ${given(cableOhms)} Ω)`,
        result: abs(vLoad),
        unit: 'Vrms',
        reportField: 'loadVoltageVrms',
      });
    } else {
      vLoad = vOut;
      steps.push({
        id: 'divider',
        title: 'Voltage divider: the output impedance against the load',
        formula: `{V_load} = ${emfVar} · ${loadVar} / (${zOutVar} + ${loadVar})`,
        substituted: `${volts(abs(drivingEmf))} · ${loadNumbers} / (${ohms(drivingZ)} + ${loadNumbers})`,
        result: abs(vLoad),
        unit: 'Vrms',
        reportField: 'loadVoltageVrms',
      });
    }
  }
  const v = abs(vLoad);
  const zMag = abs(zHp);

  // 5. Sensitivity in dB/V.
  let sensitivityDbV = headphone.sensitivity.value;
  if (headphone.sensitivity.unit === 'dB/mW') {
    sensitivityDbV = headphone.sensitivity.value + 10 * Math.log10(1000 / zMag);
    steps.push({
      id: 'sensitivity',
      title: 'Sensitivity from dB/mW to dB/V (1 mW into |Z| needs √(|Z|/1000) V)',
      formula: `{S_V} = {S_mW} + 10·log10(1000 / |{Z_${hpSub}}|)`,
      substituted: `${given(headphone.sensitivity.value)} dB/mW + 10·log10(1000 / ${formatNumber(zMag)} Ω)`,
      result: sensitivityDbV,
      unit: 'dB SPL/V',
    });
  }

  // 6. Power.
  const powerMw = ((v * v) / zMag) * 1000;
  const phase = argDeg(zHp);
  steps.push({
    id: 'power',
    title: 'Power into the headphone',
    formula: `{P} = {V_load}^(2) / |{Z_${hpSub}}|`,
    substituted: `(${volts(v)})^(2) / ${formatNumber(zMag)} Ω`,
    result: powerMw,
    unit: 'mW',
    reportField: 'powerMw',
    note: isResistive(zHp)
      ? 'The load is resistive here, so this is the real power.'
      : `The load is complex here (phase ${formatNumber(phase, 3)}°): the power that really flows is the real part, V²·cos φ / |Z| = ${formatNumber(powerMw * Math.cos((phase * Math.PI) / 180))} mW. The report uses |Z|, as spec sheets’ mW and dB/mW figures do.`,
  });

  // 7. SPL.
  const splDb = sensitivityDbV + 20 * Math.log10(v);
  steps.push({
    id: 'spl',
    title: 'Loudness: sensitivity plus the voltage in dB re 1 V',
    formula: '{SPL} = {S_V} + 20·log10({V_load} / 1 V)',
    substituted: `${formatNumber(sensitivityDbV)} dB + 20·log10(${formatNumber(v)})`,
    result: splDb,
    unit: 'dB SPL',
    reportField: 'splDb',
  });

  // 8. Level change versus alone, as a voltage ratio and as a power ratio.
  const vAlone = abs(mul(drivingEmf, div(zHp, add(drivingZ, zHp))));
  steps.push({
    id: 'alone',
    title: 'The same headphone alone on this chain, plugged in directly',
    formula: `{V_alone} = ${emfVar} · {Z_${hpSub}} / (${zOutVar} + {Z_${hpSub}})`,
    substituted: `${volts(abs(drivingEmf))} · ${ohms(zHp)} / (${ohms(drivingZ)} + ${ohms(zHp)})`,
    result: vAlone,
    unit: 'Vrms',
  });
  const changeDb = 20 * Math.log10(v / vAlone);
  steps.push({
    id: 'level-change',
    title: 'Change versus alone, from the voltages',
    formula: '{ΔL} = 20·log10({V_load} / {V_alone})',
    substituted: `20·log10(${formatNumber(v)} / ${formatNumber(vAlone)})`,
    result: changeDb,
    unit: 'dB',
    reportField: 'levelChangeDb',
  });
  const pAloneMw = ((vAlone * vAlone) / zMag) * 1000;
  steps.push({
    id: 'level-change-power',
    title: 'The same change from the powers (P ∝ V² into the same headphone)',
    formula: '{ΔL} = 10·log10({P} / {P_alone})',
    substituted: `10·log10(${formatNumber(powerMw)} mW / ${formatNumber(pAloneMw)} mW)`,
    result: 10 * Math.log10(powerMw / pAloneMw),
    unit: 'dB',
    reportField: 'levelChangeDb',
  });

  // 9. The clip point for this listener.
  const limit = firstLimit(chainLimits(setup), listener);
  let clipDbfs = 0;
  if (!limit) {
    steps.push({
      id: 'clip-point',
      title: 'Clip point: no voltage or current limit is reached below full scale',
      formula: '{L_clip} = 0 dBFS',
      substituted: 'every limit lies at or above 0 dBFS at this volume',
      result: 0,
      unit: 'dBFS',
    });
  } else {
    const ampStage = limit.stage === 'amp' && amp && ampEmfFs ? { amp, emf: ampEmfFs } : null;
    const stageIsAmp = ampStage !== null;
    const emfFs = ampStage ? abs(ampStage.emf) : sourceEmfFs;
    const stageVar = stageIsAmp ? 'amp' : 'src';
    if (limit.limitedBy === 'rail') {
      const rail = ampStage ? ampStage.amp.maxOutputVrms : source.maxOutputVrms;
      clipDbfs = 20 * Math.log10(rail / emfFs);
      steps.push({
        id: 'clip-point',
        title: `Clip point: the ${stageIsAmp ? 'amp' : 'source'}’s voltage rail against its EMF at 0 dBFS`,
        formula: `{L_clip} = 20·log10({V_max} / {EMF_${stageVar},0dBFS})`,
        substituted: `20·log10(${given(rail)} V / ${volts(emfFs)})`,
        result: clipDbfs,
        unit: 'dBFS',
      });
    } else {
      // The stage's current at full scale: its EMF over its output impedance plus what it drives.
      let stageZ: Complex;
      let stageLoad: Complex;
      let emf: Complex;
      let maxMa: number;
      if (ampStage) {
        stageZ = drivingZ;
        stageLoad = independent ? add(zHp, cable) : parallel(impedances.map(({ z }) => add(z, cable)));
        emf = ampStage.emf;
        maxMa = ampStage.amp.maxOutputCurrentMa!;
      } else {
        stageZ = sourceZ;
        stageLoad = amp ? complex(amp.inputImpedanceOhms) : parallel(impedances.map(({ z }) => add(z, cable)));
        emf = complex(sourceEmfFs);
        maxMa = source.maxOutputCurrentMa!;
      }
      const currentMa = abs(div(emf, add(stageZ, stageLoad))) * 1000;
      clipDbfs = 20 * Math.log10(maxMa / (Math.SQRT2 * currentMa));
      steps.push({
        id: 'clip-point',
        title: `Clip point: the ${stageIsAmp ? 'amp' : 'source'}’s peak current limit against the peak current at 0 dBFS`,
        formula: `{L_clip} = 20·log10({I_max,peak} / (√2 · |{EMF_${stageVar},0dBFS}| / |{Z_out} + {Z_load}|))`,
        substituted: `20·log10(${given(maxMa)} mA / (√2 · ${formatNumber(abs(emf))} V / ${formatNumber(abs(add(stageZ, stageLoad)))} Ω))`,
        result: clipDbfs,
        unit: 'dBFS',
      });
    }
  }

  // 10. Max clean SPL and headroom.
  const maxClean = splDb + (clipDbfs - signal.levelDbfs);
  steps.push({
    id: 'max-clean',
    title: 'Loudest clean level: the SPL moved from the signal level to the clip point',
    formula: '{SPL_max} = {SPL} + ({L_clip} − {L_signal})',
    substituted: `${formatNumber(splDb)} dB + (${formatNumber(clipDbfs)} − ${paren(given(signal.levelDbfs))}) dB`,
    result: maxClean,
    unit: 'dB SPL',
    reportField: 'maxCleanSplDb',
  });
  steps.push({
    id: 'headroom',
    title: 'Headroom: how far the signal can still rise (negative: it clips now)',
    formula: '{headroom} = {SPL_max} − {SPL}',
    substituted: `${formatNumber(maxClean)} dB − ${formatNumber(splDb)} dB`,
    result: maxClean - splDb,
    unit: 'dB',
    reportField: 'headroomDb',
  });

  if (report) {
    const figures = report.headphones[listener];
    if (figures) {
      for (const step of steps) {
        if (!step.reportField) continue;
        step.reportValue = step.reportField === 'headroomDb' ? figures.maxCleanSplDb - figures.splDb : figures[step.reportField];
      }
    }
  }
  return steps;
}

