import { expect, test } from '@playwright/test';
import { approveCompany, postJob, signUpCompany } from './jobs-support';
import { expectNoSeriousViolationsInBothThemes as expectAccessible, pickChallenge, signUp } from './support';

// Every page state is checked in both themes where it stands (see expectNoSeriousViolationsInBothThemes), so the
// scenarios below are set up once, not once per theme.
test('main pages have no serious or critical axe violations', async ({ page, request }) => {
  const challenge = await pickChallenge(request, ['python']);
  const visit = async (path: string, ready: () => Promise<void>, name = path) => {
    await page.goto(path);
    await ready();
    await expectAccessible(page, name);
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
  await expectAccessible(page, '/signup with errors');

  const user = await signUp(page);
  await visit(`/challenges/${challenge.slug}`, async () => {
    await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible();
  });
  // The solution tab while the solution is locked, and the give-up confirmation (closed again unanswered).
  await page.getByRole('tab', { name: 'Solução' }).click();
  await page.getByRole('button', { name: 'Desistir e ver a solução' }).click();
  await expect(page.getByRole('dialog', { name: 'Desistir deste desafio?' })).toBeVisible();
  await expectAccessible(page, 'give-up confirmation');
  await page.getByRole('button', { name: 'Continuar tentando' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectAccessible(page, 'locked solution tab');
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
  await expectAccessible(page, '/pricing checkout refused');
  await visit('/settings/billing', heading('Plano e cobrança'));
});

test('jobs pages have no serious or critical axe violations', async ({ page, browser, request }) => {
  const stamp = Date.now().toString(36);
  const visit = async (target: typeof page, path: string, ready: () => Promise<void>, name = path) => {
    await target.goto(path);
    await ready();
    await expectAccessible(target, name);
  };

  // The company's pages, from the first visit (no profile) to a posted job with its form errors.
  await signUpCompany(page, `Acessível ${stamp}`);
  await expectAccessible(page, '/empresa pending');
  await approveCompany(request, `Acessível ${stamp}`);
  const jobId = await postJob(page, `Vaga acessível ${stamp}`, 'python', {
    onErrors: () => expectAccessible(page, '/empresa/vagas/nova with errors'),
  });
  await visit(page, '/empresa', () => expect(page.getByTestId('company-job').first()).toBeVisible());
  await visit(page, `/empresa/vagas/${jobId}`, () => expect(page.getByText('Nenhuma candidatura ainda')).toBeVisible(), '/empresa/vagas/:id');
  await page.getByRole('tab', { name: 'Candidatos disponíveis' }).click();
  await expect(page.getByRole('tab', { name: 'Candidatos disponíveis' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, '/empresa/vagas/:id candidates');
  await visit(page, '/empresa/avaliacoes', () => expect(page.getByTestId('assessment-catalog').locator('li').first()).toBeVisible());

  // A visitor, then a learner.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await visit(learner, '/vagas', () => expect(learner.getByTestId('job-card').first()).toBeVisible(), '/vagas anonymous');
  await visit(learner, `/vagas/${jobId}`, () => expect(learner.getByRole('link', { name: 'Entrar para me candidatar' })).toBeVisible(), '/vagas/:id anonymous');
  await signUp(learner);
  await visit(learner, '/vagas/para-voce', () => expect(learner.getByRole('heading', { level: 1, name: 'Vagas para você' })).toBeVisible());
  await visit(learner, `/vagas/${jobId}`, () => expect(learner.getByRole('button', { name: 'Candidatar-me' })).toBeVisible(), '/vagas/:id signed in');
  await learner.getByRole('button', { name: 'Candidatar-me' }).click();
  await expect(learner.getByTestId('already-applied')).toBeVisible();
  await visit(learner, '/candidaturas', () => expect(learner.getByTestId('my-application')).toHaveCount(1));
  await learner.getByRole('button', { name: /^Retirar candidatura para/ }).click();
  await expect(learner.getByRole('dialog', { name: 'Retirar candidatura?' })).toBeVisible();
  await expectAccessible(learner, '/candidaturas withdraw confirmation');
  await learner.getByRole('button', { name: 'Cancelar' }).click();
  await learner.getByTestId('notification-bell').click();
  await expect(learner.getByTestId('notifications-panel')).toBeVisible();
  await expectAccessible(learner, 'notifications panel');
  await visit(learner, '/avaliacoes/token-que-nao-existe', () => expect(learner.getByText('Link de avaliação inválido')).toBeVisible(), '/avaliacoes/:token invalid');
  await learnerContext.close();
});
