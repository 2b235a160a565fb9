/**
 * The HTML body of `send_error` in 3.11 (docs/http-server-rules.md#a-7-8): LF line endings, 4-space indents, one
 * final LF.
 */

import { escapeHtml } from './python-text.ts';

/** `{code}`, `{message}` and `{explain}` are filled in; the last two arrive HTML-escaped. */
export const DEFAULT_ERROR_MESSAGE = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: {code}</p>
        <p>Message: {message}.</p>
        <p>Error code explanation: {code} - {explain}.</p>
    </body>
</html>
`;

/** Without a space after `;`, unlike the `Content-type` of a listing. */
export const DEFAULT_ERROR_CONTENT_TYPE = 'text/html;charset=utf-8';

export interface ErrorDetails {
  readonly code: number;
  readonly message: string;
  readonly explain: string;
}

/**
 * Fills `template` in one pass, so a message that itself contains `{code}` stays as it is. Only
 * `&`, `<` and `>` are escaped, as Python does.
 */
export function renderErrorPage(template: string, { code, message, explain }: ErrorDetails): string {
  const fields: Readonly<Record<string, string>> = {
    code: String(code),
    message: escapeHtml(message),
    explain: escapeHtml(explain),
  };
  return template.replace(/\{(code|message|explain)\}/g, (_, name: string) => fields[name]);
}
