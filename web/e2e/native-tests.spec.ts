import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support';

interface Detail {
  slug: string;
  title: string;
  testFiles: Record<string, { path: string; content: string }[]>;
}

test('a challenge judged by native tests shows the test file of the chosen language', async ({ page, request }) => {
  const detail = (await (await request.get('/v1/challenges/carteira-pix')).json()) as Detail;
  expect(Object.keys(detail.testFiles)).toContain('java');

  await page.goto(`/challenges/${detail.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: detail.title })).toBeVisible();
  await page.getByLabel('Linguagem').selectOption('java');

  await expect(page.getByRole('heading', { name: 'Testes' })).toBeVisible();
  const file = page.getByTestId('test-file');
  await expect(file).toContainText(detail.testFiles.java![0]!.path);
  await expect(file).toContainText('@Test');

  await page.getByLabel('Linguagem').selectOption('go');
  await expect(file).toContainText('func Test');
  await expectNoSeriousViolations(page, 'native test files');
});
