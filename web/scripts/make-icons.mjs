// Renders the PWA's PNG icons from the SVGs in public/icons with the machine's Chromium.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const dir = new URL('../public/icons/', import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
for (const [svg, size, out] of [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['maskable.svg', 512, 'maskable-512.png'],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = await readFile(new URL(svg, dir), 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
  await page.screenshot({ path: new URL(out, dir).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
