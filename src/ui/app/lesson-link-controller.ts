/**
 * LessonLinkController: the lesson and step on screen (shared by the Lessons section and the
 * classroom), a lesson opened from a link, the lesson's setups as a layer over the user's
 * own (SetupsController), and the share link that reproduces exactly what is on screen.
 *
 * - A link `?lesson=…&step=…` opens that step ("focused": the page shows it first, with Play
 *   and A/B in the playing bar). Without setups of its own the link plays the step's setups.
 * - Listen in a lesson plays its setups as a layer; picking another lesson or leaving the
 *   classroom drops that layer, and the user's own setups play again.
 * - `shareUrl` is recomputed whenever the setups playing or the step change: the lesson step
 *   alone when its own setups play, else a preset id, else the compact setups (src/state/link.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lessonOrigin, shareUrl, type InitialState, type LayerOrigin, type SetupPair } from '../../state/index.ts';
import { findLesson, lessons } from '../../teach/lessons/index.ts';
import { lessonFromLink, lessonStepPair } from '../../teach/lessons/link.ts';
import type { SetupsController } from './setups-controller.ts';
import type { UiEvent } from '../events.ts';

export class LessonLinkController implements ReactiveController {
  /** The lesson shown ('' until one is picked: the first lesson then). */
  id = '';
  /** Its step, from 0. */
  index = 0;
  /** Opened from a link: the page shows the lesson first. */
  focused = false;
  /** The address that opens what is on screen, for the classroom's QR code. */
  shareUrl = '';
  private shared: { pair: SetupPair; id: string; index: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private readonly setups: SetupsController,
    private readonly onProblems: (messages: string[]) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    if (!this.setups.ready) return;
    const pair = this.setups.playing;
    const id = this.lessonId;
    if (this.shared?.pair === pair && this.shared.id === id && this.shared.index === this.index) return;
    const shared = { pair, id, index: this.index };
    this.shared = shared;
    const lesson = findLesson(id);
    const base = window.location.href;
    void shareUrl(base, { pair, lesson: lesson ? { id, step: this.index + 1, pair: lessonStepPair(lesson, this.index) } : null }).then((url) => {
      if (this.shared !== shared) return; // the state moved on while this was encoded
      this.shareUrl = url.href;
      this.host.requestUpdate();
    });
  }

  /** The lesson's id, the first lesson's when none was picked. */
  private get lessonId(): string {
    return this.id || (lessons()[0]?.id ?? '');
  }

  /** The lesson named by the link the page opened with, if any. */
  open(start: InitialState): void {
    if (!start.lesson) return;
    const found = lessonFromLink(start.lesson);
    if (!found.ok) {
      this.onProblems(found.errors);
      return;
    }
    const { lesson, index } = found.value;
    this.id = lesson.id;
    this.index = index;
    this.focused = true;
    // A link without setups plays the step's own; a link with setups plays those (they are the user's for this visit).
    const linkHadSetups = start.origin === 'url' || start.origin === 'preset';
    const pair = lessonStepPair(lesson, index);
    if (!linkHadSetups && pair) this.setups.showLayer(structuredClone(pair), this.origin(index));
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector('#lessons')?.scrollIntoView({ block: 'start' }));
  }

  select(id: string): void {
    if (id === this.lessonId) return;
    this.leave();
    this.id = id;
    this.index = 0;
    this.host.requestUpdate();
  }

  readonly onStep = (event: UiEvent<'lesson-step'>): void => {
    this.id = event.detail.lessonId;
    this.index = event.detail.index;
    this.host.requestUpdate();
  };

  /** Listen in a lesson: its setups play on top of the user's own. */
  showStepSetups(pair: SetupPair): void {
    this.setups.showLayer(pair, this.origin(this.index));
  }

  /** Leaving the lesson (the classroom, or for another lesson): the user's own setups play again. */
  leave(): void {
    if (this.setups.layer?.origin.kind === 'lesson') this.setups.backToOwn();
  }

  private origin(index: number): LayerOrigin {
    return lessonOrigin(this.lessonId, findLesson(this.lessonId)?.title ?? this.lessonId, index);
  }
}
