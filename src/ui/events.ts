/**
 * Every event a component sends up (emit.ts), in one map: its name, the component that sends
 * it and its detail. <headroom-app> listens to them; `emit` checks a detail against this map,
 * and a handler written outside a template names its event as `UiEvent<'side-change'>`.
 */
import type { AbxResults, AbxSide } from '../abx/session.ts';
import type { InputChoice } from '../audio/input-engine/input-engine.ts';
import type { Side } from '../audio/engine/types.ts';
import type { SearchEntry } from '../model/catalog/search.ts';
import type { Setup } from '../model/setup.ts';
import type { SetupPair } from '../state/setup-pair.ts';
import type { LoopStretch } from './abx/headroom-abx.ts';
import type { SourceChoice } from '../audio/engine/index.ts';
import type { LessonListenDetail } from './teach/headroom-lesson.ts';
import type { ResponsePlotMode } from './views/headroom-response-plot.ts';

declare global {
  interface HTMLElementEventMap {
    // <headroom-setup-editor>
    'setup-change': CustomEvent<{ setup: Setup }>;
    // <headroom-gear-search>
    'gear-pick': CustomEvent<{ entry: SearchEntry }>;
    // <headroom-response-plot>
    'response-mode-change': CustomEvent<{ mode: ResponsePlotMode }>;
    // <headroom-target-field>
    'target-change': CustomEvent<{ targetSplDb: number }>;
    // <headroom-ab-switch>
    'side-change': CustomEvent<{ side: Side }>;
    'listener-change': CustomEvent<{ side: Side; index: number }>;
    'match-loudness-change': CustomEvent<{ on: boolean }>;
    // <headroom-transport>
    'transport-play': CustomEvent<{ playing: boolean }>;
    'transport-seek': CustomEvent<{ seconds: number }>;
    'transport-loop': CustomEvent<{ loop: boolean }>;
    // <headroom-level-controls>
    'listening-level-change': CustomEvent<{ db: number }>;
    'calibration-change': CustomEvent<{ dbSpl: number }>;
    // <headroom-export-panel>
    'export-wav': CustomEvent<{ side: Side; startSeconds: number; endSeconds: number }>;
    'export-pair': CustomEvent<Record<string, never>>;
    'import-pair': CustomEvent<{ file: File }>;
    // <headroom-source-picker>
    'source-choose': CustomEvent<{ choice: SourceChoice }>;
    // <headroom-input-panel>
    'input-change': CustomEvent<{ side: Side; choice: InputChoice }>;
    'input-play': CustomEvent<{ playing: boolean }>;
    'input-side-change': CustomEvent<{ side: Side }>;
    // <headroom-abx>
    'abx-listen': CustomEvent<{ side: AbxSide; loudnessMatched: boolean; loop: LoopStretch | null }>;
    'abx-loudness': CustomEvent<{ matched: boolean }>;
    'abx-complete': CustomEvent<{ results: AbxResults }>;
    // <headroom-claims>
    'load-pair': CustomEvent<{ pair: SetupPair; title: string }>;
    // <headroom-lesson>
    'lesson-listen': CustomEvent<LessonListenDetail>;
    'lesson-step': CustomEvent<{ lessonId: string; index: number; count: number }>;
    // <headroom-lessons>
    'lesson-select': CustomEvent<{ id: string }>;
    // <headroom-preset-picker>
    'preset-change': CustomEvent<{ id: string }>;
  }
}

/** The event of that name with its detail. */
export type UiEvent<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K];
