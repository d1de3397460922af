/**
 * FileDropController: a file dropped anywhere on the page is handed to `onFile`, instead of
 * the browser leaving the app to show it. While files are dragged over the page the host's
 * `dragging` flag (read through `onDragging`) is true, so it can show where to let go.
 * A drop that something on the page already handled (defaultPrevented) is left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether a drag carries files (not text or a link). */
export const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

export class FileDropController implements ReactiveController {
  #depth = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly onFile: (file: File) => void,
    private readonly onDragging: (dragging: boolean) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('dragenter', this.#enter);
    window.addEventListener('dragover', this.#over);
    window.addEventListener('dragleave', this.#leave);
    window.addEventListener('drop', this.#drop);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragenter', this.#enter);
    window.removeEventListener('dragover', this.#over);
    window.removeEventListener('dragleave', this.#leave);
    window.removeEventListener('drop', this.#drop);
    this.#depth = 0;
  }

  #enter = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    this.#depth += 1;
    if (this.#depth === 1) this.onDragging(true);
  };

  #over = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    // Without this the drop is the browser's: it would open the file in place of the app.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };

  #leave = (event: DragEvent): void => {
    if (!carriesFiles(event) || this.#depth === 0) return;
    this.#depth -= 1;
    if (this.#depth === 0) this.onDragging(false);
  };

  #drop = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    const handled = event.defaultPrevented;
    event.preventDefault();
    this.#depth = 0;
    this.onDragging(false);
    const file = event.dataTransfer?.files[0];
    if (!handled && file) this.onFile(file);
  };
}
