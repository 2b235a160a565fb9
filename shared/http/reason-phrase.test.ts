import { describe, expect, it } from 'vitest';
import { toReasonPhrase } from './reason-phrase.ts';

describe('toReasonPhrase', () => {
  it('keeps HTAB, SP, VCHAR and obs-text', () => {
    const allowed = `\t !~${String.fromCharCode(0x80)}ÿü`;
    expect(toReasonPhrase(allowed)).toBe(allowed);
    expect(toReasonPhrase("Unsupported method ('POST')")).toBe("Unsupported method ('POST')");
  });

  it('replaces controls, DEL and characters beyond U+00FF, one ? per code point', () => {
    expect(toReasonPhrase('a\x00b\rc\nd\x7fe€f\u{1F600}g')).toBe('a?b?c?d?e?f?g');
  });

  it('gives phrases a Fetch Response accepts', () => {
    expect(new Response(null, { status: 400, statusText: toReasonPhrase('bad\r\n€') }).statusText).toBe('bad???');
  });
});
