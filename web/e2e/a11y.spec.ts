import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, pickChallenge, signUp } from './support';

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
      await visit('/pricing', () => expect(page.getByTestId('plan-card')).toHaveCount(3));

      // Per-field errors are announced and tied to their inputs.
      await page.goto('/signup');
      await page.getByRole('button', { name: 'Criar conta' }).click();
      await expect(page.getByLabel('Nome de usuário')).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousViolations(page, `/signup with errors (${theme})`);

      const user = await signUp(page);
      await visit(`/challenges/${challenge.slug}`, async () => {
        await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
      });
      // The solution tab while the solution is locked, and the give-up confirmation (closed again unanswered).
      await page.getByRole('tab', { name: 'Solução' }).click();
      await page.getByRole('button', { name: 'Desistir e ver a solução' }).click();
      await expect(page.getByRole('dialog', { name: 'Desistir deste desafio?' })).toBeVisible();
      await expectNoSeriousViolations(page, `give-up confirmation (${theme})`);
      await page.getByRole('button', { name: 'Continuar tentando' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expectNoSeriousViolations(page, `locked solution tab (${theme})`);
      await visit('/dashboard', heading('Meu painel'));
      await visit('/submissions', () => expect(page.getByText('Você ainda não enviou nenhuma solução')).toBeVisible());
      await visit('/profile', heading('Perfil'));
      await visit('/portfolio/projects', heading('Projetos do portfólio'));
      await visit('/portfolio/projects/new', heading('Novo projeto'));
      await visit(`/u/${user.username}`, () => expect(page.getByTestId('portfolio-heatmap')).toBeVisible(), '/u/:username');
      await visit('/u/ninguem-existe-aqui', () => expect(page.getByTestId('portfolio-not-found')).toBeVisible(), '/u/unknown');
      await visit('/leaderboard', heading('Ranking'), '/leaderboard signed in');
      await visit('/pricing', () => expect(page.getByText('Seu plano atual')).toBeVisible(), '/pricing signed in');
      // The honest answer of a server without payments, shown after "Assinar".
      await page.getByRole('button', { name: 'Assinar o plano Pro, Mensal' }).click();
      await expect(page.getByTestId('checkout-error')).toContainText('Pagamentos não configurados.');
      await expectNoSeriousViolations(page, `/pricing checkout refused (${theme})`);
      await visit('/settings/billing', heading('Plano e cobrança'));
    });
  });
}
