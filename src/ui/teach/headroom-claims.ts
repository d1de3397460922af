/**
 * <headroom-claims>: the claims checker. Popular claims about amps, impedance and splitters,
 * each with a verdict the model computes for the app's setups A and B, the rule ("true
 * when …, false when …"), the numbers behind the verdict, and demonstration pairs to load.
 *
 * Property down: `pair` (the app's current A/B pair); `thresholdOhms` (the N of "you need an
 * amp above N Ω", also editable in the component). Event up: `load-pair` (bubbles, composed)
 * with `{ pair, title }` when a demonstration's button is pressed; the pair is a copy.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SetupPair } from '../../state/setup-pair.ts';
import { claimSentence, demonstrationTitle, demonstrationVerdicts, judgeClaims, THRESHOLD_CLAIM, type JudgedClaim } from '../../teach/claims/judge.ts';
import type { Claim, ClaimEvaluation, Verdict } from '../../teach/claims/index.ts';
import { accentButtonStyles, baseStyles, boxedControl, cardSurface, panelStyles, smallCaps, stackedList, verdictBadgeStyles } from '../styles.ts';
import { VERDICT_TEXT, formatClaimNumber } from '../../text/claims-format.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-claims': HeadroomClaims;
  }
}

/** The verdict badge's colour (verdictBadgeStyles). */
const VERDICT_TONE: Record<Verdict, 'good' | 'bad' | 'warn'> = { true: 'good', false: 'bad', depends: 'warn' };

@customElement('headroom-claims')
export class HeadroomClaims extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    verdictBadgeStyles,
    accentButtonStyles,
    css`
      ol.claims {
        ${stackedList}
        gap: 1rem;
      }
      .claim {
        ${cardSurface}
        padding: 1rem 1.1rem 1.1rem;
        min-width: 0;
      }
      h3 {
        font-size: 1.15rem;
        margin: 0 0 0.2rem;
        line-height: 1.3;
      }
      .circulates {
        margin: 0 0 0.8rem;
        font-size: 0.85rem;
      }
      .sides {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
        gap: 0.75rem;
        margin-bottom: 0.8rem;
      }
      .side {
        background: var(--_surface-2);
        border-radius: 8px;
        padding: 0.7rem 0.8rem;
        min-width: 0;
      }
      h4 {
        ${smallCaps}
        margin: 0 0 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .here {
        margin: 0 0 0.5rem;
        font-size: 0.92rem;
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        column-gap: 0.75rem;
        font-size: 0.85rem;
      }
      dt {
        color: var(--_muted);
        padding: 0.22rem 0;
        border-top: 1px solid var(--_border);
        min-width: 0;
        overflow-wrap: anywhere;
      }
      dd {
        margin: 0;
        padding: 0.22rem 0;
        border-top: 1px solid var(--_border);
        text-align: right;
      }
      .when {
        margin: 0 0 0.8rem;
        font-size: 0.92rem;
        max-width: 75ch;
      }
      .when strong {
        font-weight: 650;
      }
      h5 {
        margin: 0 0 0.35rem;
        font-size: 0.85rem;
        font-weight: 650;
      }
      ul.demos {
        ${stackedList}
        gap: 0.4rem;
      }
      .demo {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
        font-size: 0.9rem;
      }
      .demo .label {
        flex: 1 1 14rem;
        min-width: 0;
      }
      .demo .verdicts {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
      }
      .which {
        font-size: 0.75rem;
        font-weight: 650;
        color: var(--_muted);
      }
      .which + .badge {
        margin-right: 0.2rem;
      }
      button:hover {
        background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
      }
      .threshold {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        margin: 0 0 0.8rem;
        font-size: 0.9rem;
      }
      .threshold input {
        ${boxedControl}
        width: 6rem;
        padding: 0.25rem 0.4rem;
        border-radius: 6px;
      }
    `,
  ];

  /** The app's current setups. */
  @property({ attribute: false }) pair: SetupPair | null = null;

  /** The N of "you need an amp above N Ω". */
  @property({ type: Number, attribute: 'threshold-ohms' }) thresholdOhms = 100;

  @state() private judged: JudgedClaim[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('pair') || changed.has('thresholdOhms')) && this.pair) this.judged = judgeClaims(this.pair, { thresholdOhms: this.thresholdOhms });
  }

  private load(claim: Claim, index: number): void {
    const demo = claim.demonstrations[index]!;
    emit(this, 'load-pair', { pair: structuredClone(demo.pair), title: demonstrationTitle(claim, demo) });
  }

  private readonly onThreshold = (event: Event): void => {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value) && value > 0) this.thresholdOhms = value;
  };

  override render(): TemplateResult {
    if (!this.pair) return html`<p class="empty">No setups to judge.</p>`;
    return html`<section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims checker</h2>
      <p class="intro">
        Claims that circulate in articles and forums, each judged by the model for your setups A and B: the verdict, the rule
        with its thresholds, and the numbers behind it. Load a demonstration to hear and measure either side.
      </p>
      <ol class="claims">
        ${this.judged.map((judged) => this.renderClaim(judged))}
      </ol>
    </section>`;
  }

  private renderClaim({ claim, ...result }: JudgedClaim): TemplateResult {
    const headingId = `claim-${claim.id}`;
    const verdicts = demonstrationVerdicts(claim, { thresholdOhms: this.thresholdOhms });
    return html`<li class="claim" data-claim=${claim.id}>
      <article aria-labelledby=${headingId}>
        <h3 id=${headingId}>“${claimSentence(claim, this.thresholdOhms)}”</h3>
        <p class="circulates muted">Heard in: ${claim.circulates}</p>
        ${claim.id === THRESHOLD_CLAIM
          ? html`<label class="threshold"
              >N =
              <input type="number" min="1" max="100000" step="1" .value=${String(this.thresholdOhms)} @change=${this.onThreshold} aria-describedby=${headingId} />
              Ω</label
            >`
          : nothing}
        <div class="sides">
          ${result.b === null
            ? this.renderSide('Setups A and B', result.a, 'ab')
            : html`${this.renderSide('Setup A', result.a, 'a')}${this.renderSide('Setup B', result.b, 'b')}`}
        </div>
        ${result.b === null || result.b.when === result.a.when
          ? html`<p class="when"><strong>True when / false when:</strong> ${result.a.when}</p>`
          : html`<p class="when"><strong>True when / false when, for A:</strong> ${result.a.when}</p>
              <p class="when"><strong>For B:</strong> ${result.b.when}</p>`}
        <h5 id="${headingId}-demos">Demonstrations</h5>
        <ul class="demos" aria-labelledby="${headingId}-demos">
          ${claim.demonstrations.map(
            (demo, i) => html`<li class="demo">
              <span class="verdicts"
                >${verdicts[i]!.map(
                  (v, k) => html`<span class="which">${k === 0 ? 'A' : 'B'}</span><span class="badge ${VERDICT_TONE[v]}">${VERDICT_TEXT[v]}</span>`,
                )}</span
              >
              <span class="label">${demo.label}</span>
              <button type="button" class="small" aria-label="Load a demonstration: ${demo.label}" @click=${() => this.load(claim, i)}>Load a demonstration</button>
            </li>`,
          )}
        </ul>
      </article>
    </li>`;
  }

  private renderSide(title: string, evaluation: ClaimEvaluation, side: string): TemplateResult {
    return html`<div class="side" data-side=${side} data-verdict=${evaluation.verdict}>
      <h4>${title} <span class="badge ${VERDICT_TONE[evaluation.verdict]}" data-testid="verdict">${VERDICT_TEXT[evaluation.verdict]}</span></h4>
      <p class="here">${evaluation.here}</p>
      <dl>
        ${evaluation.numbers.map((n) => html`<dt>${n.label}</dt><dd class="num">${formatClaimNumber(n)}</dd>`)}
      </dl>
    </div>`;
  }
}
