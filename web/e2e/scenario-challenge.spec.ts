import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support';

interface Detail {
  slug: string;
  title: string;
  testFiles: Record<string, { path: string; content: string }[]>;
}

test('a scenario challenge shows its statement and starter, and no test files to read answers from', async ({ page, request }) => {
  const detail = (await (await request.get('/v1/challenges/carteira-pix')).json()) as Detail;
  expect(Object.keys(detail.testFiles)).toHaveLength(0);

  await page.goto(`/challenges/${detail.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: detail.title })).toBeVisible();
  await page.getByLabel('Linguagem').selectOption('java');

  await expect(page.getByTestId('test-file')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'scenario challenge');
});
