/** Hands a file the page made (a WAV, the pair, ABX results, a recovered copy) to the browser's download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once started; free the blob soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
