import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { type ListQuery, listTableState, RefreshFailedAlert } from './list-query-state.tsx';

const error = new ApiError({
  status: 502,
  errors: [{ code: 'upstream_unavailable', message: 'down', long_message: 'Clerk could not be reached.' }],
});
const query = (over: Partial<ListQuery>): ListQuery => ({
  data: undefined,
  error: null,
  isPlaceholderData: false,
  isFetching: false,
  refetch: () => undefined,
  ...over,
});

describe('list query state', () => {
  it.each([
    ['first page loading', query({ isFetching: true }), 'loading'],
    ['first page failed (the fallback shows the error)', query({ error }), 'ready'],
    ['previous page kept while the next loads', query({ data: {}, isPlaceholderData: true }), 'stale'],
    ['rows shown', query({ data: {} }), 'ready'],
  ] as const)('%s: %s', (_name, q, state) => {
    expect(listTableState(q)).toBe(state);
  });

  it('offers a retry when a refresh fails over rows already shown, and only then', async () => {
    const refetch = vi.fn();
    const { rerender } = render(<RefreshFailedAlert query={query({ data: {}, error, refetch })} />);
    expect(screen.getByRole('alert').textContent).toContain("Couldn't refresh: Clerk could not be reached.");
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledOnce();
    rerender(<RefreshFailedAlert query={query({ error })} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<RefreshFailedAlert query={query({ data: {}, error, isPlaceholderData: true })} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
