// Saves the running app's OpenAPI document as src/api/openapi.json (then `npm run api:types`).
import { writeFile } from 'node:fs/promises';

const base = process.env.COMPILA_API ?? 'http://localhost:5000';
const response = await fetch(`${base}/openapi/v1.json`);
if (!response.ok) {
  console.error(`GET ${base}/openapi/v1.json answered ${response.status}`);
  process.exit(1);
}
const document = await response.json();
// The committed document names the default address, whichever instance it was fetched from.
document.servers = [{ url: 'http://localhost:5000/' }];
await writeFile(new URL('../src/api/openapi.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
console.log(`saved ${Object.keys(document.paths ?? {}).length} paths from ${base}`);
