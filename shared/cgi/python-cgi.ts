/**
 * One Python CGI script, run in a fresh Pyodide interpreter as `python3 -u script.py` would run
 * it as a child of `python3 -m http.server --cgi` (docs/python-cgi.md): the site's files under
 * `/site`, read-only; its own directory first on `sys.path`; the site's root as the working
 * directory; `os.environ` exactly the CGI variables; the request body on fd 0; fd 1 and fd 2 to the
 * caller, unbuffered. It needs no DOM, Service Worker or Node API: the caller boots Pyodide (in a
 * sandboxed worker, or in Node for the tests) and hands over the interpreter, which is then spent.
 */
import type { PyodideInterface } from 'pyodide';
import { LineSplitter } from './line-splitter.ts';
import { resolveSitePath } from './site-path.ts';

/** Where the site's files are in the interpreter's file system; also its working directory. */
export const PYTHON_SITE_ROOT = '/site';

export interface PythonCgiJob {
  /** The script's path in its site (`cgi-bin/env.py`); it must be among `files`. */
  readonly script: string;
  /** The CGI variables: `os.environ` holds these and nothing else. */
  readonly env: Readonly<Record<string, string>>;
  /** `sys.argv` as given (see `pythonArgv`). */
  readonly argv: readonly string[];
  /** The request body; null when the request has none. */
  readonly stdin: Uint8Array | null;
  /** The site's files by site path (`data/x.csv`): which ones is the caller's choice. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** How the script ended: its exit status, and for an uncaught exception the traceback's last line. */
export interface PythonCgiEnd {
  readonly code: number;
  /** `ZeroDivisionError: division by zero`; the whole traceback is already on stderr. */
  readonly uncaught?: string;
}

/** Receives, in order, what the script writes and then how it ended. */
export interface PythonCgiReport {
  /** Bytes written to stdout, as they are written (a copy the receiver may keep). */
  stdout(chunk: Uint8Array): void;
  /** Each line written to stderr, without its line break. */
  stderr(line: string): void;
  end(end: PythonCgiEnd): void;
}

/**
 * `sys.argv` for a script, from the arguments the CGI handler computes (`cgiArgv`): the kernel
 * puts the script's full path first when it runs the script's `#!` line.
 */
export function pythonArgv(script: string, cgiArgs: readonly string[]): string[] {
  return [`${PYTHON_SITE_ROOT}/${script}`, ...cgiArgs.slice(1)];
}

/** The Emscripten file system calls used here (Pyodide types `FS` as `any`). */
interface EmscriptenFs {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  chmod(path: string, mode: number): void;
}

/** Interpreters already used: each runs one script, like one process per request. */
const spent = new WeakSet<PyodideInterface>();

/** Runs `job` in `pyodide`, which must be freshly loaded and is unusable for another run afterwards. */
export function runPythonCgi(pyodide: PyodideInterface, job: PythonCgiJob, report: PythonCgiReport): void {
  if (spent.has(pyodide)) throw new Error('This Pyodide interpreter has already run a CGI script; each run needs a fresh one');
  if (!job.files.has(job.script)) throw new Error(`The script ${JSON.stringify(job.script)} is not among the site's files`);
  for (const path of job.files.keys()) {
    if (path === '' || resolveSitePath(path) !== path) throw new Error(`Not a site path: ${JSON.stringify(path)}`);
  }
  spent.add(pyodide);
  installSiteFiles(pyodide.FS, job.files);
  const stderr = new LineSplitter((line) => report.stderr(line));
  connectStdio(pyodide, job.stdin ?? new Uint8Array(0), report, stderr);
  const end = runScript(pyodide, job);
  stderr.flush();
  report.end(end);
}

/** Copies the files (site paths, checked) under the site root, then makes every file 0o444 and every directory 0o555. */
function installSiteFiles(fs: EmscriptenFs, files: ReadonlyMap<string, Uint8Array>): void {
  const directories = new Set([PYTHON_SITE_ROOT]);
  fs.mkdirTree(PYTHON_SITE_ROOT);
  for (const [path, bytes] of files) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) directories.add(`${PYTHON_SITE_ROOT}/${segments.slice(0, depth).join('/')}`);
    const full = `${PYTHON_SITE_ROOT}/${path}`;
    fs.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    fs.writeFile(full, bytes);
    fs.chmod(full, 0o444);
  }
  // Directories last: a 0o555 directory refuses new entries, ours included.
  for (const directory of directories) fs.chmod(directory, 0o555);
}

/** fd 0 reads the request body; fd 1 and fd 2 write to the report, with no buffering of their own. */
function connectStdio(pyodide: PyodideInterface, body: Uint8Array, report: PythonCgiReport, stderr: LineSplitter): void {
  let offset = 0;
  pyodide.setStdin({
    read: (buffer: Uint8Array) => {
      const count = Math.min(buffer.length, body.length - offset);
      buffer.set(body.subarray(offset, offset + count));
      offset += count;
      return count;
    },
    isatty: false,
  });
  // The buffer is a view into the interpreter's memory: copy it before it changes.
  pyodide.setStdout({ write: (buffer: Uint8Array) => (report.stdout(buffer.slice()), buffer.length), isatty: false });
  pyodide.setStderr({ write: (buffer: Uint8Array) => (stderr.write(buffer.slice()), buffer.length), isatty: false });
}

/** The runner's frames carry this file name, so that tracebacks can leave them out. */
const RUNNER_FILE = '<dropserve-cgi>';

function runScript(pyodide: PyodideInterface, job: PythonCgiJob): PythonCgiEnd {
  // compile() and exec() rather than runPython, which costs ~15 ms more for its own parsing.
  const builtins = pyodide.pyimport('builtins');
  const namespace = builtins.dict();
  const runner = builtins.compile(PYTHON_RUNNER, RUNNER_FILE, 'exec');
  builtins.exec(runner, namespace);
  const run = namespace.get('run');
  const env = pyodide.toPy({ ...job.env });
  const argv = pyodide.toPy([...job.argv]);
  let result;
  try {
    result = run(`${PYTHON_SITE_ROOT}/${job.script}`, PYTHON_SITE_ROOT, env, argv);
  } catch (error) {
    // os._exit(n) ends the interpreter itself, proxies and all: Emscripten throws its exit status.
    const status = emscriptenExitStatus(error);
    if (status === undefined) throw error;
    return { code: status & 0xff };
  }
  const [code, uncaught] = result.toJs() as [number, string | undefined];
  for (const proxy of [result, run, argv, env, runner, namespace, builtins]) proxy.destroy();
  return uncaught === undefined ? { code } : { code, uncaught };
}

/** The status of Emscripten's `Exit` error (what `exit(n)` in C throws), else undefined. */
function emscriptenExitStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, status } = error as { name?: unknown; status?: unknown };
  return name === 'Exit' && typeof status === 'number' ? status : undefined;
}

/**
 * The Python side: sets up the process state, runs the script as `__main__`, and ends as CPython's
 * `pymain_run_file` ends (SystemExit's code, the excepthook for anything else, atexit, flush).
 */
const PYTHON_RUNNER = String.raw`
import atexit, builtins, errno, io, os, sys, traceback, types
import importlib._bootstrap as bootstrap
from importlib.machinery import SourceFileLoader


def run(script, site, environ, argv):
    main = start_process(script, site, environ, argv)
    uncaught = None
    try:
        run_main(script, main)
        code = 0
    except SystemExit as stop:
        code = exit_status(stop.code)
    except BaseException as error:
        uncaught = report_uncaught(error)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    return code, uncaught


def start_process(script, site, environ, argv):
    boot_directory = os.getcwd()
    os.environ.clear()
    os.environ.update(environ)
    sys.argv = list(argv)
    sys.path[:] = [os.path.dirname(script)] + [entry for entry in sys.path if entry not in ('', boot_directory)]
    sys.dont_write_bytecode = True
    os.chdir(site)
    open_stdio()
    main = types.ModuleType('__main__')
    main.__dict__.update(__file__=script, __cached__=None, __builtins__=builtins, __loader__=SourceFileLoader('__main__', script))
    sys.modules['__main__'] = main
    bootstrap._get_module_not_found_error = module_not_found
    sys.addaudithook(read_only_under(site))
    return main


def module_not_found(name):
    """CPython's ImportError, in place of Pyodide's advice to install packages (no network here)."""
    if name not in sys.stdlib_module_names:
        return ModuleNotFoundError(f'No module named {name!r}', name=name)
    return ModuleNotFoundError(f"No module named {name!r}: the Python that runs CGI scripts here ({PYTHON}) has no such standard module", name=name)


def open_stdio():
    """As CPython's create_stdio sets them up under -u, in the C.UTF-8 locale."""
    def text(fd, mode, name, errors):
        binary = io.open(fd, mode + 'b', buffering=-1 if mode == 'r' else 0, closefd=False)
        (binary.raw if mode == 'r' else binary).name = name
        stream = io.TextIOWrapper(binary, encoding='utf-8', errors=errors, newline='\n', write_through=True)
        stream.mode = mode
        return stream
    sys.stdin = sys.__stdin__ = text(0, 'r', '<stdin>', 'surrogateescape')
    sys.stdout = sys.__stdout__ = text(1, 'w', '<stdout>', 'surrogateescape')
    sys.stderr = sys.__stderr__ = text(2, 'w', '<stderr>', 'backslashreplace')


def run_main(script, main):
    with io.open_code(script) as file:
        source = file.read()
    exec(compile(source, script, 'exec', dont_inherit=True), main.__dict__)


def exit_status(code):
    """What the parent sees for sys.exit(code): Python prints a non-integer code to stderr."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def report_uncaught(error):
    """The script's traceback, as 'python3 script.py' shows it: through sys.excepthook, without our frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == RUNNER_FILE:
        tb = tb.tb_next
    error = error.with_traceback(tb)
    sys.excepthook(type(error), error, tb)
    return traceback.format_exception_only(type(error), error)[-1].rstrip('\n')


WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# Audit events that change the file or directory named by their first argument.
CHANGES_FIRST = {'os.remove', 'os.rmdir', 'os.mkdir', 'os.chmod', 'os.chown', 'os.utime', 'os.truncate', 'os.setxattr', 'os.removexattr', 'os.chflags'}


def read_only_under(site):
    """An audit hook that refuses, before it happens, any change under site, naming the path."""
    def inside(path):
        if isinstance(path, int):
            return False
        try:
            full = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        return full == site or full.startswith(site + '/')

    def refuse(path, path2=None):
        raise PermissionError(errno.EACCES, "Permission denied (this site's files are read-only)", path, None, path2)

    def hook(event, args):
        if event == 'open':
            path, mode, flags = args
            writes = (isinstance(mode, str) and any(letter in mode for letter in 'wax+')) or (flags or 0) & WRITE_FLAGS
            if writes and inside(path):
                refuse(path)
        elif event in CHANGES_FIRST:
            if inside(args[0]):
                refuse(args[0])
        elif event == 'os.rename':
            if inside(args[0]) or inside(args[1]):
                refuse(args[0], args[1])
        elif event in ('os.link', 'os.symlink'):
            if inside(args[1]):
                refuse(args[1])
    return hook


RUNNER_FILE = ${JSON.stringify(RUNNER_FILE)}
PYTHON = f'Pyodide {sys.modules["pyodide"].__version__}, CPython {sys.version.split()[0]}' if 'pyodide' in sys.modules else sys.version.split()[0]
`;
