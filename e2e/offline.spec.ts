/**
 * After one online visit, the app and every stored site work with the network gone: the server
 * stopped and the browser offline. This test runs its own app server so that it can stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from './test.ts';
import { copyFixture, importWithPicker, site } from './app.ts';
import { freePort } from './ports.ts';

async function startAppServer(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node', ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('dropserve is at') && resolve());
    child.once('exit', (code) => reject(new Error(`the app server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child };
}

test('the app and a stored site work offline after one online visit', async ({ page, context }) => {
  const server = await startAppServer();
  const fixture = copyFixture('multipage');
  try {
    await page.goto(server.url + '/');
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await importWithPicker(page, fixture.dir, 'multipage');
    await page.goto(server.url + '/site/multipage/');
    await expect(page.locator('body')).toHaveAttribute('data-script-ran', 'yes');

    const stopped = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await stopped;
    await context.setOffline(true);

    await page.goto(server.url + '/');
    await expect(page.getByRole('heading', { name: 'dropserve' })).toBeVisible();
    await expect(site(page, 'multipage')).toBeVisible();
    await site(page, 'multipage').getByTestId('open-site').click();
    await expect(page.locator('#status')).toHaveText('The module script ran and imported another module.');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(250, 240, 230)');
    await page.goto(server.url + '/site/multipage/docs/');
    await expect(page.locator('li a')).toHaveText(['data.json', 'guides/', 'notes.txt']);
  } finally {
    await context.setOffline(false);
    if (server.process.exitCode === null) server.process.kill('SIGTERM');
    fixture.remove();
  }
});
