/** Sets (or, with null, removes) a cookie on the test document, as clerk-js does in the browser. */
export function setTestCookie(name: string, value: string | null): void {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; clerk-js writes document.cookie too
  document.cookie =
    value === null ? `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/` : `${name}=${value}; path=/`;
}
