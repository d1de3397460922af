/**
 * <headroom-derivations>: the formulas behind one listener's figures, filled in with the
 * current numbers: formula → numbers → result, one step per line, from the source's EMF to
 * the headroom. Each step that arrives at a report figure shows that figure next to it.
 *
 * Properties down: `setup`, `report` (buildReport(setup)) and optional `listener` (0-based;
 * with several listeners the panel also offers a choice). No events.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Report } from '../../model/report-contract.ts';
import type { Setup } from '../../model/setup.ts';
import { agreesWithReport, derivationSteps, formatNumber, markupParts, REPORT_FIELD_NAME, unitText, type DerivationStep, type MarkupPart } from '../../teach/derivations.ts';
import { baseStyles, cardSurface, controlStyles, panelStyles, stackedList } from '../styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-derivations': HeadroomDerivations;
  }
}

@customElement('headroom-derivations')
export class HeadroomDerivations extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    controlStyles,
    css`
      .pick {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      select {
        max-width: 100%;
      }
      ol.steps {
        ${stackedList}
        counter-reset: step;
        gap: 0.6rem;
      }
      .step {
        counter-increment: step;
        ${cardSurface}
        padding: 0.7rem 0.9rem 0.75rem;
        min-width: 0;
      }
      h3 {
        margin: 0 0 0.4rem;
        font-size: 0.95rem;
        font-weight: 650;
        line-height: 1.3;
      }
      h3::before {
        content: counter(step) '. ';
        color: var(--_muted);
        font-weight: 500;
      }
      .line {
        margin: 0.1rem 0;
        overflow-wrap: anywhere;
        font-variant-numeric: tabular-nums;
      }
      .formula {
        font-family: var(--hr-math-font, 'STIX Two Text', 'Cambria Math', Georgia, 'Times New Roman', serif);
        font-size: 1.08rem;
      }
      .eq {
        display: inline-block;
        width: 1.1rem;
        color: var(--_muted);
      }
      var {
        font-style: italic;
      }
      sub,
      sup {
        font-size: 0.72em;
        line-height: 0;
      }
      .result strong {
        font-size: 1.05rem;
        font-weight: 700;
      }
      .report {
        display: inline-block;
        margin-left: 0.5rem;
        font-size: 0.75rem;
        font-weight: 650;
        padding: 0.08rem 0.5rem;
        border-radius: 999px;
        color: var(--_good);
        background: var(--_good-bg);
        white-space: nowrap;
      }
      .report.off {
        color: var(--_bad);
        background: var(--_bad-bg);
      }
      .note {
        margin: 0.35rem 0 0;
        font-size: 0.85rem;
        color: var(--_muted);
        max-width: 75ch;
      }
    `,
  ];

  @property({ attribute: false }) setup: Setup | null = null;

  /** buildReport(setup): the figures the steps must arrive at. */
  @property({ attribute: false }) report: Report | null = null;

  /** Which listener (0-based); the panel's own choice overrides it until it changes. */
  @property({ type: Number }) listener?: number;

  @state() private chosen: number | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('listener') || changed.has('setup')) this.chosen = null;
  }

  private get index(): number {
    const count = this.setup?.headphones.length ?? 1;
    const wanted = this.chosen ?? this.listener ?? 0;
    return Math.min(Math.max(0, Math.trunc(wanted)), count - 1);
  }

  private readonly onPick = (event: Event): void => {
    this.chosen = Number((event.target as HTMLSelectElement).value);
  };

  override render(): TemplateResult {
    const { setup, report } = this;
    if (!setup || !report) return html`<p class="empty">No setup to derive.</p>`;
    const index = this.index;
    const steps = derivationSteps(setup, index, report);
    const count = setup.headphones.length;
    const name = setup.headphones[index]!.name;
    return html`<section aria-labelledby="derivations-heading">
      <h2 id="derivations-heading">Where the numbers come from</h2>
      <p class="intro">
        Every figure for ${count > 1 ? `listener ${index + 1}, ` : ''}${name}, at 1&nbsp;kHz: the formula, the formula with this
        setup’s numbers, and the result. A green tag marks a result that is the report’s own figure.
      </p>
      ${count > 1
        ? html`<label class="pick"
            >Listener
            <select @change=${this.onPick}>
              ${setup.headphones.map((hp, i) => html`<option value=${i} ?selected=${i === index}>${i + 1}. ${hp.name}</option>`)}
            </select></label
          >`
        : nothing}
      <ol class="steps">
        ${steps.map((step) => renderStep(step))}
      </ol>
    </section>`;
  }
}

function renderStep(step: DerivationStep): TemplateResult {
  const unit = unitText(step.unit);
  const matches = agreesWithReport(step);
  return html`<li class="step" data-step=${step.id}>
    <h3>${step.title}</h3>
    <p class="line formula">${renderMarkup(step.formula)}</p>
    <p class="line substituted muted"><span class="eq" aria-hidden="true">=</span>${renderMarkup(step.substituted)}</p>
    <p class="line result">
      <span class="eq" aria-hidden="true">=</span><strong class="num" data-value=${String(step.result)}>${formatNumber(step.result)}&#8239;${unit}</strong>
      ${step.resultText ? html`<span class="muted">(${step.resultText})</span>` : nothing}
      ${step.reportField && step.reportValue !== undefined
        ? html`<span class="report ${matches ? '' : 'off'}" data-testid="report-match" data-field=${step.reportField}
            >${matches ? '✓' : '≠'} report’s ${REPORT_FIELD_NAME[step.reportField]}: ${formatNumber(step.reportValue)}&#8239;${unit}</span
          >`
        : nothing}
    </p>
    ${step.note ? html`<p class="note">${step.note}</p>` : nothing}
  </li>`;
}

/** Markup as HTML without MathML: a variable in <var> with its <sub>, a superscript in <sup>. */
function renderPart(part: MarkupPart): TemplateResult | string {
  if (typeof part === 'string') return part;
  if ('sup' in part) return html`<sup>${part.sup.map(renderPart)}</sup>`;
  return part.sub === undefined ? html`<var>${part.name}</var>` : html`<var>${part.name}</var><sub>${part.sub}</sub>`;
}

const renderMarkup = (markup: string): (TemplateResult | string)[] => markupParts(markup).map(renderPart);
