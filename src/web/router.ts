// Hash routing (`#/frames/iris.hex`): the server serves one index.html, so every view lives in the
// fragment and the browser's back button and bookmarks work without server routes.
import { useEffect, useMemo, useState } from 'preact/hooks';

/** A parsed location: path segments (decoded) and query parameters. */
export interface Route {
  parts: string[];
  query: URLSearchParams;
}

/** Parses `location.hash`. */
export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, q = ''] = h.split('?', 2);
  return { parts: path === '' ? [] : path.split('/').map(decodeURIComponent), query: new URLSearchParams(q) };
}

/** Builds a hash link from segments and optional query parameters. */
export function href(parts: string[], query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${q === '' ? '' : `?${q}`}`;
}

/** Navigates to a hash link. */
export function go(parts: string[], query: Record<string, string> = {}): void {
  location.hash = href(parts, query);
}

/** The current route, re-rendering on hash changes. */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    // Preact runs effects after the first paint: a hash change in between (a link followed, or a
    // second navigation, while the app starts) fired before this listener existed.
    on();
    return () => removeEventListener('hashchange', on);
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}
