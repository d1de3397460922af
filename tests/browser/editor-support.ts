/** Mounting <headroom-setup-editor> for browser tests: the element, its shadow root, and every setup it sends. */
import { findPreset } from '../../src/model/catalog/presets.ts';
import type { Setup } from '../../src/model/setup.ts';
import type { HeadroomSetupEditor } from '../../src/ui/setup-editor/headroom-setup-editor.ts';
import '../../src/ui/setup-editor/headroom-setup-editor.ts';

export interface MountedEditor {
  editor: HeadroomSetupEditor;
  root: ShadowRoot;
  /** Setups sent with setup-change, as seen on document.body (so the event bubbles out of the shadow root). */
  sent: Setup[];
}

/** Mounts an editor labelled A on `initial` (the default preset's setup A). */
export async function mountEditor(initial: Setup = structuredClone(findPreset('phone-hd600')!.setup)): Promise<MountedEditor> {
  const editor = document.createElement('headroom-setup-editor');
  editor.setup = initial;
  editor.label = 'A';
  const sent: Setup[] = [];
  document.body.addEventListener('setup-change', (event) => sent.push(event.detail.setup));
  document.body.append(editor);
  await editor.updateComplete;
  return { editor, root: editor.shadowRoot!, sent };
}
