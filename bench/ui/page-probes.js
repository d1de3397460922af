// Installed in the bench's pages before any of the app's scripts (page.addInitScript): the
// observers whose entries the UI bench reads. Plain browser JavaScript, no imports.
(() => {
  const probes = {
    longTasks: [],
    shifts: [],
    clickAt: null,
    soundAt: null,
    frames: 0,
  };
  window.__uiBench = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    // Every shift counts, those right after an input (hadRecentInput) included.
    for (const entry of list.getEntries()) probes.shifts.push({ at: entry.startTime, value: entry.value, afterInput: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
  // The time of the Play click, from the event itself (capturing at the window sees it first).
  window.addEventListener(
    'click',
    (event) => {
      if (event.composedPath().some((node) => node instanceof Element && node.getAttribute('data-testid') === 'play')) probes.clickAt = event.timeStamp;
    },
    true,
  );
  /** Counts animation frames from now; returns a function that stops and gives the count. */
  probes.countFrames = () => {
    let count = 0;
    let on = true;
    const tick = () => {
      if (!on) return;
      count += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return () => {
      on = false;
      return count;
    };
  };
})();
