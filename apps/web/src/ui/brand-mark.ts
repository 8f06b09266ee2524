// The brand mark, as a hashed asset the browser caches for good: at /favicon.svg (revalidated on every
// visit) it arrived after the page it heads, and laid the page out again when it did.
export { default as brandMarkUrl } from '../../public/favicon.svg?no-inline';
