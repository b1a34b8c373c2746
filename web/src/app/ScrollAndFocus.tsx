import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** On client-side navigation, scroll to the top and move focus to the main region, as a page load would. */
export function ScrollAndFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
