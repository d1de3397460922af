/**
 * What <headroom-report-view> shows, as data: the chain's stages with their key figures, each
 * listener's table rows, the clipping line and the advice with listeners grouped by identical
 * advice. Display only: every number is the setup's or the report's own; the view renders
 * each kind of row with one template.
 */
import { hissInWords } from '../model/advice.ts';
import type { Advice, ClippingReport, ListenerReport, Report } from '../model/report-contract.ts';
import type { Headphone, Setup } from '../model/setup.ts';
import { formatDb, formatDbfs, formatHz, formatMw, formatOhms, formatSignedDb, formatVrms, signed, trim, withUnit } from './format.ts';

/** No-break space: "12 dB" and "1 kHz" in running text never wrap apart. */
const NB = '\u00a0';

/**
 * A run of text and how it is shown: `num` a figure kept on one line, `strong` the figure the
 * sentence is about, `spl` the big test-tone level, `loss` a level lost, `muted` a unit in grey.
 */
export type Span = string | { text: string; tone?: 'num' | 'strong' | 'spl' | 'loss' | 'muted'; testid?: string };

/** A figure of a stage; `lead` is the bold line above it (a headphone's name). */
export interface Figure {
  lead?: string;
  text: string;
}

export interface Stage {
  kind: 'source' | 'amp' | 'splitter' | 'headphones';
  /** "Source", "Amplifier", "Headphones ×4". */
  title: string;
  /** The part's name; null where each figure names its own (the headphones). */
  name: string | null;
  figures: Figure[];
}

/** The chain in signal order: source, amp (if any), splitter (if any), headphones. */
export function chainStages(setup: Setup): Stage[] {
  const { source, amp, splitter, headphones } = setup;
  const stages: Stage[] = [
    {
      kind: 'source',
      title: 'Source',
      name: source.name,
      figures: figures([
        `${formatOhms(source.outputImpedanceOhms)} output impedance`,
        `${withUnit(source.maxOutputVrms, 'Vrms')} max at volume ${source.volumeDb === 0 ? '0' : signed(source.volumeDb, 1)}${NB}dB`,
        source.maxOutputCurrentMa != null && `${withUnit(source.maxOutputCurrentMa, 'mA')} peak current`,
        source.couplingCapacitorUf != null && `${withUnit(source.couplingCapacitorUf, 'µF')} coupling capacitor`,
      ]),
    },
  ];
  if (amp) {
    const peak = amp.maxOutputCurrentMa != null ? `, ${withUnit(amp.maxOutputCurrentMa, 'mA')} peak` : '';
    stages.push({
      kind: 'amp',
      title: 'Amplifier',
      name: amp.name,
      figures: figures([
        `${signed(amp.gainDb, amp.gainDb % 1 === 0 ? 0 : 1)}${NB}dB gain, ${formatOhms(amp.inputImpedanceOhms)} input`,
        `${formatOhms(amp.outputImpedanceOhms)} output impedance`,
        `${withUnit(amp.maxOutputVrms, 'Vrms')} rail${peak}`,
        amp.couplingCapacitorUf != null && `${withUnit(amp.couplingCapacitorUf, 'µF')} coupling capacitor`,
        amp.outputs === 'shared' ? 'Shared output stage' : 'Independent output per jack',
      ]),
    });
  }
  if (splitter) {
    stages.push({
      kind: 'splitter',
      title: 'Splitter',
      name: `Passive ${headphones.length}-way splitter`,
      figures: figures([`${formatOhms(splitter.cableResistanceOhms)} per branch`, 'All listeners share one output']),
    });
  }
  stages.push({
    kind: 'headphones',
    title: headphones.length === 1 ? 'Headphones' : `Headphones ×${headphones.length}`,
    name: null,
    figures: groupIdentical(headphones).map(({ headphone, count }) => ({
      lead: `${headphone.name}${count > 1 ? ` ×${count}` : ''}`,
      text: `${impedanceText(headphone)}, ${trim(headphone.sensitivity.value)}${NB}${headphone.sensitivity.unit}`,
    })),
  });
  return stages;
}

const figures = (lines: (string | false)[]): Figure[] => lines.filter((text) => text !== false).map((text) => ({ text }));

/** Identical headphones listed once with a count ("AKG K371 ×4"), in order of first appearance. */
function groupIdentical(headphones: readonly Headphone[]): { headphone: Headphone; count: number }[] {
  const groups = new Map<string, { headphone: Headphone; count: number }>();
  for (const headphone of headphones) {
    const key = JSON.stringify(headphone);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { headphone, count: 1 });
  }
  return [...groups.values()];
}

/** The impedance the model uses, in the model's precedence: network, then curve, then nominal. */
function impedanceText(headphone: Headphone): string {
  const { network, curve, nominalOhms } = headphone.impedance;
  if (network) {
    const inductance = network.leMh > 0 ? ` + ${withUnit(network.leMh, 'mH')}` : '';
    const resonance = network.motional ? ' with resonance' : '';
    return `${formatOhms(network.reOhms)}${inductance} voice coil${resonance}`;
  }
  if (curve) return `measured impedance (${curve.length} points)`;
  return formatOhms(nominalOhms ?? 0);
}

/** One row of a listener's table: its label (with a hover hint), the value's lines and the small notes under them. */
export interface ListenerRow {
  label: string;
  hint?: string;
  testid?: string;
  lines: Span[][];
  notes: Span[];
}

/**
 * A listener's table: the test tone's level, voltage, power, change vs alone, max clean SPL and
 * response, then report@3's figures about the listener's own gear, each only when the report
 * has it (how closely a measured curve's fit follows it, the hiss, the crosstalk through shared returns).
 */
export function listenerRows(listener: ListenerReport): ListenerRow[] {
  const { responseDeviationDb: deviation, levelChangeDb: change } = listener;
  const rows: ListenerRow[] = [
    {
      label: 'Test tone',
      hint: 'The level of the 1 kHz test sine at its test level, not of the music playing',
      lines: [[{ text: formatDb(listener.splDb), tone: 'spl', testid: 'spl' }, `${NB}SPL`]],
      notes: [`1${NB}kHz sine, not the music`],
    },
    { label: 'Voltage', lines: [[formatVrms(listener.loadVoltageVrms), { text: 'rms', tone: 'muted' }]], notes: [] },
    { label: 'Power', lines: [[formatMw(listener.powerMw)]], notes: [] },
    {
      label: 'Change vs alone',
      hint: 'Versus the same headphone as the only listener on this chain, plugged in directly',
      lines: [[change < -0.05 ? { text: formatSignedDb(change), tone: 'loss' } : formatSignedDb(change)]],
      notes: [],
    },
    {
      label: 'Max clean SPL',
      hint: 'SPL of the loudest 1 kHz sine that reaches no voltage or current limit, at this volume',
      lines: [[formatDb(listener.maxCleanSplDb)]],
      notes: [`1${NB}kHz tone; ${formatSignedDb(listener.maxCleanSplDb - listener.splDb)} headroom`],
    },
    {
      label: 'Response',
      // Below half the last shown digit a deviation would read ±0.00: call it flat.
      lines:
        deviation.max - deviation.min < 0.005
          ? [[`Flat (${formatSignedDb(deviation.max, 2)})`]]
          : [[`${formatSignedDb(deviation.min, 2)} at ${formatHz(deviation.minHz)}`], [`${formatSignedDb(deviation.max, 2)} at ${formatHz(deviation.maxHz)}`]],
      notes: ['re 1 kHz, 20 Hz–20 kHz'],
    },
  ];
  const { impedanceFitErrorDb: fit, hissDbSplA: hiss, hissAboveThresholdDb: above, crosstalkDb: crosstalk, sharedReturnLossDb: loss } = listener;
  if (fit !== null) {
    rows.push({
      label: 'Curve fit',
      hint: 'A measured curve is heard through a fitted rational model; this is the largest difference it makes to the response',
      testid: 'fit-error',
      lines: [[formatDb(fit, 2)]],
      notes: [`largest response error of the model heard; over 0.1${NB}dB it cannot be played`],
    });
  }
  if (hiss !== null && above !== null) {
    const words = hissInWords(hiss, above);
    rows.push({
      label: 'Hiss',
      hint: 'The A-weighted level of the source’s and amp’s noise at this headphone, with no music',
      testid: 'hiss',
      lines: [[above >= 0 ? { text: words, tone: 'loss' } : words]],
      notes: [],
    });
  }
  if (crosstalk !== null) {
    rows.push({
      label: 'Crosstalk',
      hint: 'A signal in one channel only: how loud it comes out of the other, through the returns both channels share',
      testid: 'crosstalk',
      lines: [[`${formatSignedDb(crosstalk)} at 1${NB}kHz`]],
      notes: [
        'leak into the other channel through shared returns',
        ...(loss !== null && Math.abs(loss) >= 0.005 ? [{ text: `Shared return: ${formatSignedDb(loss, 2)} in every level above`, testid: 'shared-return-loss' }] : []),
      ],
    });
  }
  return rows;
}

/**
 * A status line (the clipping line, an advice verdict): `state` colours it, `badge` labels it,
 * `who` names the listeners it is about when there are several.
 */
export interface StatusLine {
  state: 'ok' | 'near' | 'over';
  badge: string | null;
  who: string | null;
  sentence: Span[];
  /** Further sentences, listed under it. */
  more: string[];
  verdict?: Advice['verdict'];
}

/** The first limit the signal reaches, at which stage and level, and how far the test signal is from it. */
export function clippingLine(clipping: ClippingReport, setup: Setup): StatusLine {
  if (clipping.limitedBy === 'none' || clipping.stage === null) {
    return { state: 'ok', badge: 'Clean', who: null, sentence: [`No stage clips: every voltage and current limit holds up to 0${NB}dBFS at this volume.`], more: [] };
  }
  const name = clipping.stage === 'amp' ? (setup.amp?.name ?? 'amplifier') : setup.source.name;
  const what = clipping.limitedBy === 'rail' ? 'voltage rail' : 'current limit';
  const margin = clipping.atSignalDbfs - setup.signal.levelDbfs;
  const state = margin < 0 ? 'over' : margin < 3 ? 'near' : 'ok';
  const past: Span[] = margin < 0 ? ['the test signal is already ', { text: formatDb(-margin), tone: 'num' }, ' past it.'] : [{ text: formatDb(margin), tone: 'num' }, ' above the test signal.'];
  return {
    state,
    badge: state === 'over' ? 'Clipping' : state === 'near' ? 'Near limit' : 'Headroom',
    who: null,
    sentence: [`Limited by the ${what} of the ${clipping.stage} (${name}) at `, { text: formatDbfs(clipping.atSignalDbfs), tone: 'strong' }, ', ', ...past],
    more: [],
  };
}

/**
 * The model's advice: one line per group of listeners with identical advice, in order of the
 * group's first listener; its summary, then every further reason. The sentences are the model's own.
 */
export function adviceLines(report: Report): StatusLine[] {
  const groups: { listeners: number[]; advice: Advice }[] = [];
  report.headphones.forEach(({ advice }, i) => {
    const same = groups.find((g) => JSON.stringify(g.advice) === JSON.stringify(advice));
    if (same) same.listeners.push(i + 1);
    else groups.push({ listeners: [i + 1], advice });
  });
  const count = report.headphones.length;
  return groups.map(({ listeners, advice }) => ({
    state: advice.verdict === 'fine' ? 'ok' : 'near',
    badge: advice.verdict === 'improve' ? 'Improve' : null,
    who: count > 1 ? listenerList(listeners, count) : null,
    sentence: [advice.summary],
    more: advice.reasons.slice(1).map((reason) => reason.text),
    verdict: advice.verdict,
  }));
}

/** "Listener 2", "Listeners 1, 3", "Both listeners", "All 4 listeners". */
export function listenerList(listeners: readonly number[], count: number): string {
  if (listeners.length === count) return count === 2 ? 'Both listeners' : `All ${count} listeners`;
  return listeners.length === 1 ? `Listener ${listeners[0]}` : `Listeners ${listeners.join(', ')}`;
}
