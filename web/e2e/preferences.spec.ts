import { expect, test } from '@playwright/test';

test('language and theme switches in the header, remembered across visits', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('link', { name: 'Desafios' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Mudar idioma para inglês' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Challenges' }).first()).toBeVisible();

  const html = page.locator('html');
  const wasDark = ((await html.getAttribute('class')) ?? '').includes('dark');
  await page.getByRole('button', { name: wasDark ? 'Use light theme' : 'Use dark theme' }).click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);

  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Learn by solving');

  await page.getByRole('button', { name: 'Switch language to Portuguese' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Aprenda resolvendo');
});
