import { describe, expect, it } from 'vitest';
import { isLogMessage, logMessage } from './log-message.ts';

describe('log messages', () => {
  it('recognises what logMessage builds, after a structured clone', () => {
    const message = structuredClone(logMessage('blog', '127.0.0.1 - - [27/Nov/2026 11:20:48] "GET / HTTP/1.1" 200 -'));
    expect(isLogMessage(message)).toBe(true);
    expect(message).toEqual({ kind: 'log-line', site: 'blog', line: '127.0.0.1 - - [27/Nov/2026 11:20:48] "GET / HTTP/1.1" 200 -' });
  });

  it('ignores anything else on the channel', () => {
    for (const other of [null, undefined, 'changed', 42, {}, { kind: 'log-line', site: 'blog' }, { kind: 'log-line', site: 1, line: 'x' }, { kind: 'other', site: 'a', line: 'b' }]) {
      expect(isLogMessage(other)).toBe(false);
    }
  });
});
