/**
 * <headroom-report-view>: what the model says about one setup — the chain with its key
 * figures, one table per listener and the clipping line. Pure view: the setup and its
 * report come in as properties; every number is the report's (or the setup's) own.
 *
 * Optional: `liveClipping` (per listener, from the audio meters) adds a Clipping/Clean badge
 * to each listener.
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hissInWords } from '../model/advice.ts';
import type { Advice, ClippingReport, ListenerReport, Report } from '../model/report-contract.ts';
import type { Amp, Headphone, Setup, Source } from '../model/setup.ts';
import {
  formatDb,
  formatDbfs,
  formatHz,
  formatMw,
  formatOhms,
  formatSignedDb,
  formatVrms,
  signed,
  trim,
  withUnit,
} from '../text/format.ts';
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
        color: var(--_text);
      }
      section {
        margin-bottom: 1.75rem;
      }

      /* The chain: source → amp → splitter → headphones */
      .chain {
        display: flex;
        flex-wrap: wrap;
        align-items: stretch;
        gap: 0.5rem;
        list-style: none;
        padding: 0;
        margin: 0;
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
        font-size: 0.75rem;
        font-weight: 650;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_accent);
      }
      .stage-name {
        font-weight: 650;
        margin: 0.1rem 0 0.35rem;
      }
      .figures {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.88rem;
        color: var(--_muted);
      }
      .figures li {
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
        font-size: 0.88rem;
        color: var(--_muted);
      }

      /* Status lines: the clipping line and the advice's verdicts (ok, near, over). */
      .clipping,
      .verdict {
        display: flex;
        gap: 0.6rem;
        align-items: baseline;
        border-radius: var(--_radius);
        padding: 0.7rem 0.9rem;
        border: 1px solid var(--_border);
        background: var(--_surface-2);
        margin: 0;
      }
      .clipping.ok,
      .verdict.ok {
        background: var(--_good-bg);
        border-color: color-mix(in srgb, var(--_good) 35%, transparent);
      }
      .clipping.near,
      .verdict.near {
        background: var(--_warn-bg);
        border-color: color-mix(in srgb, var(--_warn) 35%, transparent);
      }
      .clipping.over {
        background: var(--_bad-bg);
        border-color: color-mix(in srgb, var(--_bad) 35%, transparent);
      }
      .badge {
        flex: none;
      }

      /* Listeners */
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
        font-weight: 500;
        color: var(--_muted);
        padding-right: 0.75rem;
        white-space: nowrap;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td .sub {
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
      .response-plot .zero {
        stroke: var(--_border);
        stroke-width: 1;
        vector-effect: non-scaling-stroke;
      }
      .response-plot .curve {
        stroke: var(--_accent);
        stroke-width: 1.75;
        fill: none;
        vector-effect: non-scaling-stroke;
      }
      .live {
        display: inline-block;
        vertical-align: 0.12em;
        margin-left: 0.5rem;
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
      }
      .live.ok {
        color: var(--_good);
        background: var(--_good-bg);
      }
      .live.over {
        color: var(--_surface);
        background: var(--_bad);
      }
      .advice {
        display: grid;
        gap: 0.5rem;
      }
      .advice .target {
        text-transform: none;
        letter-spacing: 0;
        font-weight: 500;
        margin-left: 0.3rem;
      }
      .verdict ul {
        margin: 0.4rem 0 0;
        padding-left: 1.1rem;
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
      ${this.story ? html`<p class="story" data-testid="story">${this.story}</p>` : nothing} ${adviceSection(report)}`;
    if (this.show === 'advice') return top;
    return html`
      ${this.show === 'all' ? top : nothing}

      <section aria-labelledby="chain-heading">
        <h3 id="chain-heading">Chain</h3>
        <ol class="chain">
          ${sourceStage(setup.source)} ${setup.amp ? ampStage(setup.amp) : nothing}
          ${setup.splitter ? splitterStage(setup.splitter.cableResistanceOhms, setup.headphones.length) : nothing}
          ${headphonesStage(setup.headphones)}
        </ol>
        <p class="signal">
          Test signal: a 1&nbsp;kHz sine peaking at <span class="num">${formatDbfs(setup.signal.levelDbfs)}</span>.
          Levels are at 1&nbsp;kHz; the response is 20&nbsp;Hz–20&nbsp;kHz relative to 1&nbsp;kHz.
        </p>
      </section>

      <section aria-labelledby="clipping-heading">
        <h3 id="clipping-heading">Clipping</h3>
        ${clippingLine(report.clipping, setup)}
      </section>

      <section aria-labelledby="listeners-heading">
        <h3 id="listeners-heading">${report.headphones.length === 1 ? 'Listener' : `${report.headphones.length} listeners`}</h3>
        <div class="listeners">
          ${report.headphones.map((listener, i) => listenerTable(listener, i, report.headphones.length, this.liveClipping?.[i]))}
        </div>
      </section>
    `;
  }
}

/**
 * The model's advice at the top: one sentence per listener (listeners with the same sentence
 * grouped), then every further reason. The sentences are the model's own.
 */
function adviceSection(report: Report): TemplateResult {
  const groups: { listeners: number[]; advice: Advice }[] = [];
  report.headphones.forEach(({ advice }, i) => {
    const same = groups.find((g) => JSON.stringify(g.advice) === JSON.stringify(advice));
    if (same) same.listeners.push(i + 1);
    else groups.push({ listeners: [i + 1], advice });
  });
  const many = report.headphones.length > 1;
  return html`<section class="advice" aria-labelledby="advice-heading" data-testid="advice">
    <h3 id="advice-heading">Do you need an amp? <span class="target">For ${trim(report.headphones[0]!.advice.targetSplDb)}&nbsp;dB SPL peaks</span></h3>
    ${groups.map(
      ({ listeners, advice }) => html`<div class="verdict ${advice.verdict === 'fine' ? 'ok' : 'near'}" data-testid="verdict" data-verdict=${advice.verdict}>
        ${advice.verdict === 'improve' ? html`<span class="badge warn">Improve</span>` : nothing}
        <div>
          ${many ? html`<strong>${listenerList(listeners, report.headphones.length)}:</strong> ` : nothing}${advice.summary}
          ${advice.reasons.length > 1 ? html`<ul>${advice.reasons.slice(1).map((r) => html`<li>${r.text}</li>`)}</ul>` : nothing}
        </div>
      </div>`,
    )}
  </section>`;
}

function listenerList(listeners: readonly number[], count: number): string {
  if (listeners.length === count) return count === 2 ? 'Both listeners' : `All ${count} listeners`;
  return listeners.length === 1 ? `Listener ${listeners[0]}` : `Listeners ${listeners.join(', ')}`;
}

function sourceStage(source: Source): TemplateResult {
  return html`<li class="stage" data-stage="source">
    <div class="kind">Source</div>
    <div class="stage-name">${source.name}</div>
    <ul class="figures">
      <li>${formatOhms(source.outputImpedanceOhms)} output impedance</li>
      <li>${withUnit(source.maxOutputVrms, 'Vrms')} max at volume ${source.volumeDb === 0 ? '0' : signed(source.volumeDb, 1)}&nbsp;dB</li>
      ${source.maxOutputCurrentMa != null ? html`<li>${withUnit(source.maxOutputCurrentMa, 'mA')} peak current</li>` : nothing}
      ${source.couplingCapacitorUf != null ? html`<li>${withUnit(source.couplingCapacitorUf, 'µF')} coupling capacitor</li>` : nothing}
    </ul>
  </li>`;
}

function ampStage(amp: Amp): TemplateResult {
  return html`<li class="stage" data-stage="amp">
    <div class="kind">Amplifier</div>
    <div class="stage-name">${amp.name}</div>
    <ul class="figures">
      <li>${signed(amp.gainDb, amp.gainDb % 1 === 0 ? 0 : 1)}&nbsp;dB gain, ${formatOhms(amp.inputImpedanceOhms)} input</li>
      <li>${formatOhms(amp.outputImpedanceOhms)} output impedance</li>
      <li>${withUnit(amp.maxOutputVrms, 'Vrms')} rail${amp.maxOutputCurrentMa != null ? html`, ${withUnit(amp.maxOutputCurrentMa, 'mA')} peak` : nothing}</li>
      ${amp.couplingCapacitorUf != null ? html`<li>${withUnit(amp.couplingCapacitorUf, 'µF')} coupling capacitor</li>` : nothing}
      <li>${amp.outputs === 'shared' ? 'Shared output stage' : 'Independent output per jack'}</li>
    </ul>
  </li>`;
}

function splitterStage(cableResistanceOhms: number, ways: number): TemplateResult {
  return html`<li class="stage" data-stage="splitter">
    <div class="kind">Splitter</div>
    <div class="stage-name">Passive ${ways}-way splitter</div>
    <ul class="figures">
      <li>${formatOhms(cableResistanceOhms)} per branch</li>
      <li>All listeners share one output</li>
    </ul>
  </li>`;
}

function headphonesStage(headphones: readonly Headphone[]): TemplateResult {
  return html`<li class="stage" data-stage="headphones">
    <div class="kind">${headphones.length === 1 ? 'Headphones' : `Headphones ×${headphones.length}`}</div>
    <ul class="figures phones">
      ${groupIdentical(headphones).map(
        ({ headphone, count }) => html`<li>
          <strong>${headphone.name}${count > 1 ? ` ×${count}` : ''}</strong><br />
          ${impedanceText(headphone)}, ${trim(headphone.sensitivity.value)}&nbsp;${headphone.sensitivity.unit}
        </li>`,
      )}
    </ul>
  </li>`;
}

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

function clippingLine(clipping: ClippingReport, setup: Setup): TemplateResult {
  if (clipping.limitedBy === 'none' || clipping.stage === null) {
    return html`<p class="clipping ok" data-testid="clipping">
      <span class="badge good">Clean</span>
      <span>No stage clips: every voltage and current limit holds up to 0&nbsp;dBFS at this volume.</span>
    </p>`;
  }
  const stage = clipping.stage === 'amp' ? (setup.amp?.name ?? 'amplifier') : setup.source.name;
  const what = clipping.limitedBy === 'rail' ? 'voltage rail' : 'current limit';
  const margin = clipping.atSignalDbfs - setup.signal.levelDbfs;
  const state = margin < 0 ? 'over' : margin < 3 ? 'near' : 'ok';
  const badge = state === 'over' ? 'Clipping' : state === 'near' ? 'Near limit' : 'Headroom';
  const tone = state === 'over' ? 'bad' : state === 'near' ? 'warn' : 'good';
  const marginText =
    margin < 0
      ? html`the test signal is already <span class="num">${formatDb(-margin)}</span> past it.`
      : html`<span class="num">${formatDb(margin)}</span> above the test signal.`;
  return html`<p class="clipping ${state}" data-testid="clipping">
    <span class="badge ${tone}">${badge}</span>
    <span
      >Limited by the ${what} of the ${clipping.stage} (${stage}) at
      <strong class="num">${formatDbfs(clipping.atSignalDbfs)}</strong>, ${marginText}</span
    >
  </p>`;
}

function liveBadge(clipping: boolean | undefined): TemplateResult | typeof nothing {
  if (clipping === undefined) return nothing;
  return clipping
    ? html`<span class="live over" data-testid="live-clipping">Clipping</span>`
    : html`<span class="live ok" data-testid="live-clipping">Clean</span>`;
}

/** One listener's figures; `clipping` is the live clipping state from the audio meters (undefined when unknown). */
function listenerTable(listener: ListenerReport, index: number, count: number, clipping: boolean | undefined): TemplateResult {
  const deviation = listener.responseDeviationDb;
  const headroomDb = listener.maxCleanSplDb - listener.splDb;
  const change = listener.levelChangeDb;
  return html`<figure class="listener" data-testid="listener">
    <h4>
      ${count > 1 ? html`<span class="index">${index + 1}</span>` : nothing}${listener.name}${liveBadge(clipping)}
    </h4>
    <table>
      <tbody>
        <tr>
          <th scope="row" title="The level of the 1 kHz test sine at its test level, not of the music playing">Test tone</th>
          <td>
            <span class="spl" data-testid="spl">${formatDb(listener.splDb)}</span>&nbsp;SPL
            <span class="sub">1&nbsp;kHz sine, not the music</span>
          </td>
        </tr>
        <tr>
          <th scope="row">Voltage</th>
          <td>
            ${formatVrms(listener.loadVoltageVrms)}<span class="muted">rms</span>
          </td>
        </tr>
        <tr>
          <th scope="row">Power</th>
          <td>${formatMw(listener.powerMw)}</td>
        </tr>
        <tr>
          <th scope="row" title="Versus the same headphone as the only listener on this chain, plugged in directly">
            Change vs alone
          </th>
          <td>
            <span class=${change < -0.05 ? 'loss' : ''}>${formatSignedDb(change)}</span>
          </td>
        </tr>
        <tr>
          <th scope="row" title="SPL of the loudest 1 kHz sine that reaches no voltage or current limit, at this volume">
            Max clean SPL
          </th>
          <td>
            ${formatDb(listener.maxCleanSplDb)}
            <span class="sub">1&nbsp;kHz tone; ${formatSignedDb(headroomDb)} headroom</span>
          </td>
        </tr>
        <tr>
          <th scope="row">Response</th>
          <td>
            ${deviation.max - deviation.min < 0.005
              ? html`Flat (${formatSignedDb(deviation.max, 2)})`
              : html`${formatSignedDb(deviation.min, 2)} at ${formatHz(deviation.minHz)}<br />
                  ${formatSignedDb(deviation.max, 2)} at ${formatHz(deviation.maxHz)}`}
            <span class="sub">re 1 kHz, 20 Hz–20 kHz</span>
          </td>
        </tr>
        ${gearRows(listener)}
      </tbody>
    </table>
    ${responsePlot(listener)}
  </figure>`;
}

/**
 * report@3's figures about the listener's own gear, each only when the report has it: how closely
 * a measured curve's fit follows it, the hiss in plain words, and the crosstalk through shared returns.
 */
function gearRows(listener: ListenerReport): TemplateResult {
  const fit = listener.impedanceFitErrorDb;
  const hiss = listener.hissDbSplA;
  const above = listener.hissAboveThresholdDb;
  const crosstalk = listener.crosstalkDb;
  const loss = listener.sharedReturnLossDb;
  return html`${fit !== null
    ? html`<tr data-testid="fit-error">
        <th scope="row" title="A measured curve is heard through a fitted rational model; this is the largest difference it makes to the response">Curve fit</th>
        <td>
          ${formatDb(fit, 2)}
          <span class="sub">largest response error of the model heard; over 0.1&nbsp;dB it cannot be played</span>
        </td>
      </tr>`
    : nothing}
  ${hiss !== null && above !== null
    ? html`<tr data-testid="hiss">
        <th scope="row" title="The A-weighted level of the source’s and amp’s noise at this headphone, with no music">Hiss</th>
        <td>
          <span class=${above >= 0 ? 'loss' : ''}>${hissInWords(hiss, above)}</span>
        </td>
      </tr>`
    : nothing}
  ${crosstalk !== null
    ? html`<tr data-testid="crosstalk">
        <th scope="row" title="A signal in one channel only: how loud it comes out of the other, through the returns both channels share">Crosstalk</th>
        <td>
          ${formatSignedDb(crosstalk)} at 1&nbsp;kHz
          <span class="sub">leak into the other channel through shared returns</span>
          ${loss !== null && Math.abs(loss) >= 0.005
            ? html`<span class="sub" data-testid="shared-return-loss">Shared return: ${formatSignedDb(loss, 2)} in every level above</span>`
            : nothing}
        </td>
      </tr>`
    : nothing}`;
}

const PLOT_WIDTH = 300;
const PLOT_HEIGHT = 56;

/** Half the plot's height in dB: the largest deviation plus a margin, at least ±1 dB. */
function plotSpanDb(db: readonly number[]): number {
  return Number((Math.max(1, ...db.map((v) => Math.abs(v))) * 1.15).toPrecision(2));
}

/** A small response curve, 20 Hz–20 kHz on a log axis; the scale is at least ±1 dB. */
function responsePlot(listener: ListenerReport): TemplateResult {
  const { hz, db } = listener.response;
  if (hz.length < 2 || hz.length !== db.length) return html``;
  const span = plotSpanDb(db);
  const logMin = Math.log10(hz[0]!);
  const logSpan = Math.log10(hz[hz.length - 1]!) - logMin;
  const x = (f: number) => ((Math.log10(f) - logMin) / logSpan) * PLOT_WIDTH;
  const y = (v: number) => PLOT_HEIGHT / 2 - (v / span) * (PLOT_HEIGHT / 2 - 4);
  const points = hz.map((f, k) => `${x(f).toFixed(1)},${y(db[k]!).toFixed(2)}`).join(' ');
  const scale = `±${trim(span)}\u202fdB`;
  const at = (f: number) => `${((x(f) / PLOT_WIDTH) * 100).toFixed(2)}%`;
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
      <line class="zero" x1=${x(1000)} x2=${x(1000)} y1="0" y2=${PLOT_HEIGHT}></line>
      <polyline class="curve" points=${points}></polyline>`}
    </svg>
    <div class="ticks" aria-hidden="true">
      <span style="left: 0">${formatHz(hz[0]!)}</span>
      <span style="left: ${at(1000)}">1&nbsp;kHz</span>
      <span style="left: 100%">${formatHz(hz[hz.length - 1]!)}</span>
    </div>
  </div>`;
}
