// Installed in a page before any of the app's scripts (page.addInitScript), by the UI bench
// (bench/ui/ui-bench.mjs) and the page's end-to-end tests (tests/browser/page-quality.e2e.test.ts):
// long tasks, layout shifts, the Play click, animation frames (shown, and asked for by the page),
// and how many times each kind
// of custom element updated (render and commit). Plain browser JavaScript, no imports.
(() => {
  const probes = {
    longTasks: [],
    shifts: [],
    clickAt: null,
    /** Updates per custom element name (LitElement's update(): a render and its commit). */
    updates: {},
    /** Animation frames the page asked for (each one costs a frame's work, changed or not). */
    frameRequests: 0,
  };
  window.__pageProbes = probes;
  // The probes' own frame counter uses the unwrapped function, so it is not counted.
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => {
    probes.frameRequests += 1;
    return requestFrame(callback);
  };
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
  // Every custom element class is wrapped as it is defined, so its updates are counted.
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    const update = constructor.prototype.update;
    if (typeof update === 'function') {
      constructor.prototype.update = function (changed) {
        probes.updates[name] = (probes.updates[name] ?? 0) + 1;
        return update.call(this, changed);
      };
    }
    return define(name, constructor, options);
  };
  /** Counts animation frames from now; returns a function that stops and gives the count. */
  probes.countFrames = () => {
    let count = 0;
    let on = true;
    const tick = () => {
      if (!on) return;
      count += 1;
      requestFrame(tick);
    };
    requestFrame(tick);
    return () => {
      on = false;
      return count;
    };
  };
})();
