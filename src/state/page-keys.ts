/**
 * The app's page-wide keys as a decision: Ctrl/Cmd+Z undoes a replaced pair, A and B switch
 * the heard side, Space plays or pauses. The view reads the facts off the key press (through
 * shadow roots, src/ui/typing-guard.ts) and does what this returns.
 */

/** The keys pressed (a KeyboardEvent is one); `key` as `KeyboardEvent.key`, either case. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the press lands. */
export interface KeyFocus {
  /** Focus is where text is typed (the browser's own editing keys, Ctrl/Cmd+Z among them, belong there). */
  inTextField: boolean;
  /** The press comes from a component that keeps its own keys (the blind test, the input side). */
  inOwnKeys: boolean;
  /** Space presses the focused button, ticks the focused checkbox, opens the focused select. */
  spaceBelongsToFocus: boolean;
}

export type PageKeyAction = { kind: 'undo' } | { kind: 'hear'; side: 'A' | 'B' } | { kind: 'toggle-play' };

/**
 * What a key press does on the page, or null when it is not the page's: undo anywhere but in a
 * text field; the other keys not while typing or with a modifier held, not inside a component
 * with keys of its own, and Space not where it is the focused control's own key.
 */
export function pageKeyAction(chord: KeyChord, focus: KeyFocus): PageKeyAction | null {
  const key = chord.key.toLowerCase();
  if (key === 'z' && (chord.ctrlKey || chord.metaKey) && !chord.altKey && !chord.shiftKey) return focus.inTextField ? null : { kind: 'undo' };
  if (chord.ctrlKey || chord.metaKey || chord.altKey || focus.inTextField || focus.inOwnKeys) return null;
  if (key === 'a' || key === 'b') return { kind: 'hear', side: key === 'a' ? 'A' : 'B' };
  return key === ' ' && !focus.spaceBelongsToFocus ? { kind: 'toggle-play' } : null;
}
