import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_CONTENT_TYPE, DEFAULT_ERROR_MESSAGE, renderErrorPage } from './error-page.ts';

describe('renderErrorPage', () => {
  it("renders Python 3.11's 335-byte 404 page", () => {
    const page = renderErrorPage(DEFAULT_ERROR_MESSAGE, {
      code: 404,
      message: 'File not found',
      explain: 'Nothing matches the given URI',
    });
    expect(page).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n' +
        '        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n' +
        '        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n' +
        '        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n',
    );
    expect(new TextEncoder().encode(page).length).toBe(335);
  });

  it('escapes &, < and > of message and explanation, not quotes', () => {
    const page = renderErrorPage('{message}|{explain}', { code: 400, message: `<a href="x">'&'`, explain: '>' });
    expect(page).toBe(`&lt;a href="x"&gt;'&amp;'|&gt;`);
  });

  it('leaves other braces alone', () => {
    expect(renderErrorPage('{code} {other} {Code}', { code: 1, message: '', explain: '' })).toBe('1 {other} {Code}');
  });
});

describe('DEFAULT_ERROR_CONTENT_TYPE', () => {
  it('has no space after the semicolon', () => {
    expect(DEFAULT_ERROR_CONTENT_TYPE).toBe('text/html;charset=utf-8');
  });
});
