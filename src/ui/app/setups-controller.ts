/**
 * SetupsController: the app's setups (src/state/setup-layers.ts: the user's own pair, a
 * lesson's or claim's layer on top, undo) kept in the address bar and the saved copy, with the
 * Undo notice of the last replacement shown for UNDO_NOTICE_MS (Ctrl/Cmd+Z: the host calls
 * `undo()`). The listening target (the advice's peak SPL) is kept with the saved pair.
 *
 * The host renders from `playing`, `layer`, `notice` and `targetSplDb`, and hears about the
 * playing pair through `onPlaying` (the sound follows it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TARGET_SPL_DB } from '../../model/advice.ts';
import { initialState, ownAddress, presetOf, samePair, saveState, SetupLayers, unopenedLinkSetups, type InitialState, type SetupPair, type StorageLike } from '../../state/index.ts';

const UNDO_NOTICE_MS = 10_000;

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (privacy settings): the app still runs, it only cannot save.
  }
}

export class SetupsController extends SetupLayers implements ReactiveController {
  private noticeTimer = 0;
  private preset: { pair: SetupPair; id: string } | null = null;
  targetSplDb = DEFAULT_TARGET_SPL_DB;
  /** False until the first state (from the link, storage or the defaults) is in. */
  ready = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onPlaying: (pair: SetupPair) => void,
    private readonly onProblems: (messages: string[]) => void,
    private readonly storage: StorageLike | null = browserStorage(),
  ) {
    super();
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
    // Nothing is saved by this: the address bar shows the setups on screen instead of a link that was not opened.
    if (unopenedLinkSetups(url, start.origin)) this.writeAddress();
    this.ready = true;
    this.changed();
    return start;
  }

  /** The preset the playing pair is, if it is one ("Custom" otherwise); worked out once per pair. */
  get presetId(): string {
    const playing = this.playing;
    if (this.preset?.pair !== playing) this.preset = { pair: playing, id: presetOf(playing) ?? '' };
    return this.preset.id;
  }

  override remember(label: string, pair: SetupPair): void {
    super.remember(label, pair);
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => this.dismissNotice(), UNDO_NOTICE_MS);
  }

  setTarget(targetSplDb: number): void {
    this.targetSplDb = targetSplDb;
    this.saveOwn();
    this.host.requestUpdate();
  }

  dismissNotice(): void {
    window.clearTimeout(this.noticeTimer);
    this.notice = null;
    this.host.requestUpdate();
  }

  protected override changed(): void {
    this.onPlaying(this.playing);
    this.host.requestUpdate();
  }

  /** The user's pair (and target) into the URL and the saved copy; problems are reported, never thrown. */
  protected override saveOwn(): void {
    const problems = this.writeAddress();
    const saved = saveState(this.storage, this.own, new Date(), this.targetSplDb);
    if (!saved.ok) problems.push(...saved.errors);
    if (problems.length > 0) this.onProblems(problems);
  }

  /** The user's pair into the address bar; returns the problems. */
  private writeAddress(): string[] {
    const url = ownAddress(window.location.href, this.own);
    if (!url.ok) return [...url.errors];
    window.history.replaceState(null, '', url.value);
    return [];
  }
}
