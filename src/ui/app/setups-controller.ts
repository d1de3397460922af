/**
 * SetupsController: which setups the app plays, and the user's own pair kept safe.
 *
 * - `own`: the user's pair. It alone lives in the URL and in the saved copy.
 * - `layer`: setups a lesson step or a claim demonstration plays on top of it. Loading one
 *   never touches `own`, the URL or storage; "Back to my setups" (or leaving the lesson)
 *   drops the layer and `own` plays again, exactly as it was. Edits while a layer plays
 *   change the layer; "Keep these as my setups" makes it the user's pair.
 * - Every replacement of `own` the user did not type (a preset, an import, a link shown in
 *   place of the saved pair) goes on an undo stack: an Undo notice for UNDO_NOTICE_MS, and
 *   Ctrl/Cmd+Z (the host calls `undo()`).
 * - The listening target (the advice's peak SPL) is kept with the saved pair.
 *
 * The host renders from `playing`, `layer`, `notice` and `targetSplDb`, and hears about the
 * playing pair through `onPlaying` (the sound follows it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TARGET_SPL_DB } from '../../model/advice.ts';
import type { Setup } from '../../model/setup.ts';
import {
  defaultPair,
  initialState,
  presetOf,
  samePair,
  saveState,
  UndoStack,
  urlWithPair,
  URL_PARAM_A,
  URL_PARAM_B,
  URL_PARAM_COMPACT,
  URL_PARAM_PRESET,
  type InitialState,
  type SetupPair,
  type StorageLike,
} from '../../state/index.ts';
import type { Side } from '../../audio/engine/types.ts';

/** Where a layer's setups come from, as the screen names them: in full, and short for small screens and the projector. */
export type LayerOrigin = { kind: 'lesson'; lessonId: string; title: string; short: string; step: number } | { kind: 'claim'; title: string; short: string };

export interface Layer {
  pair: SetupPair;
  origin: LayerOrigin;
  /** The user changed a setup of the layer. */
  edited: boolean;
}

const UNDO_NOTICE_MS = 10_000;

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (privacy settings): the app still runs, it only cannot save.
  }
}

export class SetupsController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly storage: StorageLike | null;
  private readonly undoStack = new UndoStack();
  private noticeTimer = 0;

  own: SetupPair = defaultPair();
  layer: Layer | null = null;
  targetSplDb = DEFAULT_TARGET_SPL_DB;
  /** The Undo notice on screen: what the last replacement was. */
  notice: string | null = null;
  /** False until the first state (from the link, storage or the defaults) is in. */
  ready = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly onPlaying: (pair: SetupPair) => void,
    private readonly onProblems: (messages: string[]) => void,
    storage: StorageLike | null = browserStorage(),
  ) {
    this.host = host;
    this.storage = storage;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    window.clearTimeout(this.noticeTimer);
  }

  /** Reads the link, the saved copy or the defaults; resolves with what the app must show or open. */
  async start(url: string): Promise<InitialState> {
    const start = await initialState(url, this.storage);
    this.own = start.pair;
    this.targetSplDb = start.targetSplDb;
    // A link's setups stand in for the saved ones: offer them back.
    if (start.savedPair && !samePair(start.savedPair, start.pair)) this.remember('Opened the setups of the link', start.savedPair);
    // A link that was not opened leaves the address bar, which shows the setups on screen instead (nothing is saved by this).
    const params = new URL(url).searchParams;
    const linkShown = start.origin === 'url' || start.origin === 'preset';
    if (!linkShown && [URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET, URL_PARAM_COMPACT].some((key) => params.has(key))) this.writeAddress();
    this.ready = true;
    this.changed();
    return start;
  }

  /** What plays: the layer's setups, else the user's own. */
  get playing(): SetupPair {
    return this.layer?.pair ?? this.own;
  }

  /** The preset the playing pair is, if it is one ("Custom" otherwise); worked out once per pair. */
  get presetId(): string {
    const playing = this.playing;
    if (this.preset?.pair !== playing) this.preset = { pair: playing, id: presetOf(playing) ?? '' };
    return this.preset.id;
  }

  private preset: { pair: SetupPair; id: string } | null = null;

  /** A setup edited on screen: the layer's while one plays, else the user's own (saved). */
  edit(side: Side, setup: Setup): void {
    const key = side === 'A' ? 'a' : 'b';
    if (this.layer) {
      this.layer = { ...this.layer, pair: { ...this.layer.pair, [key]: setup }, edited: true };
      this.changed();
      return;
    }
    this.own = { ...this.own, [key]: setup };
    this.persist();
    this.changed();
  }

  /** A preset, an import: the user's pair is replaced (undoably) and plays. */
  replaceOwn(pair: SetupPair, label: string): void {
    this.remember(label, this.own);
    this.own = pair;
    this.layer = null;
    this.persist();
    this.changed();
  }

  /** A lesson step's or a claim's setups, played on top of the user's own. */
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

  /** The layer's setups become the user's own (undoable). */
  keepLayer(): void {
    if (!this.layer) return;
    this.replaceOwn(this.layer.pair, `Kept the setups of ${this.layer.origin.title}`);
  }

  /** Takes back the last replacement of the user's pair; false when there is none. */
  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    this.own = entry.pair;
    this.layer = null;
    this.persist();
    this.notice = null;
    this.changed();
    return true;
  }

  get canUndo(): boolean {
    return this.undoStack.size > 0;
  }

  setTarget(targetSplDb: number): void {
    this.targetSplDb = targetSplDb;
    this.persist();
    this.host.requestUpdate();
  }

  dismissNotice(): void {
    window.clearTimeout(this.noticeTimer);
    this.notice = null;
    this.host.requestUpdate();
  }

  private remember(label: string, pair: SetupPair): void {
    this.undoStack.push(label, pair);
    this.notice = label;
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => this.dismissNotice(), UNDO_NOTICE_MS);
  }

  private changed(): void {
    this.onPlaying(this.playing);
    this.host.requestUpdate();
  }

  /** The user's pair (and target) into the URL and the saved copy; problems are reported, never thrown. */
  private persist(): void {
    const problems = this.writeAddress();
    const saved = saveState(this.storage, this.own, new Date(), this.targetSplDb);
    if (!saved.ok) problems.push(...saved.errors);
    if (problems.length > 0) this.onProblems(problems);
  }

  /** The user's pair into the address bar (a preset's id when it is one); returns the problems. */
  private writeAddress(): string[] {
    const url = urlWithPair(window.location.href, this.own);
    if (url.ok) {
      // A share link's compact pair no longer describes the user's pair once it changed.
      url.value.searchParams.delete(URL_PARAM_COMPACT);
      const preset = presetOf(this.own);
      if (preset) {
        url.value.searchParams.delete(URL_PARAM_A);
        url.value.searchParams.delete(URL_PARAM_B);
        url.value.searchParams.set(URL_PARAM_PRESET, preset);
      }
      window.history.replaceState(null, '', url.value);
      return [];
    }
    return [...url.errors];
  }
}
