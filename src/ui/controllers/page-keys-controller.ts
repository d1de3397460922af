/**
 * Listens to the whole page's key presses while its host is in the page: the app's A/B and
 * Space, the classroom's presenter keys. The handler decides (with typing-guard.ts) whether a
 * press is its own.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PageKeysController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onKeyDown: (event: KeyboardEvent) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }
}
