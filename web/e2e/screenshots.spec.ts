import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { approveCompany, postJob, signUpCompany } from './jobs-support';
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

    test(`screenshots of the main pages (${device.name})`, async ({ page, browser, request }) => {
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

      // Jobs: an approved company posts a job; the learner (with the passed challenge as evidence) finds it and applies;
      // the company invites to an interview.
      const stamp = `${device.name}${Date.now().toString(36)}`;
      const companyContext = await browser.newContext();
      const company = await companyContext.newPage();
      await signUpCompany(company, `Acme Nordeste ${stamp}`);
      await shoot(company, `company-pending-${device.name}`, true);
      await approveCompany(request, `Acme Nordeste ${stamp}`);
      const jobId = await postJob(company, `Pessoa Desenvolvedora Python ${stamp}`, 'python, sql', {
        onErrors: () => shoot(company, `company-job-form-errors-${device.name}`, true),
      });
      await page.goto('/vagas');
      await expect(page.getByTestId('job-card').first()).toBeVisible();
      await shoot(page, `jobs-${device.name}`);
      await page.goto(`/vagas/${jobId}`);
      await page.getByLabel('Mensagem para a empresa (opcional)').fill('Resolvi desafios de Python aqui na plataforma.');
      await shoot(page, `job-${device.name}`, true);
      await page.getByRole('button', { name: 'Candidatar-me' }).click();
      await expect(page.getByTestId('already-applied')).toBeVisible();
      await page.goto('/vagas/para-voce');
      await expect(page.getByTestId('job-match').first()).toBeVisible();
      await shoot(page, `jobs-for-me-${device.name}`);
      await company.goto(`/empresa/vagas/${jobId}`);
      const applicant = company.getByTestId('applicant');
      await applicant.getByRole('button', { name: 'Entrevista' }).click();
      await expect(applicant).toHaveAttribute('data-status', 'interview');
      await applicant.getByText(/Portfólio no momento da candidatura/).click();
      await shoot(company, `company-applicants-${device.name}`, true);
      await company.goto('/empresa');
      await expect(company.getByTestId('company-job').first()).toBeVisible();
      await shoot(company, `company-dashboard-${device.name}`, true);
      await company.goto('/empresa/avaliacoes');
      await company.getByTestId('assessment-catalog').getByRole('checkbox').first().check();
      await company.getByLabel('Título', { exact: true }).fill('Teste técnico Python');
      await company.getByLabel('Fecha em').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16));
      await company.getByRole('button', { name: 'Criar avaliação' }).click();
      await expect(company.getByTestId('assessment-link')).toBeVisible();
      await shoot(company, `company-assessments-${device.name}`, true);
      await page.goto('/candidaturas');
      await expect(page.getByTestId('my-application')).toHaveAttribute('data-status', 'interview');
      await page.getByTestId('notification-bell').click();
      await shoot(page, `applications-${device.name}`);
      await companyContext.close();

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
