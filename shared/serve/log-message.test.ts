import { describe, expect, it } from 'vitest';
import { isLogMessage, logMessage } from './log-message.ts';

const LINE = '127.0.0.1 - - [27/Nov/2026 11:20:48] "GET / HTTP/1.1" 200 -';

describe('log messages', () => {
  it('recognises what logMessage builds, after a structured clone', () => {
    const message = structuredClone(logMessage([{ site: 'blog', line: LINE }, { site: '', line: 'x' }]));
    expect(isLogMessage(message)).toBe(true);
    expect(message).toEqual({ kind: 'log-lines', lines: [{ site: 'blog', line: LINE }, { site: '', line: 'x' }] });
  });

  it('ignores anything else on the channel', () => {
    const others = [null, undefined, 'changed', 42, {}, { kind: 'log-lines' }, { kind: 'log-lines', lines: [{ site: 'blog' }] }, { kind: 'log-lines', lines: [{ site: 1, line: 'x' }] }, { kind: 'other', lines: [] }, { kind: 'log-line', site: 'a', line: 'b' }];
    for (const other of others) expect(isLogMessage(other), JSON.stringify(other)).toBe(false);
  });
});
