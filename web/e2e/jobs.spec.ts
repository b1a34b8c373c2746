import { expect, test } from '@playwright/test';
import { approveCompany, postJob, signUpCompany } from './jobs-support';
import { expectNoSeriousViolations, newUser, pickChallenge, readSolution, signUp, submitCode } from './support';

/**
 * The jobs flow across three people in real browsers against the real app: a company signs up, fills its profile,
 * is approved by an admin, posts a job; a learner with a passed Python challenge finds it in /vagas, applies and
 * sees it in /candidaturas; the company moves the application to interview; the learner sees the new status and
 * the notification in the header bell; then the learner opts in to be found, the company requests contact and the
 * learner accepts it, which shows their email to that company.
 */
test('a company posts a job, a learner applies, the company invites to interview and the learner is notified', async ({ page, browser, request }) => {
  const stamp = Date.now().toString(36);
  const companyName = `Acme Nordeste ${stamp}`;
  const title = `Pessoa Desenvolvedora Python ${stamp}`;

  // The company: sign-up, profile, pending until approved; its job is not public before approval.
  await signUpCompany(page, companyName);
  await approveCompany(request, companyName);
  await page.reload();
  await expect(page.getByTestId('company-pending')).toHaveCount(0);
  const jobId = await postJob(page, title, 'python, sql');

  // The learner proves Python first, so matching has evidence to rank by.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  const user = await signUp(learner);
  const challenge = await pickChallenge(request, ['python']);
  expect(await submitCode(learner, challenge, 'python', readSolution(challenge.slug, 'python'))).toBe('passed');

  // /vagas: the header link, the text search and the work model filter find the job card.
  await learner.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Vagas' }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Vagas' })).toBeVisible();
  await learner.getByLabel('Buscar vagas').fill(stamp);
  await learner.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(learner).toHaveURL(new RegExp(`q=${stamp}`));
  await learner.getByLabel('Modelo de trabalho').selectOption('remote');
  await expect(learner).toHaveURL(/workModel=remote/);
  const card = learner.getByTestId('job-card').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(companyName);
  await expect(card).toContainText('Remoto');
  await expect(card.getByTestId('job-salary')).toHaveText(/R\$\s4\.000 a R\$\s6\.500/);
  await expect(card).toContainText('python');
  // Another work model hides it.
  await learner.getByLabel('Modelo de trabalho').selectOption('onsite');
  await expect(learner.getByText('Nenhuma vaga encontrada')).toBeVisible();
  await learner.getByLabel('Modelo de trabalho').selectOption('remote');

  // The job page: Markdown rendered, company block, apply with a note, then the "already applied" state.
  await learner.getByTestId('job-card').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(learner.getByTestId('job-description').locator('strong')).toHaveText('APIs');
  await expect(learner.getByTestId('job-company')).toContainText('Fazemos software para o Nordeste inteiro.');
  await expectNoSeriousViolations(learner, '/vagas/:id');
  await learner.getByLabel('Mensagem para a empresa (opcional)').fill('Resolvi desafios de Python aqui na plataforma.');
  await learner.getByRole('button', { name: 'Candidatar-me' }).click();
  await expect(learner.getByTestId('already-applied')).toContainText('Você já se candidatou a esta vaga.');
  await learner.reload();
  await expect(learner.getByTestId('already-applied')).toContainText('Situação: Recebida.');

  // "Vagas para você" ranks it with a score and the pt-BR explanation.
  await learner.goto('/vagas/para-voce');
  const match = learner.getByTestId('job-card').filter({ hasText: title }).getByTestId('job-match');
  await expect(match).toBeVisible();
  await expect(match).not.toBeEmpty();

  // /candidaturas lists the application as received.
  await learner.goto('/candidaturas');
  const application = learner.getByTestId('my-application').filter({ hasText: title });
  await expect(application).toHaveAttribute('data-status', 'received');
  await expect(application.getByTestId('application-status')).toHaveText('Recebida');
  await expectNoSeriousViolations(learner, '/candidaturas');

  // The company sees the applicant ranked with evidence, and invites them to an interview.
  await page.goto('/empresa');
  await page.getByRole('link', { name: `Candidatos de ${title}` }).click();
  const applicant = page.getByTestId('applicant').filter({ hasText: user.username });
  await expect(applicant).toHaveAttribute('data-status', 'received');
  await expect(applicant).toContainText('Resolvi desafios de Python aqui na plataforma.');
  await expect(applicant).toContainText(user.email);
  await applicant.getByText(/Portfólio no momento da candidatura/).click();
  await expect(applicant.getByRole('link', { name: challenge.slug }).first()).toBeVisible();
  await expectNoSeriousViolations(page, '/empresa/vagas/:id');
  await applicant.getByRole('button', { name: 'Entrevista' }).click();
  await expect(applicant).toHaveAttribute('data-status', 'interview');
  await expect(applicant.getByTestId('applicant-status')).toHaveText('Entrevista');

  // The learner: the new status in the pipeline, and the notification (delivered through the outbox) in the bell.
  await expect(async () => {
    await learner.reload();
    await expect(learner.getByTestId('notification-bell')).toHaveAttribute('data-unread', /^[1-9]/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const moved = learner.getByTestId('my-application').filter({ hasText: title });
  await expect(moved).toHaveAttribute('data-status', 'interview');
  await expect(moved.locator('[aria-current="step"]')).toHaveText('Entrevista');
  await learner.getByTestId('notification-bell').click();
  const notification = learner.getByTestId('notification').first();
  await expect(notification).toContainText('Convite para entrevista');
  await expect(notification).toContainText(companyName);
  await learner.getByRole('button', { name: 'Marcar todas como lidas' }).click();
  await expect(learner.getByTestId('notification-bell')).toHaveAttribute('data-unread', '0');
  // Its link leads to the applications page.
  await notification.getByRole('link').click();
  await expect(learner).toHaveURL(/\/candidaturas$/);

  // The company's action is in the learner's access log.
  await expect(learner.getByTestId('company-access')).toContainText(companyName);
  await expect(learner.getByTestId('company-access')).toContainText('Mudou a situação da sua candidatura');

  // Contact requests: the learner opts in to be found; the company asks from the candidates tab; the learner
  // accepts, and only then the company sees the email.
  await learner.getByRole('switch', { name: /Aparecer para empresas/ }).check();
  await expect(learner.getByText(/^Ligado: empresas aprovadas/)).toBeVisible();
  await page.goto(`/empresa/vagas/${jobId}`);
  await page.getByRole('tab', { name: 'Candidatos disponíveis' }).click();
  const candidate = page.getByTestId('candidate').filter({ hasText: user.username });
  await expect(candidate).not.toContainText(user.email);
  await candidate.getByRole('button', { name: /^Solicitar contato com/ }).click();
  await candidate.getByLabel(/^Mensagem para/).fill('Gostamos do seu portfólio em Python. Vamos conversar?');
  await candidate.getByRole('button', { name: 'Enviar solicitação' }).click();
  await expect(candidate.getByTestId('contact-status')).toHaveAttribute('data-status', 'pending');
  await learner.reload();
  const invite = learner.getByTestId('contact-request').filter({ hasText: companyName });
  await expect(invite).toContainText('Gostamos do seu portfólio em Python. Vamos conversar?');
  await expect(invite).toContainText(title);
  await invite.getByRole('button', { name: 'Aceitar e compartilhar meu e-mail' }).click();
  await expect(invite).toContainText('Você aceitou');
  await page.reload();
  await page.getByRole('tab', { name: 'Candidatos disponíveis' }).click();
  await expect(candidate.getByTestId('contact-status')).toHaveAttribute('data-status', 'accepted');
  await expect(candidate.getByTestId('contact-status')).toContainText(user.email);
  await page.goto('/empresa');
  const sent = page.getByTestId('sent-contact-request').filter({ hasText: user.username });
  await expect(sent).toHaveAttribute('data-status', 'accepted');
  await expect(sent).toContainText(user.email);
  await learnerContext.close();
});

/**
 * Assessments: an approved company picks a challenge from the catalog and a window, gets the private link once;
 * a learner opening it signed out signs up first and lands on the claimed assessment with the challenge to solve;
 * the company's list then names the candidate.
 */
test('a company sends an assessment link and a learner claims it after signing up', async ({ page, browser, request }) => {
  const stamp = Date.now().toString(36);
  const companyName = `Avalia Tech ${stamp}`;
  const challenge = await pickChallenge(request, ['python']);
  await signUpCompany(page, companyName);
  await approveCompany(request, companyName);

  await page.goto('/empresa');
  await page.getByRole('link', { name: 'Avaliações técnicas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avaliações técnicas' })).toBeVisible();
  // Without challenges or a deadline, the server's messages land on the form.
  await page.getByRole('button', { name: 'Criar avaliação' }).click();
  await expect(page.getByText('Escolha de 1 a')).toBeVisible();
  await page.getByLabel('Título', { exact: true }).fill(`Teste técnico ${stamp}`);
  await page.getByLabel('Buscar desafios no catálogo').fill(challenge.title);
  await page.getByTestId('assessment-catalog').getByRole('checkbox', { name: challenge.title }).check();
  await expect(page.getByText(`Escolhidos: ${challenge.title}`)).toBeVisible();
  await page.getByLabel('Fecha em').fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16));
  await page.getByRole('button', { name: 'Criar avaliação' }).click();
  const created = page.getByTestId('assessment-link');
  await expect(created).toContainText('só é mostrado uma vez');
  const link = await created.getByLabel('Link da avaliação').inputValue();
  expect(link).toMatch(/\/avaliacoes\/[\w-]+$/);
  await expect(page.getByTestId('assessment').filter({ hasText: `Teste técnico ${stamp}` })).toContainText('Ainda ninguém abriu o link.');

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(new URL(link).pathname);
  await expect(learner).toHaveURL(/\/login\?next=%2Favaliacoes%2F/);
  await learner.getByRole('main').getByRole('link', { name: 'Criar conta' }).click();
  const user = newUser();
  await learner.getByLabel('Nome completo (opcional)').fill(user.fullName);
  await learner.getByLabel('Nome de usuário').fill(user.username);
  await learner.getByLabel('E-mail').fill(user.email);
  await learner.getByLabel('Senha').fill(user.password);
  await learner.getByRole('button', { name: 'Criar conta' }).click();
  await expect(learner).toHaveURL(/\/avaliacoes\/[\w-]+$/);
  await expect(learner.getByRole('heading', { level: 1, name: `Teste técnico ${stamp}` })).toBeVisible();
  await expect(learner.getByText(`Avaliação de ${companyName}`)).toBeVisible();
  await expect(learner.getByTestId('claim-challenges').getByRole('link', { name: 'Resolver' })).toHaveAttribute('href', `/challenges/${challenge.slug}`);
  await learner.goto('/candidaturas');
  await expect(learner.getByTestId('my-assessment')).toContainText(`Teste técnico ${stamp}`);

  // The company's list is a summary; opening the result names the candidate, and that read is in their access log.
  await page.reload();
  const row = page.getByTestId('assessment').filter({ hasText: `Teste técnico ${stamp}` });
  await expect(row).toHaveAttribute('data-status', 'in_progress');
  await row.getByRole('button', { name: `Ver resultado de Teste técnico ${stamp}` }).click();
  await expect(row.getByTestId('assessment-result')).toContainText(user.email);
  await expect(row.getByTestId('assessment-result')).toContainText(`${challenge.slug} — não resolvido`);
  await learner.reload();
  await expect(learner.getByTestId('company-access')).toContainText('Viu o resultado da sua avaliação');
  await learnerContext.close();
});
