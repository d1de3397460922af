/**
 * Events up: every component tells the page what the user asked for with a CustomEvent that
 * bubbles and crosses shadow roots (composed), so <headroom-app> hears it wherever the
 * component sits. An event declared in HTMLElementEventMap (events.ts) gets its detail checked.
 */
type DetailOf<K extends string> = K extends keyof HTMLElementEventMap ? (HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never) : object;

export function emit<K extends string>(host: EventTarget, type: K, detail: DetailOf<K>): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
