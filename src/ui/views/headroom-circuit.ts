/**
 * <headroom-circuit>: an SVG circuit diagram of the chain with live values on its parts —
 * the source's EMF and output impedance, the amp (gain, input and output impedance, EMF),
 * the splitter's branches (cable resistance) or the amp's independent outputs, and every
 * listener's load with the report's voltage, power and SPL. The voltage lost in each divider
 * is written under its output impedance. The geometry is src/drawing/circuit-diagram.ts;
 * this element draws it.
 *
 * Properties: `setup`, `report` (buildReport(setup)), `heardListener` (index or null).
 * Events: none.
 *
 * It keeps its drawing size (text stays readable) down to 70 % and scrolls sideways below
 * that, inside its own box; on a phone it keeps its full size (no text under 12 px). The SVG
 * has a <title> and a <desc> that say everything it shows in words.
 */
import { LitElement, css, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { circuitDiagram, type CircuitDiagram, type Part } from '../../drawing/circuit-diagram.ts';
import type { Report } from '../../model/report-contract.ts';
import type { Setup } from '../../model/setup.ts';
import { baseStyles, cardStyles } from '../styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-circuit': HeadroomCircuit;
  }
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
      .wire,
      .part,
      .sine {
        stroke: var(--_text);
        stroke-width: 1.6;
        fill: none;
      }
      .wire {
        stroke: var(--_muted);
      }
      .part {
        fill: var(--_surface);
      }
      .amp-body {
        fill: var(--_surface-2);
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
      /* Texts are 12 px but a listener's name (13 px) and the values (12.5 px, with tabular figures). */
      text,
      .label {
        font-size: 12px;
      }
      text {
        fill: var(--_text);
      }
      .name {
        font-size: 13px;
      }
      .value {
        font-size: 12.5px;
      }
      .value,
      .drop,
      .loss {
        font-variant-numeric: tabular-nums;
      }
      .name,
      .strong {
        font-weight: 650;
      }
      .kind,
      .clips,
      .heard-tag {
        font-weight: 700;
      }
      .dot,
      .label,
      .drop,
      .limit {
        fill: var(--_muted);
      }
      .drop.big,
      .loss,
      .clips {
        fill: var(--_bad);
      }
      .kind,
      .heard-tag {
        fill: var(--_accent);
        letter-spacing: 0.06em;
      }
      .kind {
        letter-spacing: 0.08em;
      }
      .empty {
        margin: 0.5rem 0;
      }
    `,
  ];

  @property({ attribute: false }) setup: Setup | null = null;

  /** `buildReport(setup)`: the listeners' numbers come from here. */
  @property({ attribute: false }) report: Report | null = null;

  /** The listener being heard, highlighted; null for none. */
  @property({ type: Number, attribute: 'heard-listener' }) heardListener: number | null = null;

  #diagram: CircuitDiagram | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('setup') || changed.has('report') || changed.has('heardListener')) {
      const { setup, report } = this;
      this.#diagram = setup && report && report.headphones.length === setup.headphones.length ? circuitDiagram(setup, report, this.heardListener) : null;
    }
  }

  override render(): TemplateResult {
    const diagram = this.#diagram;
    if (!diagram) return html`<div class="frame"><p class="title">Circuit</p><p class="empty muted">No setup to show.</p></div>`;
    const { width, height } = diagram;
    return html`<div class="frame">
      <p class="title">Circuit at 1&nbsp;kHz</p>
      <p class="note muted">dB under an output impedance: the level its voltage divider costs.</p>
      <div class="scroll" tabindex="0" role="group" aria-label="Circuit diagram, scrolls sideways on small screens">
        <svg
          viewBox="0 0 ${width} ${height}"
          style="--drawing-width: ${width}px"
          role="img"
          aria-labelledby="circuit-title circuit-desc"
        >
          <title id="circuit-title">Circuit of the chain, values at 1 kHz</title>
          <desc id="circuit-desc">${diagram.description.join(' ')}</desc>
          ${diagram.parts.map(drawPart)}
        </svg>
      </div>
    </div>`;
  }
}

function line(cls: string, x1: number, y1: number, x2: number, y2: number): SVGTemplateResult {
  return svg`<line class=${cls} x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
}

/** One part as SVG: the symbols' own shapes are drawn here, where the diagram put them. */
function drawPart(part: Part): SVGTemplateResult {
  switch (part.kind) {
    case 'wire':
      return line('wire', part.x1, part.y1, part.x2, part.y2);
    case 'dot':
      return svg`<circle class="dot" cx=${part.x} cy=${part.y} r=${part.r}></circle>`;
    case 'resistor':
      return svg`<rect class="part" x=${part.x} y=${part.y} width=${part.width} height=${part.height} rx="2"></rect>`;
    case 'capacitor': {
      const { x, y } = part;
      return svg`${line('wire', x, y, x + 10, y)}${line('part', x + 10, y - 11, x + 10, y + 11)}${line('part', x + 17, y - 11, x + 17, y + 11)}${line('wire', x + 17, y, x + 28, y)}`;
    }
    case 'ground': {
      const { x, y } = part;
      return svg`${line('wire', x, y, x, y + 10)}${line('wire', x - 9, y + 10, x + 9, y + 10)}${line('wire', x - 5.5, y + 14, x + 5.5, y + 14)}${line('wire', x - 2, y + 18, x + 2, y + 18)}`;
    }
    case 'generator':
      return svg`<circle class="part" cx=${part.x} cy=${part.y} r=${part.r}></circle>
        <path class="sine" d="M ${part.x - 10} ${part.y} q 5 -11 10 0 t 10 0"></path>`;
    case 'amplifier': {
      const { x, y, length, halfHeight } = part;
      return svg`<path class="part amp-body" d="M ${x} ${y - halfHeight} L ${x + length} ${y} L ${x} ${y + halfHeight} Z"></path>`;
    }
    case 'load':
      return svg`<rect class=${part.heard ? 'load heard' : 'load'} x=${part.x} y=${part.y} width=${part.width} height=${part.height} rx="8"></rect>`;
    case 'text':
      return svg`<text x=${part.x} y=${part.y} class=${part.style} text-anchor=${part.anchor} data-listener=${part.listener ?? nothing}>${part.spans.map((span) =>
        span.style ? svg`<tspan class=${span.style}>${span.text}</tspan>` : span.text,
      )}</text>`;
  }
}
