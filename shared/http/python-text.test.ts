import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  encodeUtf8,
  escapeHtml,
  escapeLogControls,
  pyRepr,
  sortByListingName,
  splitWhitespace,
  stripTrailingWhitespace,
} from './python-text.ts';

describe('splitWhitespace', () => {
  it("splits on Python's whitespace, which JS \\s does not match exactly", () => {
    expect(splitWhitespace('a\x1cb\x1dc\x1ed\x1fe\x85f\xa0g\u3000h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(splitWhitespace('  a \t\n\v\f\r b  ')).toEqual(['a', 'b']);
  });

  it('keeps U+FEFF, which JS \\s would split on', () => {
    expect(splitWhitespace('a\ufeffb')).toEqual(['a\ufeffb']);
  });

  it('gives no words for blank text', () => {
    expect(splitWhitespace('')).toEqual([]);
    expect(splitWhitespace(' \t ')).toEqual([]);
  });
});

describe('stripTrailingWhitespace', () => {
  it('strips only the end', () => {
    expect(stripTrailingWhitespace(' /a/ \t\x1f\x85')).toBe(' /a/');
    expect(stripTrailingWhitespace('/a\ufeff')).toBe('/a\ufeff');
  });
});

describe('escapeHtml', () => {
  it('escapes &, < and > only', () => {
    expect(escapeHtml(`&<>"' &amp;`)).toBe(`&amp;&lt;&gt;"' &amp;amp;`);
  });
});

describe('pyRepr', () => {
  // [text, repr(text)] from Python 3.11.7.
  const cases: readonly (readonly [string, string])[] = [
    ['POST', "'POST'"],
    ['get', "'get'"],
    ["a'b", '"a\'b"'],
    ['a"b', "'a\"b'"],
    ['a"b\'c', "'a\"b\\'c'"],
    ['tab\there', "'tab\\there'"],
    ['nl\nx\r', "'nl\\nx\\r'"],
    ['back\\slash', "'back\\\\slash'"],
    ['\u0000\u001b\u007f\u0080\u009f\u00a0\u00ad', "'\\x00\\x1b\\x7f\\x80\\x9f\\xa0\\xad'"],
    ['\u00fc \u00ff \u20ac', "'\u00fc \u00ff \u20ac'"],
    ['\u200b\u2028\u3000\ufeff', "'\\u200b\\u2028\\u3000\\ufeff'"],
    ['\ud800', "'\\ud800'"],
    ['\ud83d\ude00', "'\ud83d\ude00'"],
    ['\udb40\udc01', "'\\U000e0001'"],
    ['\ue000', "'\\ue000'"],
    ['\u0378', "'\\u0378'"],
  ];
  it.each(cases)('reprs %j as Python does', (text, expected) => {
    expect(pyRepr(text)).toBe(expected);
  });
});

describe('escapeLogControls', () => {
  it('escapes C0 and C1 controls as lowercase \\xNN and doubles backslashes', () => {
    expect(escapeLogControls('a\x00\x1b[31m\x7f\x9f\\b')).toBe('a\\x00\\x1b[31m\\x7f\\x9f\\\\b');
    expect(escapeLogControls('\t\r\n')).toBe('\\x09\\x0d\\x0a');
  });

  it('leaves U+00A0 and beyond alone', () => {
    expect(escapeLogControls('\xa0ü€😀')).toBe('\xa0ü€😀');
  });
});

describe('compareCodePoints', () => {
  it('orders astral characters after U+E000–U+FFFF, unlike UTF-16 order', () => {
    expect(compareCodePoints('\u{1F600}', '\uffff')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uffff').toBe(true);
  });

  it('orders a lone surrogate by its own value', () => {
    expect(compareCodePoints('\ud83d', '\ue000')).toBeLessThan(0);
    expect(compareCodePoints('\ud83d', '\u{1F600}')).toBeLessThan(0);
  });

  it('puts a prefix first and finds equal strings equal', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});

describe('sortByListingName', () => {
  const sortNames = (names: string[]) => sortByListingName(names.map((name) => ({ name }))).map(({ name }) => name);

  it("sorts as Python's sorted(key=str.lower)", () => {
    const names = [
      '\ud835\udc00', 'ac', 'aa', 'Ab', 'ix', '\u0130x', 'k\u212a', '\uffff', '\ue000', '\ud83d\ude00',
      '\uff26\uff35\uff2c\uff2c', '|pipe', '{cb}', 'a:b', '`bt`', '_under', '^caret', '[br]', '0zero', '-dash',
      '.dot', 'zed2', 'Zed', '\u00c9', '\u00fc', 'plus+', '%pct', 'q?mark', '#hash', '&<>"\'', 'space name',
    ];
    expect(sortNames(names)).toEqual([
      '#hash', '%pct', '&<>"\'', '-dash', '.dot', '0zero', '[br]', '^caret', '_under', '`bt`', 'a:b', 'aa', 'Ab',
      'ac', 'ix', '\u0130x', 'k\u212a', 'plus+', 'q?mark', 'space name', 'Zed', 'zed2', '{cb}', '|pipe', '\u00c9',
      '\u00fc', '\ue000', '\uff26\uff35\uff2c\uff2c', '\uffff', '\ud835\udc00', '\ud83d\ude00',
    ]);
  });

  it('keeps names equal once lowercased in their given order (stable sort)', () => {
    expect(sortNames(['b', 'E', 'B', 'e', 'É', 'é'])).toEqual(['b', 'B', 'E', 'e', 'É', 'é']);
    expect(sortNames(['e', 'E'])).toEqual(['e', 'E']);
  });
});

describe('encodeUtf8', () => {
  it('encodes UTF-8, a lone surrogate as ? like errors="replace"', () => {
    expect([...encodeUtf8('aü€\u{1F600}')]).toEqual([0x61, 0xc3, 0xbc, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect([...encodeUtf8('a\ud800b\udfff')]).toEqual([0x61, 0x3f, 0x62, 0x3f]);
  });
});
