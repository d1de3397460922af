/**
 * Links: what a shared address holds, and the shortest address that holds a state exactly
 * (docs/state.md, "Share links"). A link names
 *
 *   the setups   ?a=…&b=…  (base64url JSON, the long form the address bar keeps)
 *                ?p=…      (compact: catalog ids, deflated; compact-pair.ts)
 *                ?preset=… (a preset and its pairedWith)
 *   a lesson     ?lesson=<id>&step=<n>  (n from 1; without setups: that step's own setups)
 *
 * `a`/`b` win over `p`, `p` over `preset`. The lesson's id and step are checked for form here;
 * whether the lesson exists is the teaching code's question (src/teach/lessons/link.ts).
 */
import { presets } from '../model/catalog/presets.ts';
import type { ParseResult } from '../model/setup.ts';
import { decodeCompactPair, encodeCompactPair, samePair, URL_PARAM_COMPACT } from './compact-pair.ts';
import { pairFromPreset, type SetupPair } from './setup-pair.ts';
import { CUT_SHORT, decodeUrlState, paramsOf, URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET, type UrlInput, type UrlState } from './url-state.ts';

export const URL_PARAM_LESSON = 'lesson';
export const URL_PARAM_STEP = 'step';
export const MAX_LESSON_STEP = 99;

/** A lesson and a step of it, the step counted from 1 as the lesson shows it ("Step 4 of 6"). */
export interface LinkLesson {
  id: string;
  step: number;
}

export interface Link {
  setups: UrlState;
  lesson: LinkLesson | null;
  /** Problems with the lesson parameters (the setups' own are in `setups`). */
  lessonMessages: string[];
}

/** Reads a link; never throws. */
export async function decodeLink(input: UrlInput): Promise<Link> {
  const params = paramsOf(input);
  let setups = decodeUrlState(params);
  if (!params.has(URL_PARAM_A) && !params.has(URL_PARAM_B) && params.has(URL_PARAM_COMPACT)) {
    const values = params.getAll(URL_PARAM_COMPACT);
    const decoded: ParseResult<SetupPair> =
      values.length > 1 ? { ok: false, errors: [`URL parameter "${URL_PARAM_COMPACT}" appears ${values.length} times (give it once)`] } : await decodeCompactPair(values[0]!);
    setups = decoded.ok ? { kind: 'ok', pair: decoded.value, from: 'setups' } : { kind: 'invalid', messages: decoded.errors, cutShort: decoded.errors.every((m) => m.includes(CUT_SHORT)) };
  }
  return { setups, ...readLesson(params) };
}

function readLesson(params: URLSearchParams): Pick<Link, 'lesson' | 'lessonMessages'> {
  if (!params.has(URL_PARAM_LESSON)) {
    return { lesson: null, lessonMessages: params.has(URL_PARAM_STEP) ? [`URL parameter "${URL_PARAM_STEP}" needs a "${URL_PARAM_LESSON}" parameter`] : [] };
  }
  const id = params.get(URL_PARAM_LESSON) ?? '';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 60) {
    return { lesson: null, lessonMessages: [`URL parameter "${URL_PARAM_LESSON}" must be a lesson id such as "splitters" (got ${JSON.stringify(id.slice(0, 60))})`] };
  }
  const stepText = params.get(URL_PARAM_STEP);
  if (stepText === null) return { lesson: { id, step: 1 }, lessonMessages: [] };
  const step = /^\d{1,2}$/.test(stepText) ? Number(stepText) : Number.NaN;
  if (!(step >= 1 && step <= MAX_LESSON_STEP)) {
    return { lesson: null, lessonMessages: [`URL parameter "${URL_PARAM_STEP}" must be a whole number from 1 to ${MAX_LESSON_STEP} (got ${JSON.stringify(stepText.slice(0, 20))})`] };
  }
  return { lesson: { id, step }, lessonMessages: [] };
}

/** What a share link must reproduce: the setups playing, and the lesson step on screen with the setups it loads by itself. */
export interface ShareState {
  pair: SetupPair;
  lesson: (LinkLesson & { pair: SetupPair | null }) | null;
}

/**
 * The shortest query (no "?") that reproduces `state` exactly: the lesson step alone when its
 * own setups are playing, a preset's id when a preset pair is, else the compact setups.
 */
export async function shareQuery(state: ShareState): Promise<string> {
  const params = new URLSearchParams();
  const { lesson, pair } = state;
  if (lesson) {
    params.set(URL_PARAM_LESSON, lesson.id);
    params.set(URL_PARAM_STEP, String(lesson.step));
    if (lesson.pair && samePair(lesson.pair, pair)) return params.toString();
  }
  const preset = presetOf(pair);
  if (preset) params.set(URL_PARAM_PRESET, preset);
  else params.set(URL_PARAM_COMPACT, await encodeCompactPair(pair));
  return params.toString();
}

/** `base` (its origin and path) with the share query, for a QR code. */
export async function shareUrl(base: URL | string, state: ShareState): Promise<URL> {
  const url = new URL(base.toString());
  url.search = await shareQuery(state);
  url.hash = '';
  return url;
}

/** The id of the preset whose pair this is, if any. */
export function presetOf(pair: SetupPair): string | null {
  for (const preset of presets) {
    const candidate = pairFromPreset(preset.id);
    if (candidate.ok && samePair(candidate.value, pair)) return preset.id;
  }
  return null;
}
