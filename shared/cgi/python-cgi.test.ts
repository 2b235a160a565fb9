/**
 * The Python side of a CGI run, differential: each script of fixtures/python-cgi runs under the
 * real `python3 -m http.server --cgi` and under runPythonCgi with the same CGI environment, each
 * run in a freshly loaded Pyodide (one interpreter per request, issue 13 item 3).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cgiArgv, cgiEnvironment, type CgiEnvironment } from '../http/cgi-environment.ts';
import { type PythonCgiEnd, pythonArgv, runPythonCgi } from './python-cgi.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/python-cgi');

/** Each boot takes 1–2 s in Node; the file runs ~16 of them. */
describe('runPythonCgi', { timeout: 60_000 }, () => {
  let python: PythonCgiServer;
  beforeAll(async () => void (python = await startPythonCgiServer(FIXTURE)), 30_000);
  afterAll(() => python?.stop());

  interface Case {
    readonly script: string;
    readonly pathInfo?: string;
    readonly query?: string;
    readonly method?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: Uint8Array;
  }

  /** The request to both: Python's answer, and ours given the CGI variables Python computes. */
  async function both(request: Case): Promise<{ real: ScriptResult; ours: ScriptResult; env: CgiEnvironment }> {
    // The boot is CPU work here, Python's answer mostly another process's: overlap them.
    const [real, pyodide] = await Promise.all([python.request(request), freshInterpreter()]);
    const { script, pathInfo = '', query = '', method = 'GET', body } = request;
    const headers = new Headers(request.headers);
    if (body) headers.set('Content-Length', String(body.length));
    const env = cgiEnvironment({
      serverSoftware: real.serverHeader,
      serverName: python.serverName,
      serverPort: String(python.port),
      serverProtocol: 'HTTP/1.0',
      method,
      pathInfo,
      pathTranslated: python.directory + pathInfo,
      scriptName: `/cgi-bin/${script}`,
      query,
      remoteAddr: '127.0.0.1',
      headers,
    });
    const argv = pythonArgv(`cgi-bin/${script}`, cgiArgv(script, query));
    const ours = collect(pyodide, { script: `cgi-bin/${script}`, env, argv, stdin: body ?? null, files: siteFiles(FIXTURE) });
    return { real: { ...real, stderr: real.stderr.map((line) => line.replaceAll(python.directory, '/site')) }, ours, env };
  }

  function expectSame(real: ScriptResult, ours: ScriptResult): void {
    expect(latin1(ours.stdout)).toBe(latin1(real.stdout));
    expect(ours.stderr).toEqual(real.stderr);
    expect(ours.end.code).toBe(real.end.code);
  }

  describe('env.py: the process a script sees', () => {
    const requests: Case[] = [
      { script: 'env.py', query: 'hello+world%21', headers: { Accept: 'text/html', 'User-Agent': 'probe/1', Cookie: 'a=1; b=2' } },
      { script: 'env.py', pathInfo: '/extra/path', query: 'a=1&b=two+words', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: bytes('ignored') },
    ];
    for (const request of requests) {
      test(`${request.method ?? 'GET'} ${request.pathInfo ?? ''}?${request.query}`, async () => {
        const { real, ours, env } = await both(request);
        const [realHead, realDump] = splitDump(real.stdout);
        const [ourHead, ourDump] = splitDump(ours.stdout);
        expect(ourHead).toBe(realHead);
        // os.environ: exactly the CGI variables; Python's child also inherits the server's own
        // environment (docs/deviations.md row 27).
        expect(ourDump.environ).toEqual(env);
        expect(realDump.environ).toEqual({ ...env, ...PYTHON_SERVER_ENV });
        // Paths: the site is at /site in the interpreter, wherever Python serves it from.
        expect(realDump.argv).toEqual([`${python.directory}/cgi-bin/env.py`, ...cgiArgv('env.py', request.query ?? '').slice(1)]);
        expect(ourDump.argv).toEqual([`/site/cgi-bin/env.py`, ...cgiArgv('env.py', request.query ?? '').slice(1)]);
        expect([realDump.cwd, realDump.path0, realDump.file]).toEqual([python.directory, `${python.directory}/cgi-bin`, `${python.directory}/cgi-bin/env.py`]);
        expect([ourDump.cwd, ourDump.path0, ourDump.file]).toEqual(['/site', '/site/cgi-bin', '/site/cgi-bin/env.py']);
        expect(ourDump.name).toBe('__main__');
        expect(ourDump.stdio).toEqual(realDump.stdio);
        expect([ours.stderr, ours.end]).toEqual([real.stderr, { code: 0 }]);
      });
    }
  });

  describe('cgi.FieldStorage', () => {
    test('a GET query', async () => {
      const { real, ours } = await both({ script: 'form.py', query: 'name=Grace+Hopper&n=1&n=2&empty=' });
      expect(latin1(ours.stdout)).toContain("name = 'Grace Hopper'");
      expectSame(real, ours);
    });

    test('a urlencoded POST', async () => {
      const body = bytes('name=Ada+Lovelace&lang=py&lang=js&caf%C3%A9=%E2%98%83');
      const { real, ours } = await both({ script: 'form.py', method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
      expect(latin1(ours.stdout)).toContain("lang = 'js'");
      expectSame(real, ours);
    });

    test('a multipart POST with a binary upload', async () => {
      const boundary = 'dropserve-boundary-7';
      const upload = concat(Uint8Array.from({ length: 256 }, (_, i) => i), bytes('\r\n--not-the-boundary\r\n'), Uint8Array.from({ length: 256 }, (_, i) => 255 - i));
      const body = concat(
        bytes(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nUne été ☃\r\n`),
        bytes(`--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="bytes.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        upload,
        bytes(`\r\n--${boundary}--\r\n`),
      );
      const { real, ours } = await both({ script: 'form.py', method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
      expect(Buffer.from(ours.stdout).includes(Buffer.from(upload))).toBe(true);
      expectSame(real, ours);
    });
  });

  test('binary.py: print and sys.stdout.buffer.write interleave in order, streamed as written', async () => {
    const { real, ours } = await both({ script: 'binary.py' });
    expectSame(real, ours);
    expect(ours.chunks).toBeGreaterThan(8);
  });

  test('exit3.py: sys.exit(3) is exit status 3', async () => {
    const { real, ours } = await both({ script: 'exit3.py' });
    expectSame(real, ours);
    expect([ours.stderr, ours.end]).toEqual([['to the log'], { code: 3 }]);
  });

  test("exit3.py?message: sys.exit('…') prints it to stderr and is exit status 1", async () => {
    const { real, ours } = await both({ script: 'exit3.py', query: 'message' });
    expectSame(real, ours);
    expect([ours.stderr, ours.end]).toEqual([['to the log', 'leaving with a message'], { code: 1 }]);
  });

  test('boom.py: an uncaught exception is exit status 1 with the traceback python prints', async () => {
    const { real, ours } = await both({ script: 'boom.py' });
    expectSame(real, ours);
    expect(ours.stderr.join('\n')).toBe(
      [
        'Traceback (most recent call last):',
        '  File "/site/cgi-bin/boom.py", line 16, in <module>',
        '    compute()',
        '  File "/site/cgi-bin/boom.py", line 13, in compute',
        '    return divide(1, 0)',
        '           ^^^^^^^^^^^^',
        '  File "/site/cgi-bin/boom.py", line 9, in divide',
        '    return a / b',
        '           ~~^~~',
        'ZeroDivisionError: division by zero',
      ].join('\n'),
    );
    expect(ours.end).toEqual({ code: 1, uncaught: 'ZeroDivisionError: division by zero' });
  });

  test('broken.py: a syntax error is reported as python reports it, with no traceback header', async () => {
    const { real, ours } = await both({ script: 'broken.py' });
    expectSame(real, ours);
    expect(ours.stderr[0]).toBe('  File "/site/cgi-bin/broken.py", line 4');
    expect(ours.end).toEqual({ code: 1, uncaught: "SyntaxError: '(' was never closed" });
  });

  test("reads.py: open('data/x.csv') reads the site's file from the working directory", async () => {
    const { real, ours } = await both({ script: 'reads.py' });
    expectSame(real, ours);
    expect(latin1(ours.stdout)).toContain('Lovelace, Ada | 7');
  });

  test('imports.py: `import helpers` imports cgi-bin/helpers.py', async () => {
    const { real, ours } = await both({ script: 'imports.py' });
    expectSame(real, ours);
    expect(latin1(ours.stdout)).toContain('Hello, Ada! (call 1)\nhelpers 1\n');
  });

  test('redirect.py: a Location header line is passed on as written', async () => {
    const { real, ours } = await both({ script: 'redirect.py' });
    expectSame(real, ours);
    expect(latin1(ours.stdout)).toBe('Location: /data/x.csv\n\n');
  });

  test("writes.py: the site's files are read-only (PermissionError naming the path), the scratch space is not", async () => {
    const { real, ours } = await both({ script: 'writes.py' });
    expect(latin1(ours.stdout)).toBe(latin1(real.stdout));
    expect(latin1(ours.stdout)).toContain('open w PermissionError data/x.csv\n');
    expect(latin1(ours.stdout)).toContain('still readable 43\nscratch scratch\n');
    // The message: Python's EACCES from the OS (as `nobody`), ours from the runner, saying why
    // (errno numbers are Emscripten's: EACCES is 2).
    const refused = ["'data/x.csv'", "'data/x.csv'", "'data/x.csv'", "'data/new.txt'", "'new.txt'", "'data/x.csv'", "'data/x.csv'", "'data/sub'", "'data/x.csv' -> 'data/y.csv'"];
    expect(real.stderr).toEqual(refused.map((names) => `[Errno 13] Permission denied: ${names}`));
    expect(ours.stderr).toEqual(refused.map((names) => `[Errno 2] Permission denied (this site's files are read-only): ${names}`));
    expect([ours.end, real.end]).toEqual([{ code: 0 }, { code: 0 }]);
  });

  test('no way around the read-only site: chmod, symlinks out of the scratch space, pathlib, shutil', async () => {
    const files = new Map(siteFiles(FIXTURE));
    files.set('cgi-bin/bypass.py', bytes(BYPASS_SCRIPT));
    const ours = await runOnce({ script: 'cgi-bin/bypass.py', env: {}, argv: ['/site/cgi-bin/bypass.py'], stdin: null, files });
    expect(latin1(ours.stdout).split('\n')).toEqual([
      "chmod PermissionError /site/data/x.csv",
      "write through a symlink PermissionError /tmp/link.csv",
      "symlink into the site PermissionError /site/data/link",
      "pathlib write_text PermissionError data/x.csv",
      "pathlib touch PermissionError data/touched",
      "shutil.copy PermissionError data/copy.csv",
      "os.replace PermissionError data/x.csv",
      "os.truncate PermissionError data/x.csv",
      "os.access W_OK False",
      "unchanged True",
      '',
    ]);
    expect(ours.end).toEqual({ code: 0 });
  });

  test('nothing leaks from one run to the next: module state, monkeypatches, builtins, scratch files, environ', async () => {
    const job = { script: 'cgi-bin/leak.py', env: { REQUEST_METHOD: 'GET' }, argv: ['/site/cgi-bin/leak.py'], stdin: null, files: siteFiles(FIXTURE) };
    const first = await runOnce(job);
    const second = await runOnce(job);
    const fresh = "[('builtin', False), ('environ', False), ('module_state', 0), ('monkeypatch', False), ('recursion_limit', 1000), ('scratch_file', False)]";
    expect(latin1(first.stdout)).toBe(`Content-Type: application/json\n\n${fresh}\n`);
    expect(latin1(second.stdout)).toBe(latin1(first.stdout));
  });

  test('stdin: text and binary reads of the request body; os.environ has nothing but the given variables', async () => {
    const script = [
      'import os, sys',
      'print(repr(sys.stdin.readline()))',
      'print(repr(sys.stdin.buffer.read(3)))',
      'print(repr(sys.stdin.read()))',
      'print(sorted(os.environ.items()))',
    ].join('\n');
    const files = new Map([['cgi-bin/in.py', bytes(script)]]);
    const ours = await runOnce({ script: 'cgi-bin/in.py', env: { CONTENT_LENGTH: '19' }, argv: ['/site/cgi-bin/in.py'], stdin: bytes('first line\n\x00\xffxrest'), files });
    // readline() read ahead into the text layer, as CPython's does: the buffer has what is left.
    expect(new TextDecoder().decode(ours.stdout)).toBe("'first line\\n'\nb''\n'\\x00ÿxrest'\n[('CONTENT_LENGTH', '19')]\n");
  });

  test("what Pyodide's standard library lacks raises a clear ModuleNotFoundError; other missing modules as in CPython", async () => {
    const script = [
      'import importlib.util',
      "for name in ('sqlite3', 'ssl', 'lzma', '_pydecimal', 'pydoc_data', 'distutils', 'tkinter', 'numpy', 'email.nope'):",
      '    try:',
      '        __import__(name)',
      '    except ModuleNotFoundError as error:',
      '        print(error.name, "|", error)',
      "print(importlib.util.find_spec('sqlite3'), importlib.util.find_spec('numpy'))",
      'import hashlib, decimal, json, email, http.cookies, zlib, csv',
      "print(hashlib.sha256(b'').hexdigest()[:8], decimal.Decimal('1.1') + decimal.Decimal('2.2'))",
    ].join('\n');
    const ours = await runOnce({ script: 'x.py', env: {}, argv: ['/site/x.py'], stdin: null, files: new Map([['x.py', bytes(script)]]) });
    const lacks = (name: string) => `${name} | No module named '${name}': the Python that runs CGI scripts here (Pyodide 0.25.1, CPython 3.11.3) has no such standard module`;
    expect(latin1(ours.stdout).split('\n')).toEqual([
      ...['sqlite3', 'ssl', 'lzma', '_pydecimal', 'pydoc_data', 'distutils', 'tkinter'].map(lacks),
      "numpy | No module named 'numpy'",
      "email.nope | No module named 'email.nope'",
      'None None',
      'e3b0c442 3.3',
      '',
    ]);
  });

  test('os._exit(n) ends the run with status n; an interpreter runs one script only', async () => {
    const files = new Map([['x.py', bytes('import os\nprint("bye", flush=True)\nos._exit(7)\n')]]);
    const pyodide = await freshInterpreter();
    const result = collect(pyodide, { script: 'x.py', env: {}, argv: ['/site/x.py'], stdin: null, files });
    expect([latin1(result.stdout), result.end]).toEqual(['bye\n', { code: 7 }]);
    expect(() => collect(pyodide, { script: 'x.py', env: {}, argv: [], stdin: null, files })).toThrow(/already run a CGI script/);
  });

  test('the script must be among the files, and the files must be site paths; nothing is touched before these checks', () => {
    const untouched = {} as PyodideInterface;
    expect(() => collect(untouched, { script: 'nope.py', env: {}, argv: [], stdin: null, files: new Map() })).toThrow(/not among the site's files/);
    for (const path of ['../x.py', '/x.py', 'a//x.py', 'a/./x.py']) {
      const files = new Map([[path, bytes('')], ['x.py', bytes('')]]);
      expect(() => collect(untouched, { script: 'x.py', env: {}, argv: [], stdin: null, files })).toThrow(/Not a site path/);
    }
  });
});

/** Tries to change a site file every other way; each attempt prints the error's type and path. */
const BYPASS_SCRIPT = String.raw`
import os, pathlib, shutil
def attempt(name, action):
    try:
        action()
        print(name, 'succeeded')
    except OSError as error:
        print(name, type(error).__name__, error.filename)
os.symlink('/site/data/x.csv', '/tmp/link.csv')
attempt('chmod', lambda: os.chmod('/site/data/x.csv', 0o666))
attempt('write through a symlink', lambda: open('/tmp/link.csv', 'w'))
attempt('symlink into the site', lambda: os.symlink('/tmp/link.csv', '/site/data/link'))
attempt('pathlib write_text', lambda: pathlib.Path('data/x.csv').write_text('x'))
attempt('pathlib touch', lambda: pathlib.Path('data/touched').touch())
attempt('shutil.copy', lambda: shutil.copy('/tmp/link.csv', 'data/copy.csv'))
attempt('os.replace', lambda: os.replace('data/x.csv', '/tmp/moved.csv'))
attempt('os.truncate', lambda: os.truncate('data/x.csv', 0))
print('os.access W_OK', os.access('data/x.csv', os.W_OK))
print('unchanged', open('data/x.csv').read().startswith('name,score'))
`;

interface ScriptResult {
  readonly stdout: Uint8Array;
  readonly stderr: readonly string[];
  readonly end: PythonCgiEnd;
  /** How many stdout callbacks delivered the output. */
  readonly chunks: number;
}

/** The variables the test's Python server runs with, so that its CGI children inherit only these. */
const PYTHON_SERVER_ENV: Readonly<Record<string, string>> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LANG: 'C.UTF-8',
  // Unbuffered stdio, as the runner gives scripts (docs/python-cgi.md).
  PYTHONUNBUFFERED: '1',
  PYTHONDONTWRITEBYTECODE: '1',
};

/** A freshly booted interpreter: one per run. */
function freshInterpreter(): Promise<PyodideInterface> {
  return loadPyodide({ stdout: () => {}, stderr: () => {} });
}

async function runOnce(job: Parameters<typeof runPythonCgi>[1]): Promise<ScriptResult> {
  return collect(await freshInterpreter(), job);
}

/** Runs the job, checking that the end comes once and last. */
function collect(pyodide: PyodideInterface, job: Parameters<typeof runPythonCgi>[1]): ScriptResult {
  const stdout: Uint8Array[] = [];
  const stderr: string[] = [];
  let end: PythonCgiEnd | undefined;
  const notEnded = () => expect(end, 'reported after the end').toBeUndefined();
  runPythonCgi(pyodide, job, {
    stdout: (chunk) => (notEnded(), stdout.push(chunk)),
    stderr: (line) => (notEnded(), stderr.push(line)),
    end: (ended) => (notEnded(), (end = ended)),
  });
  expect(end, 'no end reported').toBeDefined();
  return { stdout: concat(...stdout), stderr, end: end!, chunks: stdout.length };
}

/** The fixture's files by site path, as the browser wiring will hand them over. */
function siteFiles(directory: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(directory, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
  }
  return files;
}

interface Dump {
  environ: Record<string, string>;
  argv: string[];
  cwd: string;
  path0: string;
  file: string;
  name: string;
  stdio: unknown[];
}

/** env.py's output: its header block, and its JSON. */
function splitDump(stdout: Uint8Array): [string, Dump] {
  const text = new TextDecoder().decode(stdout);
  const blank = text.indexOf('\n\n');
  return [text.slice(0, blank + 2), JSON.parse(text.slice(blank + 2)) as Dump];
}

interface PythonCgiServer {
  readonly port: number;
  /** The served directory: the server's working directory, so a script's too. */
  readonly directory: string;
  /** `socket.getfqdn('127.0.0.1')`, Python's SERVER_NAME. */
  readonly serverName: string;
  request(request: { script: string; pathInfo?: string; query?: string; method?: string; headers?: Readonly<Record<string, string>>; body?: Uint8Array }): Promise<ScriptResult & { serverHeader: string }>;
  stop(): void;
}

/**
 * `python3 -m http.server --cgi` in a copy of `fixture`, started there (scripts run in the server's
 * working directory). As root, Python runs its CGI children as `nobody`: the copy is world-readable
 * and its scripts executable, and nobody may write there.
 */
async function startPythonCgiServer(fixture: string): Promise<PythonCgiServer> {
  const parent = mkdtempSync(path.join(tmpdir(), 'dropserve-python-cgi-'));
  const directory = path.join(parent, 'site');
  cpSync(fixture, directory, { recursive: true });
  chmodSync(parent, 0o755);
  for (const name of readdirSync(path.join(directory, 'cgi-bin'))) chmodSync(path.join(directory, 'cgi-bin', name), 0o755);
  // The interpreter itself, not a wrapper such as pyenv's shim, which would add to the environment.
  const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
  const child = spawn(python, ['-m', 'http.server', '--cgi', '--bind', '127.0.0.1', '0'], { cwd: directory, env: PYTHON_SERVER_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = collectLines(child);
  const port = await listeningPort(child);
  const serverName = spawnSync(python, ['-c', "import socket; print(socket.getfqdn('127.0.0.1'))"], { encoding: 'utf8' }).stdout.trim();
  let barriers = 0;
  return {
    port,
    directory,
    serverName,
    async request({ script, pathInfo = '', query = '', method = 'GET', headers = {}, body }) {
      const from = log.length;
      const target = `/cgi-bin/${script}${pathInfo}${query ? `?${query}` : ''}`;
      const { status, serverHeader, stdout } = await rawRequest(port, method, target, { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }, body);
      if (status !== 'HTTP/1.0 200 Script output follows') throw new Error(`${target}: ${status}`);
      // The child has exited when the response ends; a later request's log line shows that all it
      // wrote to stderr has arrived.
      const barrier = `/data/x.csv?barrier=${++barriers}`;
      await rawRequest(port, 'GET', barrier, {});
      await until(() => log.slice(from).some((line) => line.includes(`"GET ${barrier} HTTP/1.0"`)));
      // The server's own lines (`127.0.0.1 - - [date] …`) include `CGI script exit code N` when N ≠ 0.
      const exit = log.slice(from).map((line) => line.match(/^127\.0\.0\.1 - - \[[^\]]*\] CGI script exit code (\d+)$/)?.[1]).find((code) => code !== undefined);
      const stderr = log.slice(from).filter((line) => !line.startsWith('127.0.0.1 - - ['));
      return { stdout, serverHeader, stderr, end: { code: Number(exit ?? 0) }, chunks: 1 };
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** A raw HTTP/1.0 exchange: the status line, the Server header, and what follows the Date header. */
function rawRequest(port: number, method: string, target: string, headers: Readonly<Record<string, string>>, body?: Uint8Array): Promise<{ status: string; serverHeader: string; stdout: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const response = Buffer.concat(chunks);
      const lines: string[] = [];
      let at = 0;
      for (let line = 0; line < 3; line++) {
        const next = response.indexOf('\r\n', at);
        lines.push(response.subarray(at, next).toString('latin1'));
        at = next + 2;
      }
      const [status, server, date] = lines as [string, string, string];
      if (!server.startsWith('Server: ') || !date.startsWith('Date: ')) return reject(new Error(`unexpected response: ${lines.join(' | ')}`));
      // On the CGI path, Python sends these three lines and then the script's stdout verbatim.
      resolve({ status, serverHeader: server.slice('Server: '.length), stdout: new Uint8Array(response.subarray(at)) });
    });
    const head = [`${method} ${target} HTTP/1.0`, `Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
    socket.write(Buffer.from(head, 'utf8'));
    if (body) socket.write(body);
  });
}

/** The server's stderr, its log and its children's stderr, read as it comes (a full pipe would stall it). */
function collectLines(child: ChildProcess): string[] {
  const lines: string[] = [];
  createInterface({ input: child.stderr!, crlfDelay: Infinity }).on('line', (line) => lines.push(line));
  return lines;
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = output.match(/Serving HTTP on \S+ port (\d+)/)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}): ${output}`)));
  });
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the Python server log');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function latin1(data: Uint8Array): string {
  return Buffer.from(data).toString('latin1');
}
