/** A zip through the real import (on fake-indexeddb): what is stored, a bad member, a re-import. */
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../e2e/zip-fixtures.ts';
import { importSite } from '../vfs/import-site.ts';
import { memoryVfs, siteSnapshot } from '../vfs/testing.ts';
import { readZipSite } from './zip-site.ts';

const PAGE = '<!doctype html><h1>zipped</h1>\n'.repeat(100);

describe('importing a zip', () => {
  it('stores each member unpacked, with its time, and the empty directories', async () => {
    const vfs = await memoryVfs();
    const zip = await readZipSite(new Blob([makeZip([{ name: 'site/index.html', data: PAGE, date: [2024, 1, 2, 3, 4, 6] }, { name: 'site/empty/' }])]), 'site.zip');
    await importSite(vfs, 'site', zip.items);
    const stored = await siteSnapshot(vfs, 'site');
    expect(Object.keys(stored!.entries).sort()).toEqual(['empty', 'index.html']);
    expect(new TextDecoder().decode(stored!.entries['index.html']!.bytes)).toBe(PAGE);
    expect(stored!.entries['index.html']!.stat.mtime).toBe(new Date(2024, 0, 2, 3, 4, 6).getTime());
  });

  it('fails by the damaged member and keeps the site that was there', async () => {
    const vfs = await memoryVfs();
    const good = makeZip([{ name: 'a.txt', data: 'alpha', method: 'store' }, { name: 'b.txt', data: 'bravo', method: 'store' }]);
    await importSite(vfs, 'site', (await readZipSite(new Blob([good]), 'site.zip')).items);
    const before = await siteSnapshot(vfs, 'site');
    // Newer times, so that a re-sync must unpack both rather than keep the stored bytes.
    const date = [2025, 6, 1, 12, 0, 0] as const;
    const bad = makeZip([{ name: 'a.txt', data: 'ALPHA', method: 'store', date }, { name: 'b.txt', data: 'bravo', method: 'store', date }]);
    bad[Buffer.from(bad).indexOf('bravo')] ^= 0x20;
    const error = await importSite(vfs, 'site', (await readZipSite(new Blob([bad]), 'site.zip')).items).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'invalid', message: expect.stringContaining('“b.txt” does not match its checksum') });
    expect(await siteSnapshot(vfs, 'site')).toEqual(before);
  });

  it('writes nothing when the same archive is imported again', async () => {
    const vfs = await memoryVfs();
    const bytes = makeZip([{ name: 'index.html', data: PAGE }, { name: 'css/site.css', data: 'p {}' }]);
    await importSite(vfs, 'site', (await readZipSite(new Blob([bytes]), 'site.zip')).items);
    const again = await importSite(vfs, 'site', (await readZipSite(new Blob([bytes]), 'site.zip')).items);
    expect(again.changes).toMatchObject({ added: [], changed: [], removed: [] });
  });
});
