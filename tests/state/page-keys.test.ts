import { describe, expect, it } from 'vitest';
import { pageKeyAction, type KeyChord, type KeyFocus } from '../../src/state/page-keys.ts';

const chord = (key: string, held: Partial<Omit<KeyChord, 'key'>> = {}): KeyChord => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...held });
const onPage: KeyFocus = { inTextField: false, inOwnKeys: false, spaceBelongsToFocus: false };

describe('the page-wide keys', () => {
  it('A and B (either case, Shift or not) switch the heard side; Space plays or pauses', () => {
    expect(pageKeyAction(chord('a'), onPage)).toEqual({ kind: 'hear', side: 'A' });
    expect(pageKeyAction(chord('B', { shiftKey: true }), onPage)).toEqual({ kind: 'hear', side: 'B' });
    expect(pageKeyAction(chord(' '), onPage)).toEqual({ kind: 'toggle-play' });
    expect(pageKeyAction(chord('x'), onPage)).toBeNull();
  });

  it('Ctrl+Z and Cmd+Z undo anywhere but in a text field, where the browser’s own undo stays', () => {
    expect(pageKeyAction(chord('z', { ctrlKey: true }), onPage)).toEqual({ kind: 'undo' });
    expect(pageKeyAction(chord('Z', { metaKey: true }), { ...onPage, inOwnKeys: true })).toEqual({ kind: 'undo' });
    expect(pageKeyAction(chord('z', { ctrlKey: true }), { ...onPage, inTextField: true })).toBeNull();
  });

  it('Ctrl+Shift+Z and Ctrl+Alt+Z are not undo (redo and system shortcuts)', () => {
    expect(pageKeyAction(chord('z', { ctrlKey: true, shiftKey: true }), onPage)).toBeNull();
    expect(pageKeyAction(chord('z', { ctrlKey: true, altKey: true }), onPage)).toBeNull();
  });

  it('A, B and Space are left alone while typing, with a modifier held, and inside a component with keys of its own', () => {
    for (const key of ['a', 'b', ' ']) {
      expect(pageKeyAction(chord(key), { ...onPage, inTextField: true })).toBeNull();
      expect(pageKeyAction(chord(key), { ...onPage, inOwnKeys: true })).toBeNull();
      for (const held of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(pageKeyAction(chord(key, { [held]: true }), onPage)).toBeNull();
    }
  });

  it('Space stays the focused control’s own key (a button, a checkbox, a select); A and B do not', () => {
    const onButton = { ...onPage, spaceBelongsToFocus: true };
    expect(pageKeyAction(chord(' '), onButton)).toBeNull();
    expect(pageKeyAction(chord('a'), onButton)).toEqual({ kind: 'hear', side: 'A' });
  });
});
