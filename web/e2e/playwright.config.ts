import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 5299);
// E2E_BASE_URL points the suite at an app that is already running (dev); otherwise it starts its own.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: process.env.SCREENSHOTS ? ['screenshots.spec.ts'] : ['*.spec.ts'],
  testIgnore: process.env.SCREENSHOTS ? [] : ['screenshots.spec.ts'],
  outputDir: path.join(import.meta.dirname, '../test-results'),
  timeout: 240_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `bash ${path.join(import.meta.dirname, 'start-app.sh')}`,
        url: `${baseURL}/health/ready`,
        env: { E2E_PORT: String(port) },
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
