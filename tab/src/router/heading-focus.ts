// After an in-app navigation, focus moves to the new page's h1 so keyboard and screen-reader users
// start at the top of the page they chose. Pages load lazily, so the heading claims the focus when
// it mounts; the first page of a visit leaves focus where the browser put it.
let pending = false;

/** Called by the router when the address changes, before the new page renders. */
export function noteNavigation(): void {
  pending = true;
}

export function claimFocusForHeading(heading: HTMLElement | null): void {
  if (!pending || !heading) return;
  pending = false;
  heading.focus();
}
