/** The app's state: the setup pair, its URL and share-link forms, its saved form and its file form. Pure; no DOM. */
export { defaultPair, pairFromPreset, type SetupPair } from './setup-pair.ts';
export { decodeUrlState, encodeSetupParam, encodeUrlState } from './url-state.ts';
export { samePair } from './compact-pair.ts';
export { presetOf, shareUrl } from './link.ts';
export { saveState, serializeSavedState, STORAGE_KEY, type StorageLike } from './saved-state.ts';
export { exportPairJson, importPairJson, PAIR_FILE_NAME, readPairFile } from './pair-file.ts';
export { initialState, type InitialState } from './initial-state.ts';
export { lessonOrigin, ownAddress, SetupLayers, unopenedLinkSetups, type LayerOrigin } from './setup-layers.ts';
export { adviceOf, pairView, storyOf, wavFileName, type PairView } from './pair-view.ts';
