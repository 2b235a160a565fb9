import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.ts';

describe('LineSplitter', () => {
  it('gives complete lines, joining chunks and multi-byte characters split between them', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const bytes = new TextEncoder().encode('one\r\ntwo ü\nthr');
    splitter.write(bytes.subarray(0, 9)); // ends inside “ü”
    expect(lines).toEqual(['one']);
    splitter.write(bytes.subarray(9));
    expect(lines).toEqual(['one', 'two ü']);
    splitter.flush();
    expect(lines).toEqual(['one', 'two ü', 'thr']);
  });

  it('gives nothing more on flush after a final line break', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.write(new TextEncoder().encode('done\n'));
    splitter.flush();
    expect(lines).toEqual(['done']);
  });
});
