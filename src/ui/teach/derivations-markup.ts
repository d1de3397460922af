/**
 * Renders the derivation markup of src/teach/derivations.ts as HTML without MathML:
 * {X_sub} → <var>X</var><sub>sub</sub>, {X} → <var>X</var>, ^(…) → <sup>…</sup> (nested markup inside).
 */
import { html, type TemplateResult } from 'lit';

const TOKEN = /\{([^}]+)\}|\^\(((?:[^()]|\([^()]*\))*)\)/g;

export function renderMarkup(markup: string): (TemplateResult | string)[] {
  const parts: (TemplateResult | string)[] = [];
  let last = 0;
  for (const match of markup.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(markup.slice(last, index));
    if (match[1] !== undefined) {
      const [name, ...sub] = match[1].split('_');
      parts.push(sub.length > 0 ? html`<var>${name}</var><sub>${sub.join('_')}</sub>` : html`<var>${name}</var>`);
    } else {
      parts.push(html`<sup>${renderMarkup(match[2] ?? '')}</sup>`);
    }
    last = index + match[0].length;
  }
  if (last < markup.length) parts.push(markup.slice(last));
  return parts;
}
