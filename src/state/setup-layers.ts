/**
 * Which setups the app plays, and the user's own pair kept safe (the app's SetupsController
 * adds the address bar, storage and the Undo notice's timer around it).
 *
 * - `own`: the user's pair. It alone lives in the URL and in the saved copy.
 * - `layer`: setups a lesson step or a claim demonstration plays on top of it. Loading one
 *   never touches `own`; "Back to my setups" (or leaving the lesson) drops the layer and `own`
 *   plays again, exactly as it was. Edits while a layer plays change the layer; "Keep these as
 *   my setups" makes it the user's pair.
 * - Every replacement of `own` the user did not type (a preset, an import, a link shown in
 *   place of the saved pair, a kept layer) goes on an undo stack, so each can be taken back.
 */
import type { ParseResult, Setup } from '../model/setup.ts';
import { URL_PARAM_COMPACT } from './compact-pair.ts';
import { presetOf } from './link.ts';
import type { StateOrigin } from './initial-state.ts';
import { defaultPair, type SetupPair } from './setup-pair.ts';
import { UndoStack } from './undo.ts';
import { URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET, urlWithPair } from './url-state.ts';

/** Where a layer's setups come from, as the screen names them: in full, and short for small screens and the projector. */
export type LayerOrigin = { kind: 'lesson'; lessonId: string; title: string; short: string; step: number } | { kind: 'claim'; title: string; short: string };

/** A lesson step's setups, named by the lesson's title and the step (from 0). */
export function lessonOrigin(lessonId: string, title: string, index: number): LayerOrigin {
  const step = index + 1;
  return { kind: 'lesson', lessonId, title: `lesson “${title}”, step ${step}`, short: `the lesson’s setups (step ${step})`, step };
}

export interface Layer {
  pair: SetupPair;
  origin: LayerOrigin;
  /** The user changed a setup of the layer. */
  edited: boolean;
}

/**
 * The pure rules; a host (the app's SetupsController) overrides the hooks to save the user's
 * pair when it changes and to follow the playing pair.
 */
export class SetupLayers {
  readonly #undo = new UndoStack();
  layer: Layer | null = null;
  /** The last replacement of the user's pair, for an Undo notice; null once undone or dismissed. */
  notice: string | null = null;

  constructor(public own: SetupPair = defaultPair()) {}

  /** The playing pair (or the layer's state) changed. */
  protected changed(): void {}
  /** The user's own pair changed: to be saved. */
  protected saveOwn(): void {}

  /** What plays: the layer's setups, else the user's own. */
  get playing(): SetupPair {
    return this.layer?.pair ?? this.own;
  }

  /** A setup edited on screen: the layer's while one plays, else the user's own. */
  edit(side: 'A' | 'B', setup: Setup): void {
    const key = side === 'A' ? 'a' : 'b';
    if (this.layer) {
      this.layer = { ...this.layer, pair: { ...this.layer.pair, [key]: setup }, edited: true };
    } else {
      this.own = { ...this.own, [key]: setup };
      this.saveOwn();
    }
    this.changed();
  }

  /** Keeps `pair` (the user's, before something replaced it) for undo. */
  remember(label: string, pair: SetupPair): void {
    this.#undo.push(label, pair);
    this.notice = label;
  }

  /** A preset, an import, a kept layer: the user's pair is replaced (undoably) and plays. */
  replaceOwn(pair: SetupPair, label: string): void {
    this.remember(label, this.own);
    this.own = pair;
    this.layer = null;
    this.saveOwn();
    this.changed();
  }

  showLayer(pair: SetupPair, origin: LayerOrigin): void {
    this.layer = { pair, origin, edited: false };
    this.changed();
  }

  /** "Back to my setups", or leaving the lesson: the user's own pair plays again, exactly as it was. */
  backToOwn(): void {
    if (!this.layer) return;
    this.layer = null;
    this.changed();
  }

  /** "Keep these as my setups": the layer's setups become the user's own (undoably). */
  keepLayer(): void {
    if (this.layer) this.replaceOwn(this.layer.pair, `Kept the setups of ${this.layer.origin.title}`);
  }

  /** Takes back the last replacement of the user's pair (dropping any layer); false when there is none. */
  undo(): boolean {
    const entry = this.#undo.pop();
    if (!entry) return false;
    this.own = entry.pair;
    this.layer = null;
    this.saveOwn();
    this.notice = null;
    this.changed();
    return true;
  }
}

/**
 * The address that shows the user's pair: a preset's id when it is one, else the pair's
 * parameters; a share link's compact pair no longer describes the pair once it changed.
 */
export function ownAddress(href: string, own: SetupPair): ParseResult<URL> {
  const url = urlWithPair(href, own);
  if (!url.ok) return url;
  url.value.searchParams.delete(URL_PARAM_COMPACT);
  const preset = presetOf(own);
  if (preset) {
    url.value.searchParams.delete(URL_PARAM_A);
    url.value.searchParams.delete(URL_PARAM_B);
    url.value.searchParams.set(URL_PARAM_PRESET, preset);
  }
  return url;
}

/** A link with setups that were not opened (invalid, or none valid): the address bar must stop showing them. */
export function unopenedLinkSetups(href: string, origin: StateOrigin): boolean {
  if (origin === 'url' || origin === 'preset') return false;
  const params = new URL(href).searchParams;
  return [URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET, URL_PARAM_COMPACT].some((key) => params.has(key));
}
