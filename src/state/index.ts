/** The app's state: the setup pair, its URL and share-link forms, its saved form and its file form. Pure; no DOM. */
export { defaultPair, pairFromPreset, qualifyMessage, type PairKey, type SetupPair } from './setup-pair.ts';
export {
  decodeSetupParam,
  decodeUrlState,
  encodeSetupParam,
  encodeUrlState,
  MAX_URL_PARAM_CHARS,
  URL_PARAM_A,
  URL_PARAM_B,
  URL_PARAM_PRESET,
  urlWithPair,
  type UrlState,
} from './url-state.ts';
export { decodeCompactPair, encodeCompactPair, samePair, URL_PARAM_COMPACT } from './compact-pair.ts';
export { decodeLink, presetOf, shareQuery, shareUrl, URL_PARAM_LESSON, URL_PARAM_STEP, type Link, type LinkLesson, type ShareState } from './link.ts';
export {
  loadSavedState,
  MAX_SAVED_STATE_CHARS,
  parseSavedState,
  SAVED_STATE_FORMAT,
  SAVED_STATE_FORMAT_V1,
  saveState,
  serializeSavedState,
  STORAGE_KEY,
  type SavedState,
  type SavedStateEnvelope,
  type StorageLike,
} from './saved-state.ts';
export { exportPairJson, importPairJson, MAX_PAIR_FILE_CHARS, PAIR_FILE_FORMAT, PAIR_FILE_NAME, parsePairFile, readPairFile, type PairFile } from './pair-file.ts';
export { decodeSetupFileText, fileTooLarge, MAX_SETUP_FILE_BYTES, readSetupFileText } from './setup-file-text.ts';
export { initialState, type InitialState, type StateOrigin } from './initial-state.ts';
export { UndoStack, type UndoEntry } from './undo.ts';
