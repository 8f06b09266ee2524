import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { useLocation, useRouter } from './hooks.ts';
import type { ParamsOption, SearchUpdate } from './types.ts';

export type LinkProps<P extends string> = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** A path pattern: '/orgs/$orgId/invitations' with `params={{ orgId }}`. */
  to: P;
  /** Left out: no search; `true` keeps the current one. */
  search?: SearchUpdate;
  hash?: string;
  replace?: boolean;
  ref?: Ref<HTMLAnchorElement>;
} & ParamsOption<P>;

/** A left click without modifier keys: the one the app handles itself (the rest open tabs, windows…). */
export function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}

/**
 * A real `<a href>`: opening it in a new tab or copying it works; a plain left click navigates in the
 * page. Hovering or focusing it loads the code of the page it leads to.
 */
export function Link<P extends string>({ to, params, search, hash, replace, ...anchor }: LinkProps<P>) {
  const router = useRouter();
  const location = useLocation();
  const href = router.buildHref({ to, params, search, hash }, location);
  const preload = () => router.preload(href);
  return (
    <a
      {...anchor}
      href={href}
      onClick={(event) => {
        anchor.onClick?.(event);
        const ownWindow = !anchor.target || anchor.target === '_self';
        if (!isPlainLeftClick(event) || !ownWindow || anchor.download !== undefined) return;
        event.preventDefault();
        router.visit(href, { replace: replace ?? false });
      }}
      onMouseEnter={(event) => {
        anchor.onMouseEnter?.(event);
        preload();
      }}
      onFocus={(event) => {
        anchor.onFocus?.(event);
        preload();
      }}
      onTouchStart={(event) => {
        anchor.onTouchStart?.(event);
        preload();
      }}
    />
  );
}
