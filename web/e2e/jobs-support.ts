import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { newUser, repoRoot } from './support';

// Helpers for the jobs pages: a company account, an admin's approval, a posted job.

/** The data folder start-app.sh made for this run: the operator CLI must open the same database as the app. */
function e2eDataDir(): string {
  const runs = path.join(repoRoot, 'web', 'node_modules', '.e2e-data');
  const dirs = existsSync(runs) ? readdirSync(runs) : [];
  if (process.env.E2E_BASE_URL || dirs.length !== 1) throw new Error('jobs.spec needs the app started by start-app.sh (one data folder)');
  return path.join(runs, dirs[0]!);
}

/** An admin the way an operator makes one: register, `admin grant` with the host's CLI, sign in again for a token with the role. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const admin = newUser();
  const registered = await request.post('/v1/auth/register', { data: { username: admin.username, email: admin.email, password: admin.password } });
  expect(registered.ok()).toBeTruthy();
  execFileSync('dotnet', [path.join(repoRoot, 'src/Compila.Web/bin/Debug/net10.0/Compila.Web.dll'), 'admin', 'grant', admin.username], {
    cwd: repoRoot,
    env: { ...process.env, Compila__DataDir: e2eDataDir(), DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    stdio: 'pipe',
  });
  const login = await request.post('/v1/auth/login', { data: { login: admin.username, password: admin.password } });
  expect(login.ok()).toBeTruthy();
  return ((await login.json()) as { accessToken: string }).accessToken;
}

export async function approveCompany(request: APIRequestContext, name: string) {
  const token = await adminToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const pending = await request.get('/v1/admin/companies', { params: { status: 'pending', size: 100 }, headers });
  expect(pending.ok()).toBeTruthy();
  const company = ((await pending.json()) as { items: { id: string; name: string }[] }).items.find((c) => c.name === name);
  expect(company, `pending company ${name}`).toBeTruthy();
  const approved = await request.post(`/v1/admin/companies/${company!.id}/approve`, { headers });
  expect(approved.ok()).toBeTruthy();
}

/** A company account signed up through the form, with its profile saved from the dashboard. */
export async function signUpCompany(page: Page, name: string) {
  const user = newUser();
  await page.goto('/signup');
  await page.getByLabel('Sou uma empresa contratando').check();
  await page.getByLabel('Seu nome (opcional)').fill('Recrutadora Teste');
  await page.getByLabel('Nome de usuário').fill(user.username);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Senha').fill(user.password);
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await expect(page).toHaveURL(/\/empresa$/);
  await expect(page.getByTestId('company-profile-missing')).toBeVisible();
  await page.getByLabel('Nome da empresa').fill(name);
  await page.getByLabel('Localização').fill('Recife, PE');
  await page.getByLabel('Sobre a empresa').fill('Fazemos software para o Nordeste inteiro.');
  await page.getByRole('button', { name: 'Salvar perfil' }).click();
  await expect(page.getByText('Perfil salvo.')).toBeVisible();
  await expect(page.getByTestId('company-pending')).toBeVisible();
  return user;
}

/**
 * Posts a job from /empresa/vagas/nova; the first try leaves fields empty to show the server's messages.
 * Resolves with the job's id.
 */
export async function postJob(page: Page, title: string, technology: string, options: { onErrors?: () => Promise<void> } = {}) {
  await page.goto('/empresa');
  await page.getByRole('link', { name: 'Nova vaga' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nova vaga' })).toBeVisible();
  await page.getByRole('button', { name: 'Criar vaga' }).click();
  await expect(page.getByTestId('job-form-error')).toContainText('Corrija os campos destacados.');
  await expect(page.getByLabel('Título da vaga')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Informe o título da vaga.')).toBeVisible();
  await expect(page.getByText('Informe ao menos uma tecnologia')).toBeVisible();
  await options.onErrors?.();

  await page.getByLabel('Título da vaga').fill(title);
  await page.getByLabel('Descrição', { exact: true }).fill('## O time\n\nConstruímos **APIs** para o varejo.\n\n- Código revisado\n- Deploy diário');
  await page.getByLabel('Tecnologias').fill(technology);
  await page.getByLabel('Requisitos').fill('Lógica de programação\nGit');
  await page.getByLabel('Nível').selectOption('beginner');
  await page.getByLabel('Modelo de trabalho').selectOption('remote');
  await page.getByLabel('Salário mínimo (R$ por mês)').fill('4000');
  await page.getByLabel('Salário máximo (R$ por mês)').fill('6500');
  await page.getByRole('button', { name: 'Criar vaga' }).click();
  await expect(page).toHaveURL(/\/empresa$/);
  const row = page.getByTestId('company-job').filter({ hasText: title });
  await expect(row).toHaveAttribute('data-status', 'active');
  const href = await row.getByRole('link', { name: title, exact: true }).getAttribute('href');
  return href!.split('/').pop()!;
}
