import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pickChallenge, readSolution, repoRoot, setEditorCode, signUp, starterCode, wrongAttempt } from './support';

// Run with `npm run screenshots`: refreshes docs/screenshots/*.png from the real app.
const out = (name: string) => path.join(repoRoot, 'docs', 'screenshots', `${name}.png`);

async function shoot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: out(name), fullPage, animations: 'disabled' });
}

for (const device of [
  { name: 'desktop', viewport: { width: 1366, height: 860 }, isMobile: false },
  { name: 'mobile', viewport: { width: 360, height: 780 }, isMobile: true },
]) {
  test.describe(device.name, () => {
    test.use({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.isMobile });

    test(`screenshots of the main pages (${device.name})`, async ({ page, request }) => {
      const challenge = await pickChallenge(request, ['python']);
      await page.goto('/');
      await shoot(page, `landing-${device.name}`);
      await page.goto('/challenges');
      await expect(page.getByTestId('challenge-card').first()).toBeVisible();
      await shoot(page, `catalog-${device.name}`);

      const user = await signUp(page);
      await page.goto(`/challenges/${challenge.slug}`);
      await page.getByLabel('Linguagem').selectOption('python');
      const starter = await starterCode(request, challenge.slug, 'python');
      await setEditorCode(page, challenge.slug, 'python', wrongAttempt(starter, 'python'));
      await page.getByRole('button', { name: 'Enviar solução' }).click();
      await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 120_000 });
      await page.getByTestId('outcome').scrollIntoViewIfNeeded();
      await shoot(page, `challenge-failing-${device.name}`);

      await setEditorCode(page, challenge.slug, 'python', readSolution(challenge.slug, 'python'));
      await page.getByRole('button', { name: 'Enviar solução' }).click();
      await expect(page.getByTestId('outcome')).toHaveAttribute('data-status', 'passed', { timeout: 120_000 });
      await page.getByTestId('outcome').scrollIntoViewIfNeeded();
      await shoot(page, `challenge-passed-${device.name}`);

      await page.goto('/submissions');
      await expect(page.getByTestId('my-submission')).toHaveCount(2);
      await shoot(page, `my-submissions-${device.name}`);

      await page.goto('/dashboard');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `dashboard-${device.name}`, true);
      await page.goto('/leaderboard');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `leaderboard-${device.name}`);

      // The passed attempt becomes a verified project, then the portfolio pages.
      await page.goto('/submissions');
      await page.getByTestId('my-submission').filter({ hasText: 'aprovada' }).first().getByRole('link', { name: /^Tentativa \d+/ }).click();
      await page.getByTestId('add-to-portfolio').getByRole('button', { name: 'Adicionar ao portfólio' }).click();
      await expect(page.getByTestId('add-to-portfolio').getByRole('status')).toBeVisible();
      await page.goto('/portfolio/projects');
      await expect(page.getByTestId('my-project')).toHaveCount(1);
      await shoot(page, `portfolio-projects-${device.name}`);
      await page.goto(`/u/${user.username}`);
      await expect(page.getByTestId('portfolio-project')).toHaveCount(1);
      await shoot(page, `portfolio-profile-${device.name}`, true);

      if (!device.isMobile) {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.evaluate(() => localStorage.setItem('compila.theme', 'dark'));
        await page.goto(`/challenges/${challenge.slug}`);
        await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
        await shoot(page, 'challenge-dark-desktop');
      }
    });
  });
}
