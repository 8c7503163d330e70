// Hash routing (`#/frames/iris.hex`): the server serves one index.html, so every view lives in the
// fragment and the browser's back button and bookmarks work without server routes.
import { useEffect, useState } from 'preact/hooks';

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
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
