import { describe, expect, it } from 'vitest';
import type { SiteRecord } from '../shared/vfs/idb-vfs.ts';
import { importSite } from '../shared/vfs/import-site.ts';
import { folder, memoryVfs } from '../shared/vfs/testing.ts';
import { SitesController } from './sites-controller.ts';

async function setUp() {
  const vfs = await memoryVfs();
  const drawn: { sites: string[]; syncable: string[]; damaged: readonly string[] }[] = [];
  const told: { sites: string[]; missing: readonly string[] }[] = [];
  const posted: unknown[] = [];
  const names = (sites: readonly SiteRecord[]) => sites.map((site) => site.name).sort();
  const controller = new SitesController({
    vfs,
    list: { render: (sites, handles, damaged) => void drawn.push({ sites: names(sites), syncable: [...handles.keys()], damaged }) },
    health: { update: (sites, missing) => void told.push({ sites: names(sites), missing }) },
    channel: { postMessage: (message) => void posted.push(message) },
  });
  return { vfs, controller, drawn, told, posted };
}

describe('SitesController', () => {
  it('draws the stored sites, and gives the health notice the same sites', async () => {
    const { vfs, controller, drawn, told, posted } = await setUp();
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    await importSite(vfs, 'docs', folder({}));
    await controller.show();
    expect(drawn).toEqual([{ sites: ['blog', 'docs'], syncable: [], damaged: [] }]);
    expect(told).toEqual([{ sites: ['blog', 'docs'], missing: [] }]);
    expect(posted).toEqual([]);
  });

  it('draws a site whose stored data is partly gone as damaged, and says so', async () => {
    const { vfs, controller, drawn, told } = await setUp();
    await importSite(vfs, 'blog', folder({ 'a.txt': 'a' }));
    const db = await vfs.database();
    await db.clear('blobs');
    await controller.show();
    expect(drawn.at(-1)!.damaged).toEqual(['blog']);
    expect(told.at(-1)!.missing).toEqual(['blog']);
  });

  it('tells the other tabs after a change, and redraws', async () => {
    const { controller, drawn, posted } = await setUp();
    await controller.changed();
    expect(posted).toEqual(['changed']);
    expect(drawn).toHaveLength(1);
  });

  it('saves a site’s options without redrawing this list, telling the other tabs', async () => {
    const { vfs, controller, drawn, posted } = await setUp();
    await importSite(vfs, 'blog', folder({}));
    await controller.saveOptions('blog', { spaFallback: true });
    expect((await vfs.listSites())[0]).toMatchObject({ options: { spaFallback: true } });
    expect(drawn).toEqual([]);
    expect(posted).toEqual(['changed']);
  });
});
