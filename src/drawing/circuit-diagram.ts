/**
 * The circuit diagram of a chain as pure geometry: a setup and its report become positioned
 * parts (wires, resistors, capacitors, grounds, the EMF, the amp, the listeners' loads) and
 * labels with the values at 1 kHz, in paint order, plus the sentences that say it all in words.
 * <headroom-circuit> (src/ui/views) draws them as SVG.
 *
 * Values come from solveChain at 1 kHz (EMFs, dividers) and the report (listeners). No two
 * labels overlap at 1–8 listeners: each stage's heading is cut to end before the next one's.
 */
import { abs, mul } from '../model/complex.ts';
import type { Report } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';
import { solveChain, type ChainSolution } from '../model/solver.ts';
import { REFERENCE_HZ, voltageRatioToDb } from '../model/units.ts';
import { formatDb, formatDbfs, formatMw, formatOhms, formatSignedDb, formatVrms, signed, withUnit } from '../text/format.ts';

/** What a text is; the view gives each its look (a CSS class of the same name). */
export type TextStyle = 'kind' | 'name' | 'label' | 'value' | 'value strong' | 'drop' | 'drop big' | 'loss' | 'clips' | 'limit' | 'heard-tag';

/** A run of a text in its own look (a tspan). */
export interface Span {
  text: string;
  style?: 'label' | 'strong';
}

/** Which impedance a resistor stands for. */
export type ResistorRole = 'source output' | 'amp input' | 'amp output' | 'jack output' | 'cable';

export type Part =
  | { kind: 'wire'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'dot'; x: number; y: number; r: number }
  /** The box of a resistor (IEC), horizontal or vertical. */
  | { kind: 'resistor'; role: ResistorRole; x: number; y: number; width: number; height: number }
  /** A capacitor in a wire from (x, y) to (x + CAPACITOR_LENGTH, y). */
  | { kind: 'capacitor'; x: number; y: number }
  /** A ground symbol hanging from (x, y). */
  | { kind: 'ground'; x: number; y: number }
  /** The source's EMF: a sine generator centred on (x, y). */
  | { kind: 'generator'; x: number; y: number; r: number }
  /** The amp's gain triangle, its input side at x, pointing right, centred on y. */
  | { kind: 'amplifier'; x: number; y: number; length: number; halfHeight: number }
  | { kind: 'load'; listener: number; heard: boolean; x: number; y: number; width: number; height: number }
  | { kind: 'text'; x: number; y: number; style: TextStyle; anchor: 'start' | 'middle' | 'end'; spans: Span[]; listener?: number };

export interface CircuitDiagram {
  width: number;
  height: number;
  parts: Part[];
  /** What the diagram shows, one sentence a stage or listener. */
  description: string[];
}

export const CAPACITOR_LENGTH = 28;
const ROW_HEIGHT = 64;
const TOP = 62;
const BOX_WIDTH = 252;
const BOX_HEIGHT = 46;
const RESISTOR_LENGTH = 46;
const RESISTOR_THICKNESS = 16;

const wire = (x1: number, y1: number, x2: number, y2: number): Part => ({ kind: 'wire', x1, y1, x2, y2 });
const ground = (x: number, y: number): Part => ({ kind: 'ground', x, y });
const dot = (x: number, y: number, r = 3): Part => ({ kind: 'dot', x, y, r });

function text(x: number, y: number, content: string, style: TextStyle, anchor: 'start' | 'middle' | 'end' = 'middle'): Part {
  return { kind: 'text', x, y, style, anchor, spans: [{ text: content }] };
}

/** A horizontal resistor from x, centred on y; a vertical one hanging from (x, y). */
function resistor(role: ResistorRole, x: number, y: number, vertical = false): Part {
  return vertical
    ? { kind: 'resistor', role, x: x - RESISTOR_THICKNESS / 2, y, width: RESISTOR_THICKNESS, height: RESISTOR_LENGTH - 12 }
    : { kind: 'resistor', role, x, y: y - RESISTOR_THICKNESS / 2, width: RESISTOR_LENGTH, height: RESISTOR_THICKNESS };
}

/** "−0.52 dB": the level lost in the divider of an output impedance and its load; `big` from 1 dB. */
function dropText(x: number, y: number, db: number): Part {
  return text(x, y, formatSignedDb(db, 2), Math.abs(db) >= 1 ? 'drop big' : 'drop');
}

/** The diagram of `setup`, its listeners' values from `report` (buildReport(setup)); `heard` is highlighted. */
export function circuitDiagram(setup: Setup, report: Report, heard: number | null): CircuitDiagram {
  const at = solveChain(setup, REFERENCE_HZ);
  const n = setup.headphones.length;
  const rowY = (i: number) => TOP + 30 + i * ROW_HEIGHT;
  const mainY = (rowY(0) + rowY(n - 1)) / 2;
  // Room under the rows, the source's EMF value and the amp's Zin, plus a line for the clipping note.
  const contentBottom = Math.max(rowY(n - 1) + BOX_HEIGHT / 2 + 10, mainY + 64);
  const height = contentBottom + (report.clipping.limitedBy === 'none' ? 4 : 26);
  const parts: Part[] = [];
  const description: string[] = [];
  const { source, amp, splitter } = setup;
  const clipping = report.clipping;
  const pastClip = clipping.limitedBy !== 'none' && clipping.atSignalDbfs < setup.signal.levelDbfs;
  const limitNote = (stage: 'source' | 'amp', x: number) => {
    if (clipping.stage !== stage || clipping.limitedBy === 'none') return;
    const what = clipping.limitedBy === 'rail' ? 'rail' : 'current limit';
    parts.push(
      pastClip
        ? text(x, height - 8, `CLIPS: ${what} at ${formatDbfs(clipping.atSignalDbfs)}`, 'clips', 'start')
        : text(x, height - 8, `Clips at ${formatDbfs(clipping.atSignalDbfs)} (${what})`, 'limit', 'start'),
    );
  };
  /** An output impedance in the main line after a lead from x, its value above and its divider's loss below. */
  const outputImpedance = (role: ResistorRole, x: number, lead: number, ohms: number, dropDb: number) => {
    const rx = x + lead;
    parts.push(wire(x, mainY, rx, mainY), resistor(role, rx, mainY));
    parts.push(text(rx + RESISTOR_LENGTH / 2, mainY - 16, `Zo ${formatOhms(ohms)}`, 'value'));
    parts.push(dropText(rx + RESISTOR_LENGTH / 2, mainY + 25, dropDb));
    return rx + RESISTOR_LENGTH;
  };
  const couplingCapacitor = (x: number, uf: number | null | undefined) => {
    if (uf == null) return x;
    parts.push(wire(x, mainY, x + 10, mainY), { kind: 'capacitor', x: x + 10, y: mainY }, text(x + 24, mainY - 16, withUnit(uf, 'µF'), 'label'));
    return x + 38;
  };

  // Source: EMF (a sine generator to ground), output impedance, optional coupling capacitor.
  let x = 16;
  const emfVrms = abs(at.source.emf);
  // The stages' headings (kind, then name) go in at the end, each name cut to end before the next heading starts.
  const heads: { x: number; kind: string; name: string; nameStyle: 'name' | 'label' }[] = [{ x, kind: 'SOURCE', name: source.name, nameStyle: 'name' }];
  const cx = x + 22;
  parts.push(
    { kind: 'generator', x: cx, y: mainY, r: 17 },
    ground(cx, mainY + 17),
    text(cx, mainY - 26, 'EMF', 'label'),
    text(cx + 2, mainY + 54, formatVrms(emfVrms), 'value strong'),
  );
  const sourceDropDb = voltageRatioToDb(abs(stageOutputVoltage(at, 'source')) / emfVrms);
  x = outputImpedance('source output', cx + 17, 14, source.outputImpedanceOhms, sourceDropDb);
  x = couplingCapacitor(x, source.couplingCapacitorUf);
  limitNote('source', 16);
  description.push(
    `Source ${source.name}: EMF ${formatVrms(emfVrms)}, output impedance ${formatOhms(source.outputImpedanceOhms)}` +
      (source.couplingCapacitorUf != null ? `, coupling capacitor ${withUnit(source.couplingCapacitorUf, 'µF')}` : '') +
      `; its divider costs ${formatDb(-sourceDropDb, 2)}.`,
  );

  // Amp: input impedance to ground, gain triangle, output impedance (one, or one per jack).
  let perJackZo = false;
  if (amp) {
    const ax = x + 64;
    parts.push(wire(x, mainY, ax + 20, mainY), dot(ax, mainY));
    parts.push(wire(ax, mainY, ax, mainY + 12), resistor('amp input', ax, mainY + 12, true), ground(ax, mainY + 12 + RESISTOR_LENGTH - 12));
    parts.push(text(ax - 12, mainY + 30, `Zin`, 'label', 'end'), text(ax - 12, mainY + 47, formatOhms(amp.inputImpedanceOhms), 'value', 'end'));
    const tx = ax + 24;
    heads.push({ x: tx - 4, kind: 'AMP', name: amp.name, nameStyle: 'name' });
    const ampEmf = abs(at.amp!.emf);
    parts.push(
      { kind: 'amplifier', x: tx, y: mainY, length: 68, halfHeight: 30 },
      text(tx + 25, mainY + 4.5, `${signed(amp.gainDb, amp.gainDb % 1 === 0 ? 0 : 1)} dB`, 'value strong'),
      { kind: 'text', x: tx + 30, y: mainY - 38, style: 'value', anchor: 'middle', spans: [{ text: 'EMF ', style: 'label' }, { text: formatVrms(ampEmf), style: 'strong' }] },
    );
    x = tx + 68;
    perJackZo = amp.outputs === 'independent';
    parts.push(wire(x, mainY, x + 16, mainY));
    x += 16;
    let ampDrop = '';
    if (!perJackZo) {
      const dropDb = voltageRatioToDb(abs(stageOutputVoltage(at, 'amp')) / ampEmf);
      x = couplingCapacitor(outputImpedance('amp output', x, 6, amp.outputImpedanceOhms, dropDb), amp.couplingCapacitorUf);
      ampDrop = `; its output divider costs ${formatDb(-dropDb, 2)}`;
    }
    limitNote('amp', tx - 4);
    description.push(
      `Amplifier ${amp.name}: input impedance ${formatOhms(amp.inputImpedanceOhms)}, gain ${signed(amp.gainDb, 1)} dB, ` +
        `EMF ${formatVrms(ampEmf)}, output impedance ${formatOhms(amp.outputImpedanceOhms)}` +
        (perJackZo ? ' on each of its independent outputs' : '') +
        `${ampDrop}.`,
    );
  }

  // Bus and branches.
  const busX = x + 22;
  parts.push(wire(x, mainY, busX, mainY));
  if (n > 1) parts.push(wire(busX, rowY(0), busX, rowY(n - 1)), dot(busX, mainY));
  const branchKind = perJackZo ? 'INDEPENDENT OUTPUTS' : splitter ? 'Y SPLITTER' : n > 1 ? 'PARALLEL' : 'HEADPHONE';
  heads.push({ x: busX, kind: branchKind, name: splitter ? `${formatOhms(splitter.cableResistanceOhms)} per branch` : '', nameStyle: 'label' });
  if (splitter) description.push(`A passive Y splitter with ${formatOhms(splitter.cableResistanceOhms)} in each branch feeds ${n} listeners.`);
  else if (n > 1 && !perJackZo) description.push(`${n} listeners share the output directly.`);

  const jackCapacitor = perJackZo && amp?.couplingCapacitorUf != null;
  const boxX = busX + 14 + (perJackZo ? RESISTOR_LENGTH + 22 + (jackCapacitor ? CAPACITOR_LENGTH : 0) : 0) + (splitter ? RESISTOR_LENGTH + 22 : 0) + 8;
  const showChange = n > 1 || splitter != null;
  setup.headphones.forEach((headphone, i) => {
    const y = rowY(i);
    const listener = report.headphones[i]!;
    if (n > 1) parts.push(dot(busX, y, i === 0 || i === n - 1 ? 0 : 2.5));
    let bx = busX;
    const branch: string[] = [];
    /** A resistor in the branch at bx, its value above. */
    const inBranch = (role: ResistorRole, label: string) => {
      parts.push(wire(bx, y, bx + 12, y), resistor(role, bx + 12, y), text(bx + 12 + RESISTOR_LENGTH / 2, y - 13, label, 'label'));
    };
    if (perJackZo) {
      const jack = at.amp!.jacks[i]!;
      const dropDb = voltageRatioToDb(abs(mul(jack.current, jack.load)) / abs(jack.emf));
      inBranch('jack output', `Zo ${formatOhms(amp!.outputImpedanceOhms)}`);
      parts.push(dropText(bx + 12 + RESISTOR_LENGTH / 2, y + 22, dropDb));
      bx += 12 + RESISTOR_LENGTH;
      if (jackCapacitor) {
        parts.push({ kind: 'capacitor', x: bx, y });
        bx += CAPACITOR_LENGTH;
      }
      bx += 10;
      branch.push(`its own output (divider ${formatDb(-dropDb, 2)})`);
    }
    if (splitter) {
      inBranch('cable', formatOhms(splitter.cableResistanceOhms));
      bx += 12 + RESISTOR_LENGTH + 10;
    }
    parts.push(wire(bx, y, boxX, y));
    const isHeard = heard === i;
    const top = y - BOX_HEIGHT / 2;
    const zOhms = formatOhms(Number(abs(at.headphones[i]!.impedance).toPrecision(3)));
    parts.push(
      { kind: 'load', listener: i, heard: isHeard, x: boxX, y: top, width: BOX_WIDTH, height: BOX_HEIGHT },
      { kind: 'text', x: boxX + 10, y: top + 18, style: 'name', anchor: 'start', spans: [{ text: `${n > 1 ? `${i + 1}  ` : ''}${clip(headphone.name, 22)}` }, { text: ` · ${zOhms}`, style: 'label' }] },
      {
        kind: 'text',
        x: boxX + 10,
        y: top + 36,
        style: 'value',
        anchor: 'start',
        listener: i,
        spans: [{ text: formatVrms(listener.loadVoltageVrms), style: 'strong' }, { text: ` · ${formatMw(listener.powerMw)} · ` }, { text: `${formatDb(listener.splDb)} SPL`, style: 'strong' }],
      },
      wire(boxX + BOX_WIDTH, y, boxX + BOX_WIDTH + 14, y),
      ground(boxX + BOX_WIDTH + 14, y),
    );
    if (isHeard) parts.push(text(boxX + BOX_WIDTH - 8, top - 4, 'HEARD', 'heard-tag', 'end'));
    if (showChange) {
      parts.push(text(boxX + BOX_WIDTH + 32, y + 4.5, `${formatSignedDb(listener.levelChangeDb)} vs alone`, listener.levelChangeDb < -0.05 ? 'loss' : 'label', 'start'));
    }
    description.push(
      `Listener ${i + 1}${isHeard ? ' (heard)' : ''}, ${headphone.name} (${zOhms} at 1 kHz)` +
        (branch.length ? ` on ${branch.join(', ')}` : '') +
        `: ${formatVrms(listener.loadVoltageVrms)}, ${formatMw(listener.powerMw)}, ${formatDb(listener.splDb)} SPL` +
        (showChange ? `, ${formatSignedDb(listener.levelChangeDb)} versus alone` : '') +
        '.',
    );
  });
  const width = boxX + BOX_WIDTH + (showChange ? 150 : 40);
  heads.forEach((head, i) => {
    const room = (heads[i + 1]?.x ?? width) - head.x - HEAD_GAP;
    parts.push(text(head.x, 18, fitText(head.kind, room, KIND_CHAR_PX), 'kind', 'start'));
    if (head.name) parts.push(text(head.x, 36, fitText(head.name, room, head.nameStyle === 'name' ? NAME_CHAR_PX : LABEL_CHAR_PX), head.nameStyle, 'start'));
  });
  if (clipping.limitedBy !== 'none') {
    description.push(
      `The ${clipping.limitedBy === 'rail' ? 'voltage rail' : 'current limit'} of the ${clipping.stage} is reached at ${formatDbfs(clipping.atSignalDbfs)}` +
        (pastClip ? ', below the test signal: it clips.' : '.'),
    );
  } else description.push('No stage clips up to 0 dBFS.');
  return { width, height, parts, description };
}

/** The voltage at a stage's output terminals (after its output impedance). */
function stageOutputVoltage(at: ChainSolution, stage: 'source' | 'amp') {
  const s = stage === 'source' ? at.source : at.amp!.jacks[0]!;
  return mul(s.current, s.load);
}

function clip(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * Widest character of each text style, in px, from the view's CSS (12–13 px system-ui, bold
 * or wide-tracked capitals): over-estimates, so a name cut to fit never reaches the next heading.
 */
const NAME_CHAR_PX = 8.6;
const KIND_CHAR_PX = 9.4;
const LABEL_CHAR_PX = 7.4;
/** Space kept between one stage's heading and the next. */
const HEAD_GAP = 12;

/** `content`, cut with an ellipsis to fit `roomPx` at `charPx` a character. */
function fitText(content: string, roomPx: number, charPx: number): string {
  return clip(content, Math.max(2, Math.floor(roomPx / charPx)));
}
