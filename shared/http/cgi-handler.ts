/**
 * `CGIHTTPRequestHandler` of CPython 3.11 (docs/http-server-rules.md#c), with scripts that are JS modules run
 * by a `ScriptRunner` instead of processes. GET, HEAD and POST to a CGI target run the script;
 * everything else is the simple handler's. Beyond Python, the script's output is read as a CGI
 * response (`Status:`, `Location:`), see `cgi-output.ts`.
 */
import { scriptKind } from '../cgi/script-kind.ts';
import { cgiStatus, type CgiStatus, MalformedCgiOutputError, readCgiOutput } from '../cgi/cgi-output.ts';
import { CgiUnavailableError, type ScriptEnd, type ScriptProcess, type ScriptRunner } from '../cgi/script-runner.ts';
import { cgiArgv, cgiEnvironment } from './cgi-environment.ts';
import { collapseUrlPath, findCgiDirectory, PathEscapesRootError } from './cgi-path.ts';
import { type HandlerRequest, NULL_BODY_STATUSES } from './message.ts';
import { unquote } from './percent-encoding.ts';
import { pyRepr } from './python-text.ts';
import { toSitePath } from './request-target.ts';
import { PreviewHTTPRequestHandler, type PreviewHandlerOptions } from './preview-handler.ts';

export interface CgiHandlerOptions extends PreviewHandlerOptions {
  readonly runner: ScriptRunner;
  /** `cgi_directories`; Python's `/cgi-bin` and `/htbin` by default. */
  readonly cgiDirectories?: readonly string[];
  /** Python's `directory`, the served root: `PATH_TRANSLATED` is a path under it. */
  readonly directory?: string;
  /** `server_name` and `server_port`, for `SERVER_NAME` and `SERVER_PORT`. */
  readonly server?: { readonly name: string; readonly port: string };
}

/** An error page: the status, its message (the reason phrase) and the explanation. */
type Failure = readonly [code: number, message: string, explain?: string];

export class CGIHTTPRequestHandler extends PreviewHTTPRequestHandler {
  cgiDirectories: readonly string[];
  /** `(directory, rest)` of the CGI target, set by `isCgi`. */
  cgiInfo: { directory: string; rest: string } | undefined;

  readonly runner: ScriptRunner;
  readonly directory: string;
  readonly server: { readonly name: string; readonly port: string };

  constructor(request: HandlerRequest, options: CgiHandlerOptions) {
    super(request, options);
    this.runner = options.runner;
    this.cgiDirectories = options.cgiDirectories ?? ['/cgi-bin', '/htbin'];
    this.directory = options.directory ?? '';
    this.server = options.server ?? { name: 'localhost', port: '80' };
  }

  /** POST runs a CGI script, and nothing else (docs/http-server-rules.md#c-1-2). */
  async doPOST(): Promise<void> {
    const cgi = this.#isCgiOrFail();
    if (cgi === undefined) return;
    if (cgi) await this.runCgi();
    else this.sendError(501, 'Can only POST to CGI scripts');
  }

  /** GET and HEAD run a CGI target's script, or are served as static files (docs/http-server-rules.md#c-1-1). */
  override async sendHead(): Promise<Blob | Uint8Array<ArrayBuffer> | undefined> {
    const cgi = this.#isCgiOrFail();
    if (cgi === undefined) return undefined;
    if (!cgi) return super.sendHead();
    await this.runCgi();
    return undefined;
  }

  /**
   * Whether the collapsed path lies in a CGI directory (docs/http-server-rules.md#c-2); sets `cgiInfo`. Throws
   * `PathEscapesRootError` for a path with more `..` than directories.
   */
  isCgi(): boolean {
    this.cgiInfo = findCgiDirectory(collapseUrlPath(this.path), this.cgiDirectories);
    return this.cgiInfo !== undefined;
  }

  /** "Executable" means a script dropserve can run: a JS module or a Python script (shared/cgi/script-kind.ts). */
  isExecutable(path: string): boolean {
    return scriptKind(path) !== undefined;
  }

  /** Runs the script `cgiInfo` names: the split of docs/http-server-rules.md#c-3, the checks of docs/http-server-rules.md#c-4, then the run. */
  async runCgi(): Promise<void> {
    const { scriptName, script, pathInfo, query } = await this.#splitTarget();
    const scriptFile = this.translatePath(scriptName);
    const entry = scriptFile.includes('\0') ? undefined : await this.files.stat(toSitePath(scriptFile)).catch(() => undefined);
    if (entry === undefined) return this.sendError(404, `No such CGI script (${pyRepr(scriptName)})`);
    if (entry.kind !== 'file') return this.sendError(403, `CGI script is not a plain file (${pyRepr(scriptName)})`);
    if (!this.isExecutable(scriptFile)) return this.sendError(403, `CGI script is not executable (${pyRepr(scriptName)})`);

    const uqPathInfo = unquote(pathInfo);
    const env = cgiEnvironment({
      serverSoftware: this.versionString(),
      serverName: this.server.name,
      serverPort: this.server.port,
      serverProtocol: this.protocolVersion,
      method: this.command,
      pathInfo: uqPathInfo,
      pathTranslated: this.#underDirectory(this.translatePath(uqPathInfo)),
      scriptName,
      query,
      remoteAddr: this.addressString(),
      headers: this.headers,
    });
    let process: ScriptProcess;
    try {
      process = await this.runner.run({
        script: toSitePath(scriptFile),
        env,
        argv: cgiArgv(script, query),
        stdin: this.request.body ?? null,
        onStderr: (line) => this.logError(line),
      });
    } catch (error) {
      if (!(error instanceof CgiUnavailableError)) throw error;
      return this.sendError(503, 'CGI needs the dropserve app open in a tab', 'Open the dropserve app in a tab of this browser and keep it open: it runs the CGI scripts. Then reload this page');
    }
    await this.#respondWithOutput(process);
  }

  /** docs/http-server-rules.md#c-3: nested directories absorbed, then the query, the script name and PATH_INFO split off. */
  async #splitTarget(): Promise<{ scriptName: string; script: string; pathInfo: string; query: string }> {
    let { directory, rest } = this.cgiInfo!;
    const path = `${directory}/${rest}`;
    for (let slash = path.indexOf('/', directory.length + 1); slash >= 0; slash = path.indexOf('/', directory.length + 1)) {
      const next = path.slice(0, slash);
      const stat = await this.files.stat(toSitePath(this.translatePath(next))).catch(() => undefined);
      if (stat?.kind !== 'directory') break;
      [directory, rest] = [next, path.slice(slash + 1)];
    }
    const question = rest.indexOf('?');
    const [beforeQuery, query] = question < 0 ? [rest, ''] : [rest.slice(0, question), rest.slice(question + 1)];
    const slash = beforeQuery.indexOf('/');
    const [script, pathInfo] = slash < 0 ? [beforeQuery, ''] : [beforeQuery.slice(0, slash), beforeQuery.slice(slash)];
    return { scriptName: `${directory}/${script}`, script, pathInfo, query };
  }

  /** `translate_path`'s result as Python shows it: the directory, then the path below it. */
  #underDirectory(translated: string): string {
    return translated === '' || translated === '/' ? this.directory + translated : `${this.directory}/${translated}`;
  }

  /**
   * Waits for the script's header lines, then sends the status and headers they ask for and
   * streams the rest. A script that fails before its header lines are complete gets an error
   * page instead. How the script ended is logged once it has.
   */
  async #respondWithOutput(process: ScriptProcess): Promise<void> {
    let status: CgiStatus;
    let body: ReadableStream<Uint8Array>;
    try {
      const output = await readCgiOutput(process.stdout);
      const end = output.endedInHeaders ? await process.end : undefined;
      const failure = end && failureOf(end);
      if (failure) {
        this.sendError(...failure);
        this.logEnd(end);
        return;
      }
      status = cgiStatus(output.fields);
      body = output.body;
    } catch (error) {
      if (!(error instanceof MalformedCgiOutputError)) throw error;
      void process.stdout.cancel().catch(() => undefined);
      this.sendError(500, 'Malformed CGI script output', error.message);
      void process.end.then((end) => this.logEnd(end));
      return;
    }
    this.sendResponse(status.code, status.reason);
    for (const [name, value] of status.headers) this.sendHeader(name, value);
    this.endHeaders();
    if (this.command === 'HEAD' || NULL_BODY_STATUSES.has(status.code)) void body.pipeTo(new WritableStream()).catch(() => undefined);
    else this.sendBody(body);
    void process.end.then((end) => this.logEnd(end));
  }

  /** Logs how the script ended, as Python's non-fork path logs its child's exit. */
  logEnd(end: ScriptEnd): void {
    switch (end.kind) {
      case 'exit':
        if (end.code === 0) this.logMessage('CGI script exited OK');
        else this.logError(`CGI script exit status ${hex(end.code)}`);
        return;
      case 'error':
        for (const line of end.stack.split('\n')) this.logError(line);
        this.logError('CGI script exit status 0x1');
        return;
      case 'timeout':
        this.logError(`CGI script timed out after ${end.seconds} s and was stopped`);
        return;
      case 'output-cap':
        this.logError(`CGI script output exceeded ${end.bytes} bytes; the script was stopped and its output cut there`);
        return;
      case 'lost':
        this.logError('CGI script lost: the app page running it was closed or reloaded');
        return;
      case 'cancelled':
        this.logError('CGI script stopped: the client stopped reading its output');
    }
  }

  /** `is_cgi`, with Python's crash on a path climbing above the root answered as a missing file. */
  #isCgiOrFail(): boolean | undefined {
    try {
      return this.isCgi();
    } catch (error) {
      if (!(error instanceof PathEscapesRootError)) throw error;
      this.sendError(404, 'File not found');
      return undefined;
    }
  }
}

/** The error page for a script that ended before its header lines did; undefined for a plain exit. */
function failureOf(end: ScriptEnd): Failure | undefined {
  switch (end.kind) {
    case 'exit':
    case 'cancelled':
      return undefined;
    case 'error':
      return [500, end.message, 'The CGI script raised an error; its stack trace is in the server log'];
    case 'timeout':
      return [504, 'CGI script timed out', `The script ran longer than this site's limit of ${end.seconds} s and was stopped`];
    case 'output-cap':
      return [500, 'CGI script output too large', `The script wrote more than ${end.bytes} bytes and was stopped`];
    case 'lost':
      return [502, 'CGI script lost', 'The app page running the script was closed or reloaded before the script ended'];
  }
}

/** Python's `'%#x' % n`: `0x1f`, `-0x1`. */
function hex(n: number): string {
  return `${n < 0 ? '-' : ''}0x${Math.abs(n).toString(16)}`;
}
