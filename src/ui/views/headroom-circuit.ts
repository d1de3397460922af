/**
 * <headroom-circuit>: an SVG circuit diagram of the chain with live values on its parts —
 * the source's EMF and output impedance, the amp (gain, input and output impedance, EMF),
 * the splitter's branches (cable resistance) or the amp's independent outputs, and every
 * listener's load with the report's voltage, power and SPL. The voltage lost in each divider
 * is written under its output impedance.
 *
 * Properties: `setup`, `report` (buildReport(setup)), `heardListener` (index or null).
 * Events: none. Values at 1 kHz from solveChain (EMFs, dividers) and the report (listeners).
 *
 * It keeps its drawing size (text stays readable) down to 70 % and scrolls sideways below
 * that, inside its own box; on a phone it keeps its full size (no text under 12 px). No two
 * labels overlap at 1–8 listeners: each stage's name is cut to end before the next stage's
 * heading. The SVG has a <title> and a <desc> that say everything it shows in words.
 */
import { LitElement, css, html, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { abs, mul } from '../../model/complex.ts';
import type { Report } from '../../model/report-contract.ts';
import type { Setup } from '../../model/setup.ts';
import { solveChain, type ChainSolution } from '../../model/solver.ts';
import { REFERENCE_HZ, voltageRatioToDb } from '../../model/units.ts';
import { formatDb, formatDbfs, formatMw, formatOhms, formatSignedDb, formatVrms, signed, withUnit } from '../../text/format.ts';
import { baseStyles, cardStyles } from '../styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-circuit': HeadroomCircuit;
  }
}

const ROW_HEIGHT = 64;
const TOP = 62;
const BOX_WIDTH = 252;
const BOX_HEIGHT = 46;
const RESISTOR_WIDTH = 46;
const RESISTOR_HEIGHT = 16;

interface Drawing {
  width: number;
  height: number;
  parts: SVGTemplateResult[];
  description: string[];
}

@customElement('headroom-circuit')
export class HeadroomCircuit extends LitElement {
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .title {
        margin-bottom: 0.25rem;
      }
      .note {
        margin: 0 0 0.25rem;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      .scroll {
        overflow-x: auto;
        overscroll-behavior-x: contain;
      }
      /* Down to 70 % on a wide screen; on a phone at its own size (no text under 12 px), scrolling sideways in its box. */
      svg {
        display: block;
        height: auto;
        font-family: inherit;
        width: 100%;
        max-width: var(--drawing-width);
        min-width: calc(var(--drawing-width) * 0.7);
      }
      @media (max-width: 40rem) {
        svg {
          min-width: var(--drawing-width);
        }
      }
      .wire {
        stroke: var(--_muted);
        stroke-width: 1.6;
        fill: none;
      }
      .part {
        stroke: var(--_text);
        stroke-width: 1.6;
        fill: var(--_surface);
      }
      .amp-body {
        fill: var(--_surface-2);
      }
      .dot {
        fill: var(--_muted);
      }
      text {
        fill: var(--_text);
        font-size: 13px;
      }
      .kind {
        font-size: 12px;
        font-weight: 700;
        letter-spacing: 0.08em;
        fill: var(--_accent);
      }
      .name {
        font-weight: 650;
      }
      .label {
        fill: var(--_muted);
        font-size: 12px;
      }
      .value {
        font-size: 12.5px;
        font-variant-numeric: tabular-nums;
      }
      .strong {
        font-weight: 650;
      }
      .drop {
        fill: var(--_muted);
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .drop.big,
      .loss {
        fill: var(--_bad);
      }
      .loss {
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .clips {
        fill: var(--_bad);
        font-weight: 700;
        font-size: 12px;
      }
      .limit {
        fill: var(--_muted);
        font-size: 12px;
      }
      .load {
        fill: var(--_surface);
        stroke: var(--_border);
        stroke-width: 1.4;
      }
      .load.heard {
        stroke: var(--_accent);
        stroke-width: 2.4;
        fill: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
      }
      .heard-tag {
        fill: var(--_accent);
        font-size: 12px;
        font-weight: 700;
        letter-spacing: 0.06em;
      }
      .sine {
        stroke: var(--_text);
        stroke-width: 1.6;
        fill: none;
      }
      .empty {
        color: var(--_muted);
        margin: 0.5rem 0;
      }
    `,
  ];

  @property({ attribute: false }) setup: Setup | null = null;

  /** `buildReport(setup)`: the listeners' numbers come from here. */
  @property({ attribute: false }) report: Report | null = null;

  /** The listener being heard, highlighted; null for none. */
  @property({ type: Number, attribute: 'heard-listener' }) heardListener: number | null = null;

  #drawing: Drawing | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('setup') || changed.has('report') || changed.has('heardListener')) {
      const { setup, report } = this;
      this.#drawing =
        setup && report && report.headphones.length === setup.headphones.length ? draw(setup, report, this.heardListener) : null;
    }
  }

  override render(): TemplateResult {
    const drawing = this.#drawing;
    if (!drawing) return html`<div class="frame"><p class="title">Circuit</p><p class="empty">No setup to show.</p></div>`;
    const { width, height } = drawing;
    return html`<div class="frame">
      <p class="title">Circuit at 1&nbsp;kHz</p>
      <p class="note">dB under an output impedance: the level its voltage divider costs.</p>
      <div class="scroll" tabindex="0" role="group" aria-label="Circuit diagram, scrolls sideways on small screens">
        <svg
          viewBox="0 0 ${width} ${height}"
          style="--drawing-width: ${width}px"
          role="img"
          aria-labelledby="circuit-title circuit-desc"
        >
          <title id="circuit-title">Circuit of the chain, values at 1 kHz</title>
          <desc id="circuit-desc">${drawing.description.join(' ')}</desc>
          ${drawing.parts}
        </svg>
      </div>
    </div>`;
  }
}

/** A resistor (IEC box) centred on (x + w/2, y), horizontal or vertical. */
function resistor(x: number, y: number, vertical = false): SVGTemplateResult {
  return vertical
    ? svg`<rect class="part" x=${x - RESISTOR_HEIGHT / 2} y=${y} width=${RESISTOR_HEIGHT} height=${RESISTOR_WIDTH - 12} rx="2"></rect>`
    : svg`<rect class="part" x=${x} y=${y - RESISTOR_HEIGHT / 2} width=${RESISTOR_WIDTH} height=${RESISTOR_HEIGHT} rx="2"></rect>`;
}

function capacitor(x: number, y: number): SVGTemplateResult {
  return svg`<line class="wire" x1=${x} y1=${y} x2=${x + 10} y2=${y}></line>
    <line class="part" x1=${x + 10} y1=${y - 11} x2=${x + 10} y2=${y + 11}></line>
    <line class="part" x1=${x + 17} y1=${y - 11} x2=${x + 17} y2=${y + 11}></line>
    <line class="wire" x1=${x + 17} y1=${y} x2=${x + 28} y2=${y}></line>`;
}

function ground(x: number, y: number): SVGTemplateResult {
  return svg`<line class="wire" x1=${x} y1=${y} x2=${x} y2=${y + 10}></line>
    <line class="wire" x1=${x - 9} y1=${y + 10} x2=${x + 9} y2=${y + 10}></line>
    <line class="wire" x1=${x - 5.5} y1=${y + 14} x2=${x + 5.5} y2=${y + 14}></line>
    <line class="wire" x1=${x - 2} y1=${y + 18} x2=${x + 2} y2=${y + 18}></line>`;
}

function wire(x1: number, y1: number, x2: number, y2: number): SVGTemplateResult {
  return svg`<line class="wire" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
}

function text(x: number, y: number, content: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'middle'): SVGTemplateResult {
  return svg`<text x=${x} y=${y} class=${cls} text-anchor=${anchor}>${content}</text>`;
}

/** "−0.52 dB": the level lost in the divider of an output impedance and its load; red from 1 dB. */
function dropText(x: number, y: number, db: number): SVGTemplateResult {
  return text(x, y, formatSignedDb(db, 2), Math.abs(db) >= 1 ? 'drop big' : 'drop');
}

function draw(setup: Setup, report: Report, heard: number | null): Drawing {
  const at = solveChain(setup, REFERENCE_HZ);
  const n = setup.headphones.length;
  const rowY = (i: number) => TOP + 30 + i * ROW_HEIGHT;
  const mainY = (rowY(0) + rowY(n - 1)) / 2;
  // Room under the rows, the source's EMF value and the amp's Zin, plus a line for the clipping note.
  const contentBottom = Math.max(rowY(n - 1) + BOX_HEIGHT / 2 + 10, mainY + 64);
  const height = contentBottom + (report.clipping.limitedBy === 'none' ? 4 : 26);
  const parts: SVGTemplateResult[] = [];
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

  // Source: EMF (a sine generator to ground), output impedance, optional coupling capacitor.
  let x = 16;
  const emfVrms = abs(at.source.emf);
  // The stages' headings (kind, then name) go in at the end, each name cut to end before the next heading starts.
  const heads: { x: number; kind: string; name: string; nameClass: string }[] = [{ x, kind: 'SOURCE', name: source.name, nameClass: 'name' }];
  const cx = x + 22;
  parts.push(
    svg`<circle class="part" cx=${cx} cy=${mainY} r="17"></circle>
      <path class="sine" d="M ${cx - 10} ${mainY} q 5 -11 10 0 t 10 0"></path>`,
    ground(cx, mainY + 17),
    text(cx, mainY - 26, 'EMF', 'label'),
    text(cx + 2, mainY + 54, formatVrms(emfVrms), 'value strong'),
  );
  x = cx + 17;
  const sourceDropDb = voltageRatioToDb(abs(stageOutputVoltage(at, 'source')) / emfVrms);
  parts.push(wire(x, mainY, x + 14, mainY), resistor(x + 14, mainY));
  parts.push(text(x + 14 + RESISTOR_WIDTH / 2, mainY - 16, `Zo ${formatOhms(source.outputImpedanceOhms)}`, 'value'));
  parts.push(dropText(x + 14 + RESISTOR_WIDTH / 2, mainY + 25, sourceDropDb));
  x += 14 + RESISTOR_WIDTH;
  if (source.couplingCapacitorUf != null) {
    parts.push(wire(x, mainY, x + 10, mainY), capacitor(x + 10, mainY), text(x + 24, mainY - 16, withUnit(source.couplingCapacitorUf, 'µF'), 'label'));
    x += 38;
  }
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
    parts.push(wire(x, mainY, ax + 20, mainY), svg`<circle class="dot" cx=${ax} cy=${mainY} r="3"></circle>`);
    parts.push(wire(ax, mainY, ax, mainY + 12), resistor(ax, mainY + 12, true), ground(ax, mainY + 12 + RESISTOR_WIDTH - 12));
    parts.push(text(ax - 12, mainY + 30, `Zin`, 'label', 'end'), text(ax - 12, mainY + 47, formatOhms(amp.inputImpedanceOhms), 'value', 'end'));
    const tx = ax + 24;
    heads.push({ x: tx - 4, kind: 'AMP', name: amp.name, nameClass: 'name' });
    const ampEmf = abs(at.amp!.emf);
    parts.push(
      svg`<path class="part amp-body" d="M ${tx} ${mainY - 30} L ${tx + 68} ${mainY} L ${tx} ${mainY + 30} Z"></path>`,
      text(tx + 25, mainY + 4.5, `${signed(amp.gainDb, amp.gainDb % 1 === 0 ? 0 : 1)} dB`, 'value strong'),
      svg`<text x=${tx + 30} y=${mainY - 38} class="value" text-anchor="middle"><tspan class="label">EMF </tspan><tspan class="strong">${formatVrms(ampEmf)}</tspan></text>`,
    );
    x = tx + 68;
    perJackZo = amp.outputs === 'independent';
    parts.push(wire(x, mainY, x + 16, mainY));
    x += 16;
    let ampDrop = '';
    if (!perJackZo) {
      const dropDb = voltageRatioToDb(abs(stageOutputVoltage(at, 'amp')) / ampEmf);
      x += 6;
      parts.push(wire(x - 6, mainY, x, mainY), resistor(x, mainY));
      parts.push(text(x + RESISTOR_WIDTH / 2, mainY - 16, `Zo ${formatOhms(amp.outputImpedanceOhms)}`, 'value'));
      parts.push(dropText(x + RESISTOR_WIDTH / 2, mainY + 25, dropDb));
      x += RESISTOR_WIDTH;
      if (amp.couplingCapacitorUf != null) {
        parts.push(wire(x, mainY, x + 10, mainY), capacitor(x + 10, mainY), text(x + 24, mainY - 16, withUnit(amp.couplingCapacitorUf, 'µF'), 'label'));
        x += 38;
      }
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
  if (n > 1) parts.push(wire(busX, rowY(0), busX, rowY(n - 1)), svg`<circle class="dot" cx=${busX} cy=${mainY} r="3"></circle>`);
  const branchKind = perJackZo ? 'INDEPENDENT OUTPUTS' : splitter ? 'Y SPLITTER' : n > 1 ? 'PARALLEL' : 'HEADPHONE';
  heads.push({ x: busX, kind: branchKind, name: splitter ? `${formatOhms(splitter.cableResistanceOhms)} per branch` : '', nameClass: 'label' });
  if (splitter) description.push(`A passive Y splitter with ${formatOhms(splitter.cableResistanceOhms)} in each branch feeds ${n} listeners.`);
  else if (n > 1 && !perJackZo) description.push(`${n} listeners share the output directly.`);

  let bx = busX + 14;
  const withZo = perJackZo;
  const withCable = splitter != null;
  const boxX = bx + (withZo ? RESISTOR_WIDTH + 22 + (amp?.couplingCapacitorUf != null ? 28 : 0) : 0) + (withCable ? RESISTOR_WIDTH + 22 : 0) + 8;
  const showChange = n > 1 || splitter != null;
  setup.headphones.forEach((headphone, i) => {
    const y = rowY(i);
    const listener = report.headphones[i]!;
    if (n > 1) parts.push(svg`<circle class="dot" cx=${busX} cy=${y} r=${i === 0 || i === n - 1 ? 0 : 2.5}></circle>`);
    bx = busX;
    const branch: string[] = [];
    if (withZo) {
      const jack = at.amp!.jacks[i]!;
      const dropDb = voltageRatioToDb(abs(mul(jack.current, jack.load)) / abs(jack.emf));
      parts.push(wire(bx, y, bx + 12, y), resistor(bx + 12, y), text(bx + 12 + RESISTOR_WIDTH / 2, y - 13, `Zo ${formatOhms(amp!.outputImpedanceOhms)}`, 'label'));
      parts.push(dropText(bx + 12 + RESISTOR_WIDTH / 2, y + 22, dropDb));
      bx += 12 + RESISTOR_WIDTH;
      if (amp!.couplingCapacitorUf != null) {
        parts.push(capacitor(bx, y));
        bx += 28;
      }
      bx += 10;
      branch.push(`its own output (divider ${formatDb(-dropDb, 2)})`);
    }
    if (withCable) {
      parts.push(wire(bx, y, bx + 12, y), resistor(bx + 12, y), text(bx + 12 + RESISTOR_WIDTH / 2, y - 13, formatOhms(splitter.cableResistanceOhms), 'label'));
      bx += 12 + RESISTOR_WIDTH + 10;
    }
    parts.push(wire(bx, y, boxX, y));
    const isHeard = heard === i;
    const top = y - BOX_HEIGHT / 2;
    const zOhms = abs(at.headphones[i]!.impedance);
    parts.push(
      svg`<rect class=${isHeard ? 'load heard' : 'load'} x=${boxX} y=${top} width=${BOX_WIDTH} height=${BOX_HEIGHT} rx="8"></rect>`,
      svg`<text x=${boxX + 10} y=${top + 18} class="name">${n > 1 ? `${i + 1}  ` : ''}${clip(headphone.name, 22)}<tspan class="label"> · ${formatOhms(Number(zOhms.toPrecision(3)))}</tspan></text>`,
      svg`<text x=${boxX + 10} y=${top + 36} class="value" data-listener=${i}><tspan class="strong">${formatVrms(listener.loadVoltageVrms)}</tspan> · ${formatMw(listener.powerMw)} · <tspan class="strong">${formatDb(listener.splDb)} SPL</tspan></text>`,
      wire(boxX + BOX_WIDTH, y, boxX + BOX_WIDTH + 14, y),
      ground(boxX + BOX_WIDTH + 14, y),
    );
    if (isHeard) parts.push(text(boxX + BOX_WIDTH - 8, top - 4, 'HEARD', 'heard-tag', 'end'));
    if (showChange) {
      parts.push(text(boxX + BOX_WIDTH + 32, y + 4.5, `${formatSignedDb(listener.levelChangeDb)} vs alone`, listener.levelChangeDb < -0.05 ? 'loss' : 'label', 'start'));
    }
    description.push(
      `Listener ${i + 1}${isHeard ? ' (heard)' : ''}, ${headphone.name} (${formatOhms(Number(zOhms.toPrecision(3)))} at 1 kHz)` +
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
    if (head.name) parts.push(text(head.x, 36, fitText(head.name, room, head.nameClass === 'name' ? NAME_CHAR_PX : LABEL_CHAR_PX), head.nameClass, 'start'));
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
 * Widest character of each text style, in px, from the CSS above (12–13 px system-ui, bold
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
