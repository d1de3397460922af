/**
 * <headroom-report-view>: what the model says about one setup — the chain with its key
 * figures, one table per listener and the clipping line. Pure view: the setup and its
 * report come in as properties; every number is the report's (or the setup's) own, laid out
 * as rows by src/text/report-rows.ts and drawn here by one template per kind of row.
 *
 * Optional: `liveClipping` (per listener, from the audio meters) adds a Clipping/Clean badge
 * to each listener.
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ListenerReport, Report } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';
import { formatDbfs, formatHz, trim } from '../text/format.ts';
import { adviceLines, chainStages, clippingLine, listenerRows, type Span, type Stage, type StatusLine } from '../text/report-rows.ts';
import { responseSketch } from '../drawing/response-sketch.ts';
import { baseStyles, cardSurface, panelStyles, smallCaps, tickRowStyles, verdictBadgeStyles } from './styles.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-report-view': HeadroomReportView;
  }
}

@customElement('headroom-report-view')
export class HeadroomReportView extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    verdictBadgeStyles,
    tickRowStyles,
    css`
      h2 {
        letter-spacing: -0.01em;
      }
      h3 {
        ${smallCaps}
        margin: 0 0 0.6rem;
      }
      .story {
        margin: 0 0 1.5rem;
        max-width: 68ch;
      }
      section {
        margin-bottom: 1.75rem;
      }
      /* The chain: source → amp → splitter → headphones, in a column on a phone. */
      .chain,
      .figures {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .chain {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .stage {
        flex: 1 1 10rem;
        min-width: 10rem;
        max-width: 24rem;
        ${cardSurface}
        padding: 0.7rem 0.85rem;
        position: relative;
      }
      .stage + .stage {
        margin-left: 1.1rem;
      }
      .stage + .stage::before {
        content: '→';
        position: absolute;
        left: -1.3rem;
        top: 50%;
        transform: translateY(-50%);
        color: var(--_muted);
        font-size: 1.1rem;
      }
      @media (max-width: 40rem) {
        .chain {
          flex-direction: column;
          gap: 1.6rem;
        }
        .stage {
          flex: none;
          max-width: none;
        }
        .stage + .stage {
          margin-left: 0;
        }
        .stage + .stage::before {
          content: '↓';
          left: 50%;
          top: -1.45rem;
          transform: translateX(-50%);
        }
      }
      .kind {
        ${smallCaps}
        font-size: 0.75rem;
        color: var(--_accent);
      }
      .stage-name {
        font-weight: 650;
        margin: 0.1rem 0 0.35rem;
      }
      .figures,
      .signal {
        font-size: 0.88rem;
        color: var(--_muted);
      }
      .figures {
        font-variant-numeric: tabular-nums;
      }
      .phones li + li {
        margin-top: 0.35rem;
      }
      .phones strong {
        color: var(--_text);
        font-weight: 600;
      }
      .signal {
        margin: 0.6rem 0 0;
      }

      /* Status lines (the clipping line, the advice's verdicts) and the live badge, coloured by state. */
      .status {
        display: flex;
        gap: 0.6rem;
        align-items: baseline;
        border-radius: var(--_radius);
        padding: 0.7rem 0.9rem;
        border: 1px solid color-mix(in srgb, var(--tone) 35%, transparent);
        background: var(--tone-bg);
        margin: 0;
      }
      .ok {
        --tone: var(--_good);
        --tone-bg: var(--_good-bg);
      }
      .near {
        --tone: var(--_warn);
        --tone-bg: var(--_warn-bg);
      }
      .over {
        --tone: var(--_bad);
        --tone-bg: var(--_bad-bg);
      }
      .status ul {
        margin: 0.4rem 0 0;
        padding-left: 1.1rem;
      }
      .live {
        vertical-align: 0.12em;
        margin-left: 0.5rem;
        padding: 0.05rem 0.45rem;
      }
      .live.ok {
        color: var(--tone);
        background: var(--tone-bg);
      }
      .advice {
        display: grid;
        gap: 0.5rem;
      }
      .target {
        text-transform: none;
        letter-spacing: 0;
        font-weight: 500;
        margin-left: 0.3rem;
      }

      .listeners {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
        gap: 1rem;
      }
      .listener {
        ${cardSurface}
        padding: 0.9rem 1rem 0.6rem;
        margin: 0;
      }
      .listener h4 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
      .index {
        display: inline-block;
        min-width: 1.5rem;
      }
      .index,
      th {
        color: var(--_muted);
        font-weight: 500;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.92rem;
      }
      th,
      td {
        padding: 0.38rem 0;
        border-top: 1px solid var(--_border);
        vertical-align: baseline;
      }
      th {
        text-align: left;
        padding-right: 0.75rem;
        white-space: nowrap;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .sub {
        display: block;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      .spl {
        font-size: 1.25rem;
        font-weight: 650;
      }
      .loss {
        color: var(--_bad);
      }
      .plot {
        margin: 0.4rem 0 0.2rem;
      }
      .scale {
        display: block;
        text-align: right;
        margin-bottom: 0.15rem;
        font-size: 0.75rem;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .response-plot {
        display: block;
        width: 100%;
        height: 3.5rem;
        background: var(--_surface-2);
        border-radius: 6px;
      }
      .ticks {
        height: 1.1rem;
      }
      .ticks span {
        top: 0.15rem;
      }
      line,
      polyline {
        vector-effect: non-scaling-stroke;
      }
      .zero {
        stroke: var(--_border);
      }
      .curve {
        stroke: var(--_accent);
        stroke-width: 1.75;
        fill: none;
      }
    `,
  ];

  /** The preset's (or setup's) title. */
  @property() heading = '';

  /** One or two sentences on what this setup demonstrates. */
  @property() story = '';

  /** The chain the report was computed from. */
  @property({ attribute: false }) setup: Setup | null = null;

  /** `buildReport(setup)`. */
  @property({ attribute: false }) report: Report | null = null;

  /**
   * Live clipping per listener (from the audio meters), in listener order; undefined when no
   * audio runs. Shown as a badge on each listener's card.
   */
  @property({ attribute: false }) liveClipping?: boolean[];

  /** What to show: everything, only the story and the advice (a card's top), or everything else. */
  @property() show: 'all' | 'advice' | 'figures' = 'all';

  override render(): TemplateResult {
    const { setup, report } = this;
    if (!setup || !report) return html`<p class="empty">No setup to show.</p>`;
    const top = html`${this.heading ? html`<h2>${this.heading}</h2>` : nothing}
      ${this.story ? html`<p class="story" data-testid="story">${this.story}</p>` : nothing}
      <section class="advice" aria-labelledby="advice-heading" data-testid="advice">
        <h3 id="advice-heading">Do you need an amp? <span class="target">For ${trim(report.headphones[0]!.advice.targetSplDb)}&nbsp;dB SPL peaks</span></h3>
        ${adviceLines(report).map((line) => statusLine(line, 'verdict'))}
      </section>`;
    if (this.show === 'advice') return top;
    const count = report.headphones.length;
    return html`
      ${this.show === 'all' ? top : nothing}

      <section aria-labelledby="chain-heading">
        <h3 id="chain-heading">Chain</h3>
        <ol class="chain">
          ${chainStages(setup).map(stage)}
        </ol>
        <p class="signal">
          Test signal: a 1&nbsp;kHz sine peaking at <span class="num">${formatDbfs(setup.signal.levelDbfs)}</span>.
          Levels are at 1&nbsp;kHz; the response is 20&nbsp;Hz–20&nbsp;kHz relative to 1&nbsp;kHz.
        </p>
      </section>

      <section aria-labelledby="clipping-heading">
        <h3 id="clipping-heading">Clipping</h3>
        ${statusLine(clippingLine(report.clipping, setup), 'clipping')}
      </section>

      <section aria-labelledby="listeners-heading">
        <h3 id="listeners-heading">${count === 1 ? 'Listener' : `${count} listeners`}</h3>
        <div class="listeners">
          ${report.headphones.map((listener, i) => listenerCard(listener, count > 1 ? i + 1 : null, this.liveClipping?.[i]))}
        </div>
      </section>
    `;
  }
}

const spans = (parts: readonly Span[]) =>
  parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.tone === 'strong') return html`<strong class="num">${part.text}</strong>`;
    return html`<span class=${ifDefined(part.tone)} data-testid=${ifDefined(part.testid)}>${part.text}</span>`;
  });

const BADGE_TONE = { ok: 'good', near: 'warn', over: 'bad' } as const;

/** A clipping line or an advice verdict: its badge, whom it is about, its sentence and any further ones. */
function statusLine(line: StatusLine, testid: string): TemplateResult {
  return html`<div class="status ${line.state}" data-testid=${testid} data-verdict=${ifDefined(line.verdict)}>
    ${line.badge ? html`<span class="badge ${BADGE_TONE[line.state]}">${line.badge}</span>` : nothing}
    <div>
      ${line.who ? html`<strong>${line.who}:</strong> ` : nothing}${spans(line.sentence)}
      ${line.more.length > 0 ? html`<ul>${line.more.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}
    </div>
  </div>`;
}

function stage({ kind, title, name, figures }: Stage): TemplateResult {
  return html`<li class="stage" data-stage=${kind}>
    <div class="kind">${title}</div>
    ${name === null ? nothing : html`<div class="stage-name">${name}</div>`}
    <ul class="figures ${kind === 'headphones' ? 'phones' : ''}">
      ${figures.map(({ lead, text }) => html`<li>${lead ? html`<strong>${lead}</strong><br /> ` : nothing}${text}</li>`)}
    </ul>
  </li>`;
}

/** One listener's card: `index` when there are several, `clipping` the live state from the audio meters (undefined when unknown). */
function listenerCard(listener: ListenerReport, index: number | null, clipping: boolean | undefined): TemplateResult {
  return html`<figure class="listener" data-testid="listener">
    <h4>
      ${index === null ? nothing : html`<span class="index">${index}</span>`}${listener.name}${clipping === undefined
        ? nothing
        : html`<span class="badge live ${clipping ? 'over bad' : 'ok'}" data-testid="live-clipping">${clipping ? 'Clipping' : 'Clean'}</span>`}
    </h4>
    <table>
      <tbody>
        ${listenerRows(listener).map(
          (row) => html`<tr data-testid=${ifDefined(row.testid)}>
            <th scope="row" title=${ifDefined(row.hint)}>${row.label}</th>
            <td>
              ${row.lines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}${spans(line)}`)}
              ${row.notes.map((note) => html` <span class="sub">${spans([note])}</span>`)}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${responsePlot(listener)}
  </figure>`;
}

const PLOT_WIDTH = 300;
const PLOT_HEIGHT = 56;

/** A small response curve, 20 Hz–20 kHz on a log axis, from `responseSketch`. */
function responsePlot(listener: ListenerReport): TemplateResult {
  const { hz } = listener.response;
  const sketch = responseSketch(listener.response, PLOT_WIDTH, PLOT_HEIGHT);
  if (!sketch) return html``;
  const scale = `±${trim(sketch.spanDb)}\u202fdB`;
  return html`<div class="plot">
    <span class="scale" aria-hidden="true">${scale} full scale</span>
    <svg
      class="response-plot"
      viewBox="0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}"
      preserveAspectRatio="none"
      role="img"
      aria-label="Frequency response of ${listener.name}, 20 Hz to 20 kHz, full scale ${scale}"
    >
      ${svg`<line class="zero" x1="0" x2=${PLOT_WIDTH} y1=${PLOT_HEIGHT / 2} y2=${PLOT_HEIGHT / 2}></line>
      <line class="zero" x1=${sketch.kHzX} x2=${sketch.kHzX} y1="0" y2=${PLOT_HEIGHT}></line>
      <polyline class="curve" points=${sketch.points}></polyline>`}
    </svg>
    <div class="ticks" aria-hidden="true">
      <span style="left: 0">${formatHz(hz[0]!)}</span>
      <span style="left: ${sketch.kHzShare}">1&nbsp;kHz</span>
      <span style="left: 100%">${formatHz(hz[hz.length - 1]!)}</span>
    </div>
  </div>`;
}
