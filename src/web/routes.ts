// Which REST routes this server answers (/3/Metadata/endpoints, fetched once), so views can say
// "not served yet" instead of calling a route that would 404 (and log a console error).
import { get } from './api.ts';

interface RouteJson {
  http_method: string;
  url_pattern: string;
}

let cached: Promise<RouteJson[]> | undefined;

function routes(): Promise<RouteJson[]> {
  cached ??= get<{ routes: RouteJson[] }>('/3/Metadata/endpoints').then((r) => r.routes);
  return cached;
}

/** True when `method path` matches a served route (`{name}` segments match anything but '/'). */
export function matches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split(/\{\w+\}/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );
  return re.test(path);
}

/** Whether the server answers `method path` (for example `POST /3/ModelBuilders/deeplearning`). */
export async function serves(method: string, path: string): Promise<boolean> {
  return (await routes()).some((r) => r.http_method === method && matches(r.url_pattern, path));
}
