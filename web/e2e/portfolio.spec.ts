import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, pickChallenge, readSolution, signUp, submitCode } from './support';

/**
 * The portfolio's main flow in a real browser against the real app: a learner passes a challenge, turns the passed
 * submission into a verified project, and a visitor without an account sees it on /u/:username, until the learner
 * makes the profile private and the same address answers "not found".
 */
test('a passed challenge becomes a verified project on the public profile, which going private hides', async ({ page, browser, request }) => {
  const challenge = await pickChallenge(request, ['python']);
  const user = await signUp(page);

  expect(await submitCode(page, challenge, 'python', readSolution(challenge.slug, 'python'))).toBe('passed');

  // From the passed submission's page, one click adds it to the portfolio.
  await page.goto('/submissions');
  await page.getByTestId('my-submission').filter({ has: page.getByText('aprovada') }).first().getByRole('link', { name: /^Tentativa \d+/ }).click();
  const add = page.getByTestId('add-to-portfolio');
  await expect(add).toBeVisible();
  await add.getByRole('button', { name: 'Adicionar ao portfólio' }).click();
  await expect(add.getByRole('status')).toContainText('Projeto criado no seu portfólio.');

  // The owner's manager lists it as verified.
  await page.goto('/portfolio/projects');
  const mine = page.getByTestId('my-project');
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText(challenge.title);
  await expect(mine.first()).toContainText('Verificado');

  // A visitor without an account, in a fresh context, sees the project, its verification and the skill it proves.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/u/${user.username}`);
  await expect(anonymous.getByRole('heading', { level: 1, name: user.fullName })).toBeVisible();
  await expect(anonymous.getByTestId('owner-bar')).toHaveCount(0);
  const project = anonymous.getByTestId('portfolio-project');
  await expect(project).toHaveCount(1);
  await expect(project).toContainText(challenge.title);
  const verified = project.getByTestId('verified-badge');
  await expect(verified).toContainText(/Verificado: (\d+) de \1 testes em Python/);
  await expect(verified).toHaveAttribute('href', /\/v1\/portfolio\/verifications\/[0-9a-f-]{36}$/);
  await expect(anonymous.getByTestId('verified-skills').getByTestId('skill').filter({ has: anonymous.getByText('Python', { exact: true }) })).toContainText('1 desafio aprovado');
  // The heatmap has a labelled square for today's judged submission.
  const heatmap = anonymous.getByTestId('portfolio-heatmap');
  await expect(heatmap.locator('rect[role=img][data-count="1"]')).toHaveCount(1);
  await expect(heatmap.locator('rect[role=img][data-count="1"]')).toHaveAttribute('aria-label', /: 1 submissão$/);
  await expectNoSeriousViolations(anonymous, 'public profile');

  // The owner makes the profile private.
  await page.goto('/profile');
  await page.getByRole('radio', { name: /^Privado/ }).check();
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Perfil salvo.')).toBeVisible();

  // The same address, for the same visitor, now says the profile does not exist.
  await anonymous.reload();
  await expect(anonymous.getByTestId('portfolio-not-found')).toBeVisible();
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Perfil não encontrado' })).toBeVisible();
  await expect(anonymous.getByText(challenge.title)).toHaveCount(0);

  // The owner still sees it, with the owner's tools.
  await page.goto(`/u/${user.username}`);
  await expect(page.getByTestId('owner-bar')).toBeVisible();
  await expect(page.getByTestId('portfolio-project')).toHaveCount(1);
  await visitor.close();
});

test('a link-only profile opens with the recruiter link and not without it', async ({ page, browser }) => {
  const user = await signUp(page);
  await page.goto('/profile');
  await page.getByRole('radio', { name: /^Só com link/ }).check();
  await page.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Perfil salvo.')).toBeVisible();
  const share = page.getByTestId('share-link');
  await share.getByRole('button', { name: 'Criar link' }).click();
  const url = await share.getByLabel('Link do seu perfil').inputValue();
  expect(url).toContain(`/u/${user.username}?share=`);

  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(url);
  await expect(anonymous.getByRole('heading', { level: 1, name: user.fullName })).toBeVisible();
  await anonymous.goto(`/u/${user.username}`);
  await expect(anonymous.getByTestId('portfolio-not-found')).toBeVisible();

  // Revoking the link closes it at once.
  await share.getByRole('button', { name: 'Revogar link' }).click();
  await expect(share.getByText('Link revogado')).toBeVisible();
  await anonymous.goto(url);
  await expect(anonymous.getByTestId('portfolio-not-found')).toBeVisible();
  await visitor.close();
});

test('projects are created with a Markdown preview, reordered from the keyboard and featured', async ({ page }) => {
  await signUp(page);
  for (const title of ['Projeto Alfa', 'Projeto Beta']) {
    await page.goto('/portfolio/projects/new');
    await page.getByLabel('Título').fill(title);
    await page.getByLabel('Descrição completa').fill('# Olá\n\nFeito com **carinho**.\n\n<script>alert(1)</script>');
    await page.getByRole('tab', { name: 'Pré-visualizar' }).click();
    const preview = page.getByTestId('markdown-preview');
    await expect(preview.locator('strong')).toHaveText('carinho');
    await expect(preview.locator('script')).toHaveCount(0);
    await page.getByRole('button', { name: 'Criar projeto' }).click();
    await expect(page.getByText('Projeto criado. Agora você pode enviar a capa e as imagens.')).toBeVisible();
  }
  await page.goto('/portfolio/projects');
  const titles = page.getByTestId('my-project').getByRole('link');
  await expect(titles).toHaveText(['Projeto Alfa', 'Projeto Beta']);

  await page.getByRole('button', { name: 'Mover “Projeto Beta” para cima' }).click();
  await expect(titles).toHaveText(['Projeto Beta', 'Projeto Alfa']);
  await expect(page.getByTestId('projects-announcement')).toHaveText('“Projeto Beta” agora está na posição 1 de 2.');
  await page.reload();
  await expect(titles).toHaveText(['Projeto Beta', 'Projeto Alfa']);

  // Featuring a project puts it first.
  await page.getByRole('button', { name: 'Destaque: Projeto Alfa' }).click();
  await expect(page.getByTestId('projects-announcement')).toHaveText('“Projeto Alfa” agora está em destaque.');
  await expect(titles).toHaveText(['Projeto Alfa', 'Projeto Beta']);
  await expect(page.getByRole('button', { name: 'Destaque: Projeto Alfa' })).toHaveAttribute('aria-pressed', 'true');

  // The CV downloads as a PDF.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar currículo em PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^curriculo-.+\.pdf$/);
  await expect(page.getByText('PDF baixado.')).toBeVisible();
});
