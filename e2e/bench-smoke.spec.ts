/**
 * Keeps `npm run bench` from rotting: its smoke mode runs every scenario once on tiny fixtures,
 * end to end (build, peers, Chromium over CDP, import through `folder-input`), and must produce a
 * complete table and JSON. It asserts that the measurements exist and saw real pages and bytes,
 * never how fast anything was: timing belongs to the bench, not to a test.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './test.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}
interface BenchJson {
  summary: Record<string, Record<string, Stats>>;
  targets: { metric: string; value: number; met: boolean }[];
  checks: { scenario: string; system: string; warm?: { resources: number; failed: number; links: number }; bytes?: number }[];
}

test('npm run bench --smoke measures every scenario for every system', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'dropserve-bench-smoke-'));
  try {
    const out = path.join(dir, 'smoke.json');
    const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.mjs', '--smoke', '--out', out], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
    expect(stdout).toContain('| measurement | dropserve | floor | python | serve |');

    const result = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;
    const all = ['dropserve', 'floor', 'python', 'serve'];
    const expected: Record<string, string[]> = {
      'import.files.rate': ['dropserve', 'floor'],
      'import.big.ms': ['dropserve', 'floor'],
      'import.files.heap': ['dropserve', 'floor'],
      'pageload.warm': all,
      'pageload.cold': ['dropserve', 'floor'],
      'requests.one': all,
      'requests.fifty': all,
      'big.rate': all,
      'big.firstByte': all,
      'big.swHeap': ['dropserve', 'floor'],
      'listing.warm': ['dropserve', 'floor', 'python'],
      'listing.html': ['dropserve', 'floor', 'python'],
    };
    for (const [metric, systems] of Object.entries(expected)) {
      expect(Object.keys(result.summary[metric] ?? {}).sort(), metric).toEqual([...systems].sort());
      // Heap growth may be exactly 0; every time, rate and heap size is more.
      const least = metric === 'big.swHeap' ? 0 : Number.MIN_VALUE;
      for (const system of systems) expect(result.summary[metric]![system]!.median, `${metric} ${system}`).toBeGreaterThanOrEqual(least);
    }
    // The pages really loaded everything through each system (30 subresources in smoke mode).
    const pageLoads = result.checks.filter((c) => c.scenario === 'pageload');
    expect(pageLoads.map((c) => c.system).sort()).toEqual([...all].sort());
    for (const c of pageLoads) expect([c.warm!.resources, c.warm!.failed], c.system).toEqual([30, 0]);
    for (const c of result.checks.filter((c) => c.scenario === 'big')) expect(c.bytes, c.system).toBe(8 * 2 ** 20);
    expect(result.targets.length).toBeGreaterThan(10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
