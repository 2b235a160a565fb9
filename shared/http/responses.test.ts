import { describe, expect, it } from 'vitest';
import { RESPONSES } from './responses.ts';

describe('RESPONSES', () => {
  it('has the 62 codes of http.HTTPStatus in 3.11', () => {
    expect(RESPONSES.size).toBe(62);
    expect([...RESPONSES.keys()].slice(0, 4)).toEqual([100, 101, 102, 103]);
    expect([...RESPONSES.keys()].at(-1)).toBe(511);
  });

  it('keeps the 3.11 phrases that 3.13 renamed', () => {
    expect(RESPONSES.get(413)).toEqual(['Request Entity Too Large', 'Entity is too large']);
    expect(RESPONSES.get(414)).toEqual(['Request-URI Too Long', 'URI is too long']);
    expect(RESPONSES.get(416)).toEqual(['Requested Range Not Satisfiable', 'Cannot satisfy request range']);
    expect(RESPONSES.get(422)).toEqual(['Unprocessable Entity', '']);
  });

  it('holds the phrases and descriptions the handlers use', () => {
    expect(RESPONSES.get(200)).toEqual(['OK', 'Request fulfilled, document follows']);
    expect(RESPONSES.get(301)).toEqual(['Moved Permanently', 'Object moved permanently -- see URI list']);
    expect(RESPONSES.get(304)).toEqual(['Not Modified', 'Document has not changed since given time']);
    expect(RESPONSES.get(404)).toEqual(['Not Found', 'Nothing matches the given URI']);
    expect(RESPONSES.get(501)).toEqual(['Not Implemented', 'Server does not support this operation']);
    expect(RESPONSES.get(418)).toEqual(["I'm a Teapot", 'Server refuses to brew coffee because it is a teapot.']);
    expect(RESPONSES.get(429)?.[1]).toBe('The user has sent too many requests in a given amount of time ("rate limiting")');
  });

  it('has no 306, 419 or 509', () => {
    for (const code of [306, 419, 509]) expect(RESPONSES.has(code)).toBe(false);
  });
});
