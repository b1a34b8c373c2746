import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  currentXp,
  expectNoSeriousViolations,
  levelProgress,
  pickChallenge,
  readSolution,
  setEditorCode,
  signUp,
  starterCode,
  wrongAttempt,
  type CatalogChallenge,
} from './support';

/**
 * The core loop in a real browser against the real app: sign up, open a challenge, submit a wrong
 * solution and see the failing case and the feedback, fix it, see every case pass and XP grow.
 */
async function solveJourney(page: Page, request: APIRequestContext, challenge: CatalogChallenge, language: string) {
  await signUp(page);

  await page.goto('/dashboard');
  const xpBefore = await currentXp(page);
  const levelBefore = await levelProgress(page);

  // Open the challenge from the catalog, as a learner would.
  await page.goto('/challenges');
  await page.getByLabel('Buscar').fill(challenge.title);
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await page.getByRole('link', { name: challenge.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: challenge.title })).toBeVisible();

  await page.getByLabel('Linguagem').selectOption(language);
  const starter = await starterCode(request, challenge.slug, language);

  // 1. A wrong first attempt: some case fails, expected versus actual is shown, feedback arrives.
  await setEditorCode(page, challenge.slug, language, wrongAttempt(starter, language));
  await page.getByRole('button', { name: 'Enviar solução' }).click();
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toBeVisible({ timeout: 120_000 });
  await expect(outcome).not.toHaveAttribute('data-status', 'passed');
  const failing = page.locator('[data-testid=test-result][data-status=fail], [data-testid=test-result][data-status=error]');
  await expect(failing.first()).toBeVisible();
  const visibleFailure = failing.filter({ has: page.getByTestId('expected') }).first();
  await expect(visibleFailure.getByTestId('expected')).not.toBeEmpty();
  await expect(visibleFailure.getByTestId('actual')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Correção concluída');
  const feedback = page.getByTestId('feedback');
  await expect(feedback).toBeVisible();
  await expect(feedback.getByRole('heading', { name: 'Feedback' })).toBeVisible();
  // Feedback that points at a line is highlighted there in the editor, and its link jumps to it.
  const lineLinks = feedback.getByRole('button', { name: /^ver linha \d+$/ });
  if ((await lineLinks.count()) > 0) {
    await expect(page.getByTestId('code-editor').locator('.feedback-line, .feedback-line-error').first()).toBeVisible();
    await lineLinks.first().click();
    await expect(page.getByTestId('code-editor').locator('.monaco-editor.focused')).toBeVisible();
  }

  await expectNoSeriousViolations(page, `failing results and feedback (${language})`);

  // 2. The fix: the reference solution from the content files passes every case.
  await setEditorCode(page, challenge.slug, language, readSolution(challenge.slug, language));
  await page.getByRole('button', { name: 'Enviar solução' }).click();
  await expect(outcome).toHaveAttribute('data-status', 'passed', { timeout: 120_000 });
  const results = page.getByTestId('test-result');
  const total = await results.count();
  expect(total).toBeGreaterThan(0);
  await expect(page.locator('[data-testid=test-result][data-status=pass]')).toHaveCount(total);
  await expect(outcome).toContainText(`${total} de ${total} casos passaram`);
  await expect(page.getByTestId('xp-gained')).toBeVisible();
  // Passing releases the reference solution.
  await page.getByRole('button', { name: 'Ver a solução de referência' }).click();
  await expect(page.getByTestId('reference-solution').locator('pre').first()).not.toBeEmpty();

  // 3. XP and level progress changed, on the spot and on the dashboard.
  await expect.poll(() => currentXp(page)).toBeGreaterThan(xpBefore);
  await page.goto('/dashboard');
  await expect.poll(() => currentXp(page)).toBeGreaterThan(xpBefore);
  expect(await levelProgress(page)).not.toBe(levelBefore);

  // The draft survives a reload: the editor opens on the learner's code, not the starter.
  await page.goto(`/challenges/${challenge.slug}`);
  await expect(page.getByLabel('Linguagem')).toHaveValue(language);
  const solution = readSolution(challenge.slug, language);
  const firstLine = solution.split('\n').find((line) => line.trim().length > 0)!.trim();
  await expect(page.getByTestId('code-editor').locator('.view-lines')).toContainText(firstLine.replace(/\s+/g, ' ').slice(0, 20));

  // The history lists both attempts, and the passing one opens with its code and results.
  await page.getByRole('tab', { name: 'Minhas submissões' }).click();
  await expect(page.getByTestId('submissions').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('submissions').getByRole('link', { name: 'Tentativa 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tentativa 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${total} de ${total} casos passaram` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Código enviado' })).toContainText(firstLine);
}

test('a new learner solves a challenge in Python after a failed attempt', async ({ page, request }) => {
  const challenge = await pickChallenge(request, ['python', 'java']);
  await solveJourney(page, request, challenge, 'python');
});

test('a new learner solves a challenge in Java after a failed attempt', async ({ page, request }) => {
  const challenge = await pickChallenge(request, ['python', 'java']);
  await solveJourney(page, request, challenge, 'java');
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('a new learner solves a challenge in C# after a failed attempt', async ({ page, request }) => {
    const challenge = await pickChallenge(request, ['python', 'csharp']);
    await solveJourney(page, request, challenge, 'csharp');
  });
});
