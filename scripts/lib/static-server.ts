import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface StaticServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(path: string): string;
  /** Answers `path` (exact, without query) with a handler instead of a file. */
  route(path: string, handler: RouteHandler): void;
  /** Every request seen, newest last: method, path and headers. */
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 on a free port, with optional dynamic routes for tests. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const routes = new Map<string, RouteHandler>();
  const requests: StaticServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = routes.get(path);
    if (route) {
      Promise.resolve(route(req, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
