// What the table benchmarks run in the page, as an init script (a string: tsx compiles functions with
// `__name` helpers the page does not have). Installed before the app's own scripts, so the first frame
// with the rows is seen however late Playwright's next `evaluate` reaches a busy page.
//
// Rows are the table's body rows minus skeletons and spacers. A page of N is "in the DOM" when N rows
// are, or, for a windowed table (only the rows in view are drawn), when the table announces all of
// them (aria-rowcount = N rows + the header row) and draws some. "The frame after" = a double
// requestAnimationFrame once a MutationObserver sees the rows. Each moment is also a user-timing mark
// (`table:rows-in-dom`, `table:painted`), which a performance trace shows.
export const TABLE_PROBE = `
window.__rows = () => document.querySelectorAll('table.data-table > tbody > tr:not(.skeleton-row):not(.fallback-row):not(.spacer-row)');
window.__pageShown = (rows) => {
  const table = document.querySelector('table.data-table');
  if (!table || table.getAttribute('aria-busy') !== 'false') return false;
  const drawn = window.__rows().length;
  return drawn >= rows || (drawn > 0 && table.getAttribute('aria-rowcount') === String(rows + 1));
};
window.__frameAfter = (done) => new Promise((resolve) => {
  const check = () => {
    if (!done()) return false;
    observer.disconnect();
    const committed = performance.now();
    performance.mark('table:rows-in-dom');
    requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.mark('table:painted');
      resolve({ committed, painted: performance.now() });
    }));
    return true;
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'class'] });
  check();
});
// A page opened with ?pageSize=N starts watching for its N rows at once, and notes when the app's own
// request for that page is made and answered: with the first-load hints the browser has the response
// before the app's code has run, and the app reads it from the preload only once it asks.
{
  const size = Number(new URLSearchParams(location.search).get('pageSize'));
  if (size > 0) {
    window.__loadShown = window.__frameAfter(() => window.__pageShown(size));
    const fetchPage = window.fetch;
    window.fetch = function (input, init) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const pending = fetchPage.call(this, input, init);
      if (url.includes('/invitations?') && url.includes('limit=' + size) && !window.__listFetch) {
        const called = performance.now();
        window.__listFetch = pending.then(() => ({ called, resolved: performance.now() }));
      }
      return pending;
    };
  }
}
`;
