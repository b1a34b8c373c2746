import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pickChallenge, signUp } from './support';

async function expectNoSeriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(report, `axe on ${name}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('main pages have no serious or critical axe violations', async ({ page, request }) => {
      const challenge = await pickChallenge(request, ['python']);
      const visit = async (path: string, ready: () => Promise<void>, name = path) => {
        await page.goto(path);
        await ready();
        await expectNoSeriousViolations(page, `${name} (${theme})`);
      };
      const heading = (name?: string | RegExp) => () => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

      await visit('/', heading());
      await visit('/login', heading('Entrar'));
      await visit('/signup', heading('Criar conta'));
      await visit('/challenges', () => expect(page.getByTestId('challenge-card').first()).toBeVisible());
      await visit('/leaderboard', heading('Ranking'));

      // Per-field errors are announced and tied to their inputs.
      await page.goto('/signup');
      await page.getByRole('button', { name: 'Criar conta' }).click();
      await expect(page.getByLabel('Nome de usuário')).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousViolations(page, `/signup with errors (${theme})`);

      await signUp(page);
      await visit(`/challenges/${challenge.slug}`, async () => {
        await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
      });
      await visit('/dashboard', heading('Meu painel'));
      await visit('/profile', heading('Perfil'));
      await visit('/leaderboard', heading('Ranking'), '/leaderboard signed in');
    });
  });
}
