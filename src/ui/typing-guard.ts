/**
 * The one test every page-wide key handler makes first (the app's A/B and Space, the blind
 * test's keys, the classroom's presenter keys): does this key press belong to what has
 * focus? It does while the user types — in a field that takes text, a textarea or an
 * editable element — and when a modifier is held (the browser's and the system's shortcuts).
 * A slider, a checkbox, a button or a select with focus leaves letters to the page.
 */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/** The element the key press is aimed at, through shadow roots. */
function focusedTarget(event: KeyboardEvent): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

export function isTyping(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey || inTextField(event);
}

/** Focus is where text is typed, where the browser's own editing keys (Ctrl/Cmd+Z among them) belong. */
export function inTextField(event: KeyboardEvent): boolean {
  const target = focusedTarget(event);
  if (!target) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * Space presses a focused button and ticks a focused checkbox or radio button (the only key
 * that does), opens a select and folds a summary: there it stays the control's own key.
 */
export function spaceBelongsToFocus(event: KeyboardEvent): boolean {
  const target = focusedTarget(event);
  if (!target) return false;
  if (target instanceof HTMLInputElement) return target.type === 'checkbox' || target.type === 'radio';
  return target.matches('button, select, summary, [role=button], [role=checkbox], [role=switch]');
}
