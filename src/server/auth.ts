// Optional authentication: H2O-style basic login (`h2o.init(username=, password=)`) or a bearer
// token. Compared in constant time so response timing does not leak the secret.
import { timingSafeEqual } from 'node:crypto';
import type { AuthOptions } from './state.ts';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the Authorization header satisfies `auth`. */
export function authorized(auth: AuthOptions, header: string | undefined): boolean {
  if (header === undefined) return false;
  const sp = header.indexOf(' ');
  if (sp < 0) return false;
  const scheme = header.slice(0, sp).toLowerCase();
  const cred = header.slice(sp + 1).trim();
  if ('token' in auth) return scheme === 'bearer' && same(cred, auth.token);
  if (scheme !== 'basic') return false;
  const decoded = Buffer.from(cred, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return same(decoded.slice(0, colon), auth.username) && same(decoded.slice(colon + 1), auth.password);
}
