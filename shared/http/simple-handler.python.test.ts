/**
 * Byte-for-byte comparisons with CPython 3.11.7: each request below was sent with a raw socket to
 * `python3 -m http.server` serving the tree of `capturedSite()`, and the status line, headers and
 * body it answered, and what it logged, are hard-coded here. Only the `Server` header is ours
 * (`Python/3.11.7` there).
 */

import { describe, expect, it } from 'vitest';
import { exchange } from './testing.ts';

const PAGE_404 =
"<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n";

interface Captured {
  readonly request: readonly [method: string, target: string, headers?: Record<string, string>];
  readonly head: string;
  readonly body: string;
  /** The log lines after their `127.0.0.1 - - [<local time>] ` prefix. */
  readonly log: readonly string[];
}

const CAPTURED: readonly Captured[] = [
  {
    request: ["GET", "/a.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["HEAD", "/a.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "",
    log: ["\"HEAD /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/missing"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /missing HTTP/1.0\" 404 -"],
  },
  {
    request: ["HEAD", "/missing"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: "",
    log: ["code 404, message File not found", "\"HEAD /missing HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/sub"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub?q=1"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/?q=1\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub?q=1 HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub?"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub? HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub#frag"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/#frag\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub#frag HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub?x=1#frag"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/?x=1#frag\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub?x=1#frag HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub#"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub# HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub?#"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub?# HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/dir%20with%20space"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /dir%20with%20space/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /dir%20with%20space HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub%2F"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub%2F/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub%2F HTTP/1.0\" 301 -"],
  },
  {
    request: ["HEAD", "/sub"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"HEAD /sub HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 230\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /sub/</title>\n</head>\n<body>\n<h1>Directory listing for /sub/</h1>\n<hr>\n<ul>\n<li><a href=\"b.txt\">b.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /sub/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 199\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/</title>\n</head>\n<body>\n<h1>Directory listing for /empty/</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty/?q=<b>&x=1#f"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 243\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/?q=&lt;b&gt;&amp;x=1#f</title>\n</head>\n<body>\n<h1>Directory listing for /empty/?q=&lt;b&gt;&amp;x=1#f</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/?q=<b>&x=1#f HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 1491\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /names/</title>\n</head>\n<body>\n<h1>Directory listing for /names/</h1>\n<hr>\n<ul>\n<li><a href=\"%23hash\">#hash</a></li>\n<li><a href=\"%25pct\">%pct</a></li>\n<li><a href=\"%26%3C%3E%22%27\">&amp;&lt;&gt;\"'</a></li>\n<li><a href=\"-dash\">-dash</a></li>\n<li><a href=\".dot\">.dot</a></li>\n<li><a href=\"0zero\">0zero</a></li>\n<li><a href=\"%5Bbr%5D\">[br]</a></li>\n<li><a href=\"%5Ecaret\">^caret</a></li>\n<li><a href=\"_under\">_under</a></li>\n<li><a href=\"%60bt%60\">`bt`</a></li>\n<li><a href=\"a%3Ab\">a:b</a></li>\n<li><a href=\"back%5Cslash\">back\\slash</a></li>\n<li><a href=\"eq%3D%2C%24%21%27%28%29%2A\">eq=,$!'()*</a></li>\n<li><a href=\"k%E2%84%AA\">k\u212a</a></li>\n<li><a href=\"MiXeD.TXT\">MiXeD.TXT</a></li>\n<li><a href=\"plus%2B\">plus+</a></li>\n<li><a href=\"q%3Fmark\">q?mark</a></li>\n<li><a href=\"semi%3Bcolon\">semi;colon</a></li>\n<li><a href=\"space%20name\">space name</a></li>\n<li><a href=\"Sub%20Dir/\">Sub Dir/</a></li>\n<li><a href=\"tab%09name\">tab\tname</a></li>\n<li><a href=\"tilde~\">tilde~</a></li>\n<li><a href=\"Zed\">Zed</a></li>\n<li><a href=\"zed2\">zed2</a></li>\n<li><a href=\"%7Bcb%7D\">{cb}</a></li>\n<li><a href=\"%7Cpipe\">|pipe</a></li>\n<li><a href=\"%C3%89\">\u00c9</a></li>\n<li><a href=\"%C3%A9dir/\">\u00e9dir/</a></li>\n<li><a href=\"%C3%BC\">\u00fc</a></li>\n<li><a href=\"%EE%80%80\">\ue000</a></li>\n<li><a href=\"%EF%BC%A6%EF%BC%B5%EF%BC%AC%EF%BC%AC\">\uff26\uff35\uff2c\uff2c</a></li>\n<li><a href=\"%F0%9F%98%80\">\ud83d\ude00</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /names/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/withindex/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 18\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "<p>index.html</p>\n",
    log: ["\"GET /withindex/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/htmonly/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 11\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "<p>htm</p>\n",
    log: ["\"GET /htmonly/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/fakeindex/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 12\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "<p>fake</p>\n",
    log: ["\"GET /fakeindex/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /a.txt/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/a.txt%2f"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt%2f HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/../a.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /../a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/%2e%2e/a.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /%2e%2e/a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/sub/%2e%2e/a.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /sub/%2e%2e/a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/sub/..%2Fa.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /sub/..%2Fa.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/sub%2fb.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 3\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "bee",
    log: ["\"GET /sub%2fb.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "//evil.com/.."],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /evil.com/../\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET //evil.com/.. HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/a%00/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /a%00/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/d%26%3C%3E%22%27x/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 258\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /d&amp;&lt;&gt;\"'x/</title>\n</head>\n<body>\n<h1>Directory listing for /d&amp;&lt;&gt;\"'x/</h1>\n<hr>\n<ul>\n<li><a href=\"z.txt\">z.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /d%26%3C%3E%22%27x/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty//"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 201\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty//</title>\n</head>\n<body>\n<h1>Directory listing for /empty//</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty// HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/sub/../empty/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 213\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /sub/../empty/</title>\n</head>\n<body>\n<h1>Directory listing for /sub/../empty/</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /sub/../empty/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty/?%C3%28%ff%zz%"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 223\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/?\ufffd(\ufffd%zz%</title>\n</head>\n<body>\n<h1>Directory listing for /empty/?\ufffd(\ufffd%zz%</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/?%C3%28%ff%zz% HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty/?%F0%9F%98"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 207\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/?\ufffd</title>\n</head>\n<body>\n<h1>Directory listing for /empty/?\ufffd</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/?%F0%9F%98 HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/empty/?+%2B"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 205\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/?++</title>\n</head>\n<body>\n<h1>Directory listing for /empty/?++</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/?+%2B HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:04 GMT" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT", "If-None-Match": "" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 04:04:05 +0100" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "garbage" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["HEAD", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"HEAD /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/frac.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /frac.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/withindex/", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /withindex/ HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/empty/", { "If-Modified-Since": "Thu, 02 Jan 2099 03:04:05 GMT" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 199\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /empty/</title>\n</head>\n<body>\n<h1>Directory listing for /empty/</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /empty/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/frac.txt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "x",
    log: ["\"GET /frac.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["POST", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('POST')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 357\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('POST').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('POST')", "\"POST /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["PUT", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('PUT')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 356\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('PUT').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('PUT')", "\"PUT /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["DELETE", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('DELETE')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 359\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('DELETE').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('DELETE')", "\"DELETE /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["OPTIONS", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('OPTIONS')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 360\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('OPTIONS').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('OPTIONS')", "\"OPTIONS /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["PATCH", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('PATCH')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 358\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('PATCH').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('PATCH')", "\"PATCH /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["get", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('get')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 356\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('get').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('get')", "\"get /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["head", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method ('head')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 357\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('head').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('head')", "\"head /a.txt HTTP/1.0\" 501 -"],
  },
  {
    request: ["GET", "/ty/x.svgz"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: image/svg+xml\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "z",
    log: ["\"GET /ty/x.svgz HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/x.tar.gz"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/gzip\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "z",
    log: ["\"GET /ty/x.tar.gz HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/x.js"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/javascript\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/x.js HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/X.TXT.GZ"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/gzip\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/X.TXT.GZ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/noext"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/noext HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/.hidden"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/.hidden HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/f."],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/f. HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/x.js.br"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/javascript\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/x.js.br HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/ty/x.tgz"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/x-tar\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "1",
    log: ["\"GET /ty/x.tgz HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/pages/page.html"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 12\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "<h1>hi</h1>\n",
    log: ["\"GET /pages/page.html HTTP/1.0\" 200 -"],
  },
  {
    request: ["HEAD", "/pages/page.html"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 12\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "",
    log: ["\"HEAD /pages/page.html HTTP/1.0\" 200 -"],
  },
  {
    request: ["HEAD", "/empty/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 199\r\n\r\n",
    body: "",
    log: ["\"HEAD /empty/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:06 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 20 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thursday, 02-Jan-20 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu Jan  2 03:04:05 2020" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 EST" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2099 03:04:05 +0100" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 -0000" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 XYZ" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 +01:00" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 +0000" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 UTC" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"GET /a.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "2020-01-02T03:04:05Z" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 32 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT", "If-None-Match": "\"x\"" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "hello\n",
    log: ["\"GET /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["HEAD", "/a.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:04 GMT" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 6\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "",
    log: ["\"HEAD /a.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/missing", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /missing HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/sub", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /sub/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /sub HTTP/1.0\" 301 -"],
  },
  {
    request: ["HEAD", "/frac.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:05 GMT" }],
    head: "HTTP/1.0 304 Not Modified\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\n\r\n",
    body: "",
    log: ["\"HEAD /frac.txt HTTP/1.0\" 304 -"],
  },
  {
    request: ["GET", "/frac.txt", { "If-Modified-Since": "Thu, 02 Jan 2020 03:04:04 GMT" }],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "x",
    log: ["\"GET /frac.txt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 689\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n<li><a href=\"a.txt\">a.txt</a></li>\n<li><a href=\"d%26%3C%3E%22%27x/\">d&amp;&lt;&gt;\"'x/</a></li>\n<li><a href=\"dir%20with%20space/\">dir with space/</a></li>\n<li><a href=\"empty/\">empty/</a></li>\n<li><a href=\"fakeindex/\">fakeindex/</a></li>\n<li><a href=\"frac.txt\">frac.txt</a></li>\n<li><a href=\"htmonly/\">htmonly/</a></li>\n<li><a href=\"names/\">names/</a></li>\n<li><a href=\"pages/\">pages/</a></li>\n<li><a href=\"sub/\">sub/</a></li>\n<li><a href=\"ty/\">ty/</a></li>\n<li><a href=\"withindex/\">withindex/</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET / HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /names/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /names HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/dir%20with%20space/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 252\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /dir with space/</title>\n</head>\n<body>\n<h1>Directory listing for /dir with space/</h1>\n<hr>\n<ul>\n<li><a href=\"c.txt\">c.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /dir%20with%20space/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/withindex"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /withindex/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /withindex HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/withindex/index.html"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html\r\nContent-Length: 18\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "<p>index.html</p>\n",
    log: ["\"GET /withindex/index.html HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/fakeindex/index.html/"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 229\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /fakeindex/index.html/</title>\n</head>\n<body>\n<h1>Directory listing for /fakeindex/index.html/</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /fakeindex/index.html/ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/fakeindex/index.html"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /fakeindex/index.html/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /fakeindex/index.html HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/sub/?"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 232\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /sub/?</title>\n</head>\n<body>\n<h1>Directory listing for /sub/?</h1>\n<hr>\n<ul>\n<li><a href=\"b.txt\">b.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /sub/? HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/sub/#"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/html; charset=utf-8\r\nContent-Length: 232\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /sub/#</title>\n</head>\n<body>\n<h1>Directory listing for /sub/#</h1>\n<hr>\n<ul>\n<li><a href=\"b.txt\">b.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n",
    log: ["\"GET /sub/# HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/missing/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /missing/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/sub/b.txt/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /sub/b.txt/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/sub/b.txt?x#y"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 3\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "bee",
    log: ["\"GET /sub/b.txt?x#y HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/%73ub/b%2Etxt"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: text/plain\r\nContent-Length: 3\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "bee",
    log: ["\"GET /%73ub/b%2Etxt HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/SUB/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /SUB/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/names/%C3%BC"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/%C3%BC HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/%C3%BC/"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /names/%C3%BC/ HTTP/1.0\" 404 -"],
  },
  {
    request: ["GET", "/names/space%20name"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/space%20name HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/plus+"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/plus+ HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/plus%2B"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/plus%2B HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/%23hash"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/%23hash HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/q%3Fmark"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/q%3Fmark HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/%25pct"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/%25pct HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/%F0%9F%98%80"],
    head: "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nContent-type: application/octet-stream\r\nContent-Length: 1\r\nLast-Modified: Thu, 02 Jan 2020 03:04:05 GMT\r\n\r\n",
    body: "n",
    log: ["\"GET /names/%F0%9F%98%80 HTTP/1.0\" 200 -"],
  },
  {
    request: ["GET", "/names/Sub%20Dir"],
    head: "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nLocation: /names/Sub%20Dir/\r\nContent-Length: 0\r\n\r\n",
    body: "",
    log: ["\"GET /names/Sub%20Dir HTTP/1.0\" 301 -"],
  },
  {
    request: ["GET", "/names/\u00c3\u00bc"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: PAGE_404,
    log: ["code 404, message File not found", "\"GET /names/\u00c3\u00bc HTTP/1.0\" 404 -"],
  },
  {
    request: ["HEAD", "/missing"],
    head: "HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n",
    body: "",
    log: ["code 404, message File not found", "\"HEAD /missing HTTP/1.0\" 404 -"],
  },
  {
    request: ["PUT", "/"],
    head: "HTTP/1.0 501 Unsupported method ('PUT')\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 356\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('PUT').</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method ('PUT')", "\"PUT / HTTP/1.0\" 501 -"],
  },
  {
    request: ["A'B", "/a.txt"],
    head: "HTTP/1.0 501 Unsupported method (\"A'B\")\r\nServer: SimpleHTTP/0.6 dropserve/0.1\r\nDate: Fri, 27 Nov 2026 13:02:41 GMT\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 356\r\n\r\n",
    body: "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method (\"A'B\").</p>\n        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n",
    log: ["code 501, message Unsupported method (\"A'B\")", "\"A'B /a.txt HTTP/1.0\" 501 -"],
  },
];

describe('SimpleHTTPRequestHandler against captured Python 3.11.7 exchanges', () => {
  it.each(CAPTURED)('$request.0 $request.1 $request.2', async ({ request: [method, target, headers], head, body, log }) => {
    const result = await exchange(method, target, headers === undefined ? {} : { headers });
    expect(result.head).toBe(head);
    expect(result.body).toEqual(new TextEncoder().encode(body));
    expect(result.log.map((line) => line.replace(/^127\.0\.0\.1 - - \[[^\]]+\] /, ''))).toEqual(log);
  });
});
