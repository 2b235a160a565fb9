/**
 * The `Range: bytes=…` header (RFC 9110 §14), read as nginx reads it for a static file: `a-b`,
 * `a-` and `-n`; an end past the file is cut to its last byte; a range that starts past the end
 * (or an empty suffix) cannot be satisfied. Of several ranges only the first satisfiable one is
 * served, as one part (no `multipart/byteranges`; docs/deviations.md) — what media elements and
 * download resumers ask for is one range anyway.
 */

/** Inclusive byte positions, as `Content-Range` writes them. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export type RangeRequest =
  /** No usable Range: send the whole file (absent, another unit, or malformed: RFC 9110 lets us ignore it). */
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly range: ByteRange }
  | { readonly kind: 'unsatisfiable' };

const WHOLE = { kind: 'whole' } as const;
const SPEC = /^(\d*)-(\d*)$/;

/** What `header` asks of a file of `size` bytes. */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (header === null) return WHOLE;
  const match = /^bytes=(.*)$/i.exec(header.trim());
  if (!match) return WHOLE;
  const specs = match[1]!.split(',').map((spec) => spec.trim()).filter((spec) => spec !== '');
  const ranges: (ByteRange | undefined)[] = [];
  for (const spec of specs) {
    const parsed = SPEC.exec(spec);
    if (!parsed) return WHOLE;
    const [, first, last] = parsed as unknown as [string, string, string];
    if (first === '' && last === '') return WHOLE;
    if (first !== '' && last !== '' && Number(last) < Number(first)) return WHOLE;
    ranges.push(satisfiable(first, last, size));
  }
  if (ranges.length === 0) return WHOLE;
  const range = ranges.find((candidate) => candidate !== undefined);
  return range ? { kind: 'partial', range } : { kind: 'unsatisfiable' };
}

/** The `Content-Range` value of a partial answer, or of a 416 (`range` undefined). */
export function contentRange(range: ByteRange | undefined, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}

function satisfiable(first: string, last: string, size: number): ByteRange | undefined {
  if (first === '') {
    const length = Math.min(Number(last), size);
    return length === 0 ? undefined : { start: size - length, end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return undefined;
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
