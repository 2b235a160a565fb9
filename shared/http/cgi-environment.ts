/**
 * What a CGI script is given (docs/http-server-rules.md#c-5, docs/http-server-rules.md#c-6-2): the CGI variables computed from the request
 * as CPython 3.11's `run_cgi` computes them, and the query-as-arguments rule.
 */
import { splitWhitespace } from './python-text.ts';

export type CgiEnvironment = Record<string, string>;

/** The request facts `run_cgi` reads from the server and the handler. */
export interface CgiRequestFacts {
  readonly serverSoftware: string;
  readonly serverName: string;
  readonly serverPort: string;
  readonly serverProtocol: string;
  readonly method: string;
  /** Already percent-decoded once (by the collapse); decoded again here, as Python does. */
  readonly pathInfo: string;
  /** `translate_path(PATH_INFO)`: a path under the site's directory. */
  readonly pathTranslated: string;
  readonly scriptName: string;
  readonly query: string;
  readonly remoteAddr: string;
  readonly headers: Headers;
}

/**
 * The variables in Python's order. No host environment is inherited (a browser has none to
 * give), so the variables Python defaults to `''` are simply `''` when absent.
 */
export function cgiEnvironment(facts: CgiRequestFacts): CgiEnvironment {
  const { headers } = facts;
  const env: CgiEnvironment = {
    SERVER_SOFTWARE: facts.serverSoftware,
    SERVER_NAME: facts.serverName,
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: facts.serverProtocol,
    SERVER_PORT: facts.serverPort,
    REQUEST_METHOD: facts.method,
    PATH_INFO: facts.pathInfo,
    PATH_TRANSLATED: facts.pathTranslated,
    SCRIPT_NAME: facts.scriptName,
    QUERY_STRING: facts.query,
    REMOTE_ADDR: facts.remoteAddr,
  };
  Object.assign(env, authorizationVariables(headers.get('Authorization')));
  // Python's `get_content_type()` falls back to text/plain.
  env.CONTENT_TYPE = headers.get('Content-Type') ?? 'text/plain';
  setIfNonEmpty(env, 'CONTENT_LENGTH', headers.get('Content-Length'));
  setIfNonEmpty(env, 'HTTP_REFERER', headers.get('Referer'));
  // Fetch's Headers has already joined repeated fields with `, `; a browser sends one of each.
  env.HTTP_ACCEPT = headers.get('Accept') ?? '';
  setIfNonEmpty(env, 'HTTP_USER_AGENT', headers.get('User-Agent'));
  setIfNonEmpty(env, 'HTTP_COOKIE', headers.get('Cookie'));
  for (const name of ['QUERY_STRING', 'REMOTE_HOST', 'CONTENT_LENGTH', 'HTTP_USER_AGENT', 'HTTP_COOKIE', 'HTTP_REFERER']) env[name] ??= '';
  return env;
}

function setIfNonEmpty(env: CgiEnvironment, name: string, value: string | null): void {
  if (value) env[name] = value;
}

/**
 * AUTH_TYPE when the header splits into exactly two words; REMOTE_USER too when the scheme is
 * Basic and the credentials decode (leniently, as `base64.decodebytes`) to ASCII `user:password`
 * with exactly one colon. The password is never exported.
 */
export function authorizationVariables(authorization: string | null): CgiEnvironment {
  const words = authorization ? splitWhitespace(authorization) : [];
  if (words.length !== 2) return {};
  const [scheme, credentials] = words as [string, string];
  if (scheme.toLowerCase() !== 'basic') return { AUTH_TYPE: scheme };
  const decoded = decodeBase64Leniently(credentials);
  const text = decoded && decoded.every((byte) => byte < 0x80) ? String.fromCharCode(...decoded) : undefined;
  const parts = text?.split(':');
  return parts?.length === 2 ? { AUTH_TYPE: scheme, REMOTE_USER: parts[0]! } : { AUTH_TYPE: scheme };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `binascii.a2b_base64` in its non-strict mode: characters outside the alphabet are skipped, and
 * decoding stops at the first complete padding. Undefined where Python raises (a dangling
 * character, or missing padding).
 */
export function decodeBase64Leniently(text: string): number[] | undefined {
  const bytes: number[] = [];
  let quadPosition = 0;
  let bits = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      if (quadPosition >= 2 && quadPosition + ++pads >= 4) return bytes;
      continue;
    }
    const value = BASE64_ALPHABET.indexOf(char);
    if (value < 0) continue;
    bits = (bits << 6) | value;
    if (quadPosition > 0) bytes.push((bits >> (6 - 2 * quadPosition)) & 0xff);
    quadPosition = (quadPosition + 1) % 4;
    bits &= 0x3f;
  }
  return quadPosition === 0 ? bytes : undefined;
}

/**
 * The script's arguments (fork path, docs/http-server-rules.md#c-6-2): its bare file name, then the query with `+`
 * made a space and nothing else decoded, unless the query holds an `=`. No query at all still
 * gives the empty argument.
 */
export function cgiArgv(scriptFileName: string, query: string): string[] {
  const decoded = query.replaceAll('+', ' ');
  return decoded.includes('=') ? [scriptFileName] : [scriptFileName, decoded];
}
