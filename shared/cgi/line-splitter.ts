/** A script's stderr as lines, for the server log. */

/** Bytes in, complete lines out (LF or CRLF), UTF-8 decoded across chunk boundaries. */
export class LineSplitter {
  readonly #decoder = new TextDecoder();
  readonly #onLine: (line: string) => void;
  #partial = '';

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  write(chunk: Uint8Array): void {
    const lines = (this.#partial + this.#decoder.decode(chunk, { stream: true })).split('\n');
    this.#partial = lines.pop()!;
    for (const line of lines) this.#onLine(line.replace(/\r$/, ''));
  }

  flush(): void {
    const rest = this.#partial + this.#decoder.decode();
    this.#partial = '';
    if (rest !== '') this.#onLine(rest);
  }
}
