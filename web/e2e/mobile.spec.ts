import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, pickChallenge, readSolution, setEditorCode, signUp } from './support';

test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

test('on a 360 px phone: browse, sign up, run code with custom input and submit', async ({ page, request }) => {
  const challenge = await pickChallenge(request, ['python']);

  await page.goto('/');
  await expectNoHorizontalScroll(page);
  // The navigation collapses into a menu button.
  await page.getByRole('button', { name: 'Abrir menu' }).click();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Desafios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Desafios' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await signUp(page);
  await expectNoHorizontalScroll(page);

  await page.getByLabel('Buscar').fill(challenge.title);
  await page.getByLabel('Buscar').press('Enter');
  await page.getByRole('link', { name: challenge.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: challenge.title })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Run with custom stdin: a program that echoes its input.
  await page.getByLabel('Linguagem').selectOption('python');
  await setEditorCode(page, challenge.slug, 'python', 'import sys\nprint(sys.stdin.read().strip().upper())\n');
  await page.getByLabel('Entrada (stdin)').fill('olá, compila');
  await page.getByRole('button', { name: 'Executar', exact: true }).click();
  await expect(page.getByTestId('stdout')).toHaveText('OLÁ, COMPILA', { timeout: 60_000 });
  await expectNoHorizontalScroll(page);

  // Submit the reference solution: every case passes.
  await setEditorCode(page, challenge.slug, 'python', readSolution(challenge.slug, 'python'));
  await page.getByRole('button', { name: 'Enviar solução' }).click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-status', 'passed', { timeout: 120_000 });
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Abrir menu' }).click();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Meu painel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meu painel' })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
