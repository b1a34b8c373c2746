import { expect, test } from '@playwright/test';

test('installable PWA: a manifest with icons, a service worker that never caches the API', async ({ page, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBeTruthy();

  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Once the worker controls the page, use the API through it.
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.goto('/challenges');
  await expect(page.getByTestId('challenge-card').first()).toBeVisible();
  await page.getByTestId('challenge-card').first().getByRole('link').click();
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain('/');
  expect(cached.some((path) => path.startsWith('/assets/'))).toBe(true);
  expect(cached.filter((path) => /^\/(v1|docs|openapi|health)(\/|$)/.test(path))).toEqual([]);
});
