import { describe, expect, it } from 'vitest';
import { pastEndLastPage } from './use-last-page-redirect.ts';

describe('pastEndLastPage', () => {
  it('names the last page when the page asked for lies past it', () => {
    expect(pastEndLastPage(999, 25, 276)).toBe(12);
    expect(pastEndLastPage(13, 25, 276)).toBe(12);
    expect(pastEndLastPage(2, 25, 25)).toBe(1);
  });
  it('is null on a page that exists, on an empty list and before the count is known', () => {
    expect(pastEndLastPage(12, 25, 276)).toBeNull();
    expect(pastEndLastPage(1, 25, 276)).toBeNull();
    expect(pastEndLastPage(5, 25, 0)).toBeNull();
    expect(pastEndLastPage(5, 25, undefined)).toBeNull();
  });
});
