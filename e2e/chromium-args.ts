/**
 * Chromium's flags for the specs and the benchmarks (headless, no sandbox or GPU on this machine, and
 * none of the browser's own network chatter).
 *
 * The omnibox's WebUI popups are off: headless Chromium opens a window per page, and each new window
 * starts its own renderer for the omnibox popup (hundreds of its own files, about as much main-thread
 * time as the page under test), on the same two cores. A person's browser has that window already; here
 * it only slowed every page load and every timing taken of one.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];
