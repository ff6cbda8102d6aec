// @11ty/eleventy-dev-server ships no type declarations; the parts boardpack uses.
declare module "@11ty/eleventy-dev-server" {
  import type http from "node:http";
  type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    portReassignmentRetryCount?: number;
    pathPrefix?: string;
    headers?: Record<string, string>;
    middleware?: Middleware[];
    messageOnStart?: (info: unknown) => string | false;
    logger?: { info: (...a: unknown[]) => void; log: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
  }
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    readonly server: http.Server;
    serve(port: number): void;
    ready(): Promise<void>;
    close(): Promise<void>;
    reload(event?: { files?: string[]; subtype?: string }): void;
    protected _serverListen(port: number): void;
  }
}
