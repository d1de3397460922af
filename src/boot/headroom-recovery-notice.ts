/**
 * <headroom-recovery-notice>: shown above the app when the boot guard (src/state/boot-guard.ts)
 * set the saved setups aside. Says why in plain words and offers the set-aside copy as a
 * file; the copy stays in storage until the user downloads or discards it.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { recoveredFileText, RECOVERED_FILE_NAME, type Recovered } from '../state/boot-guard.ts';
import { baseStyles } from '../ui/styles.ts';
import { download } from '../ui/download.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-recovery-notice': HeadroomRecoveryNotice;
  }
}

/** Events up: the page removes the stored copy and this element. */

@customElement('headroom-recovery-notice')
export class HeadroomRecoveryNotice extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 80rem;
        margin: 0 auto;
        padding: 1.25rem clamp(0.75rem, 3vw, 2.5rem) 0;
      }
      section {
        border: 1px solid var(--_bad);
        background: var(--_bad-bg);
        border-radius: var(--_radius);
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.35rem;
      }
      p,
      ul {
        margin: 0.25rem 0;
      }
      ul {
        padding-left: 1.25rem;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
      button {
        font: inherit;
        border-radius: 8px;
        padding: 0.35rem 0.8rem;
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: var(--_text);
        cursor: pointer;
      }
      button.primary {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--hr-on-accent, #fff);
      }
    `,
  ];

  @property({ attribute: false }) recovered: Recovered | null = null;

  override render(): TemplateResult | typeof nothing {
    const recovered = this.recovered;
    if (!recovered) return nothing;
    const file = recoveredFileText(recovered);
    return html`<section role="alert" data-testid="recovery-notice">
      <h2>Started on the default setups</h2>
      <ul>
        ${recovered.reasons.map((reason) => html`<li>${reason}</li>`)}
      </ul>
      ${file === null
        ? nothing
        : html`<p>
            ${recovered.linkQuery !== null && recovered.savedText === null ? 'The link’s setups were' : 'Your saved setups were'} set aside, not
            deleted. Download them as a file to keep them; once a wrong value is fixed, import the file under Export.
          </p>`}
      <div class="actions">
        ${file === null
          ? nothing
          : html`<button type="button" class="primary" data-testid="recovery-download" @click=${() => this.download(file)}>Download ${RECOVERED_FILE_NAME}</button>`}
        <button type="button" data-testid="recovery-dismiss" @click=${() => this.done(false)}>${file === null ? 'Dismiss' : 'Discard the copy'}</button>
      </div>
    </section>`;
  }

  private download(text: string): void {
    download(new Blob([text], { type: 'application/json' }), RECOVERED_FILE_NAME);
    this.done(true);
  }

  private done(downloaded: boolean): void {
    this.dispatchEvent(new CustomEvent('recovery-done', { detail: { downloaded }, bubbles: true, composed: true }));
  }
}
