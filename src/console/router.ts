// A route table small enough to read at a glance. Routes are private unless marked public:
// the server refuses anonymous requests to them before any handler runs.
import type { Ctx } from './context';

export type Method = 'GET' | 'POST';

export interface Route {
  method: Method;
  /** '/tickets/:ref/claim' style; params match one path segment. */
  path: string;
  /** JSON for scripts: anonymous requests get 401 instead of a redirect to sign-in. */
  api?: boolean;
  /** Readable without signing in (the sign-in page and its stylesheet only). */
  public?: boolean;
  handle(ctx: Ctx): Promise<void> | void;
}

interface Compiled extends Route {
  re: RegExp;
  keys: string[];
}

export class Router {
  private readonly compiled: Compiled[] = [];

  constructor(readonly routes: Route[]) {
    for (const r of routes) {
      const keys: string[] = [];
      const pattern = r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, k: string) => {
        keys.push(k);
        return '([^/]+)';
      });
      this.compiled.push({ ...r, re: new RegExp(`^${pattern}$`), keys });
    }
  }

  /** The route for a request; `allowed` lists the methods of a path that exists otherwise. */
  match(
    method: string,
    pathname: string,
  ): { route?: Route; params: Record<string, string>; allowed: Method[] } {
    const allowed: Method[] = [];
    for (const r of this.compiled) {
      const m = r.re.exec(pathname);
      if (!m) continue;
      if (r.method !== method && !(method === 'HEAD' && r.method === 'GET')) {
        allowed.push(r.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      } catch {
        continue;
      }
      return { route: r, params, allowed };
    }
    return { params: {}, allowed };
  }
}
