import { expect, test } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  pickChallenge,
  pickChallenges,
  readSolution,
  signUp,
  starterCode,
  submitCode,
  wrongAttempt,
} from './support';

test('"Minhas submissões" lists every attempt across challenges, newest first, filters by status and opens one', async ({ page, request }) => {
  const [failing, passing] = await pickChallenges(request, ['python'], 2);
  await signUp(page);

  // A wrong attempt at one challenge, then a right one at another.
  const starter = await starterCode(request, failing!.slug, 'python');
  expect(await submitCode(page, failing!, 'python', wrongAttempt(starter, 'python'))).not.toBe('passed');
  expect(await submitCode(page, passing!, 'python', readSolution(passing!.slug, 'python'))).toBe('passed');

  // From the header, as a learner would.
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Minhas submissões' }).click();
  await expect(page).toHaveURL(/\/submissions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Minhas submissões' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Suas submissões, das mais recentes às mais antigas' });
  const rows = table.getByTestId('my-submission');
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('2 submissões', { exact: true })).toBeVisible();
  // Newest first: the passing attempt was sent last.
  await expect(rows.nth(0)).toContainText(passing!.title);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'passed');
  await expect(rows.nth(1)).toContainText(failing!.title);
  await expect(rows.nth(1)).not.toHaveAttribute('data-status', 'passed');
  await expect(rows.nth(0).getByRole('link', { name: passing!.title, exact: true })).toHaveAttribute('href', `/challenges/${passing!.slug}`);
  await expectNoSeriousViolations(page, '/submissions with rows (light)');

  // Filter by status: only the passing attempt, and the URL says so (a reload keeps it).
  await page.getByLabel('Situação').selectOption({ label: 'Aprovada' });
  await expect(page).toHaveURL(/\/submissions\?status=passed$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(passing!.title);
  await page.reload();
  await expect(page.getByLabel('Situação')).toHaveValue('passed');
  await expect(rows).toHaveCount(1);

  // A filter that matches nothing says so, and clearing it brings everything back.
  await page.getByLabel('Linguagem').selectOption({ label: 'Go' });
  await expect(page).toHaveURL(/status=passed&language=go/);
  await expect(page.getByText('Nenhuma submissão com esses filtros')).toBeVisible();
  await page.getByRole('button', { name: 'Limpar filtros' }).last().click();
  await expect(page).toHaveURL(/\/submissions$/);
  await expect(rows).toHaveCount(2);

  // Dark theme and a 360 px phone: readable, no sideways page scroll, and reachable from the menu.
  await page.getByRole('button', { name: 'Usar tema escuro' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expectNoSeriousViolations(page, '/submissions with rows (dark)');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir menu' }).click();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Minhas submissões' }).click();
  await expect(rows).toHaveCount(2);
  await expectNoHorizontalScroll(page);

  // A row's attempt link opens that submission.
  await rows.first().getByRole('link', { name: /^Tentativa 1\b/ }).click();
  await expect(page).toHaveURL(/\/submissions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tentativa 1' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Código enviado' })).toContainText(
    readSolution(passing!.slug, 'python').split('\n').find((line) => line.trim())!.trim(),
  );
  await page.getByRole('link', { name: 'Ver todas as minhas submissões' }).click();
  await expect(rows).toHaveCount(2);
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('a learner gives up on a challenge, sees the reference solution, and earns no XP for passing afterwards', async ({ page, request }) => {
    const challenge = await pickChallenge(request, ['python']);
    const solution = readSolution(challenge.slug, 'python');
    const firstLine = solution.split('\n').find((line) => line.trim())!.trim();
    await signUp(page);

    await page.goto(`/challenges/${challenge.slug}`);
    await page.getByLabel('Linguagem').selectOption('python');
    await page.getByRole('tab', { name: 'Solução' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Solução' });
    await expect(panel).toContainText('Desistir encerra o XP deste desafio');

    // Changing one's mind costs nothing.
    await panel.getByRole('button', { name: 'Desistir e ver a solução' }).click();
    const dialog = page.getByRole('dialog', { name: 'Desistir deste desafio?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Continuar tentando' })).toBeFocused();
    await expectNoSeriousViolations(page, 'give-up confirmation (dark)');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Desistir e ver a solução' })).toBeFocused();

    // Giving up for real shows the reference solution for the selected language.
    await panel.getByRole('button', { name: 'Desistir e ver a solução' }).click();
    await dialog.getByRole('button', { name: 'Sim, desistir' }).click();
    const shown = panel.getByTestId('reference-solution');
    await expect(shown).toHaveAttribute('data-reason', 'given_up');
    await expect(shown.locator('pre').first()).toContainText(firstLine);
    await expect(shown).toContainText('Você desistiu deste desafio');
    await expectNoSeriousViolations(page, 'reference solution after giving up (dark)');

    // After a reload the server still releases it.
    await page.reload();
    await page.getByRole('tab', { name: 'Solução' }).click();
    await expect(panel.getByTestId('reference-solution').locator('pre').first()).toContainText(firstLine);
    await expect(panel.getByRole('button', { name: 'Desistir e ver a solução' })).toHaveCount(0);

    // Passing now earns nothing, and the solution is still offered after the pass as before.
    expect(await submitCode(page, challenge, 'python', solution)).toBe('passed');
    await expect(page.getByTestId('xp-gained')).toHaveCount(0);
    await page.getByRole('button', { name: 'Ver a solução de referência' }).click();
    await expect(page.getByTestId('reference-solution').locator('pre').first()).toContainText(firstLine);
  });
});
