import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FakeStripe } from './fake-stripe';
import { expectNoSeriousViolations, repoRoot, signUp } from './support';

// Intl writes "R$ 29,90" with a no-break space; compare on plain spaces.
const plain = async (page: Page, testId: string, plan: string) =>
  (await page.getByTestId('plan-card').and(page.locator(`[data-plan="${plan}"]`)).getByTestId(testId).innerText()).replace(/\s+/g, ' ');

/**
 * Plans and billing in a real browser against the real app, which runs without Stripe here: the pricing page shows
 * the catalog in BRL, a visitor is sent to sign in, and a learner is told plainly that payments are unavailable.
 */
test('pricing page shows the plans in BRL and switching to yearly changes the prices', async ({ page }) => {
  await page.goto('/pricing');
  await expect(page.getByRole('heading', { level: 1, name: 'Planos e preços' })).toBeVisible();
  await expect(page.getByTestId('plan-card')).toHaveCount(3);
  for (const name of ['Gratuito', 'Pro', 'Pro+']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  const api = (await (await page.request.get('/v1/billing/plans')).json()) as {
    plans: { id: string; monthlyCents: number; yearlyCents: number; unlocks: { features: { id: string; description: string }[] } }[];
    passes: { months: number; priceCents: number }[];
  };
  const brl = (cents: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100).replace(/\s+/g, ' ');
  const pro = api.plans.find((p) => p.id === 'pro')!;
  const proPlus = api.plans.find((p) => p.id === 'pro_plus')!;

  expect(await plain(page, 'plan-price', 'free')).toBe('Grátis');
  expect(await plain(page, 'plan-price', 'pro')).toBe(`${brl(pro.monthlyCents)}/mês`);
  expect(await plain(page, 'plan-price', 'pro_plus')).toBe(`${brl(proPlus.monthlyCents)}/mês`);
  // What each plan unlocks, as the server enforces it: one line per feature the API lists, no more.
  for (const plan of api.plans) {
    const lines = page.locator(`[data-testid="plan-card"][data-plan="${plan.id}"] [data-feature]`);
    await expect(lines).toHaveCount(plan.unlocks.features.length);
  }
  await expect(page.locator('[data-plan="pro"] [data-feature="cv_without_branding"]')).toContainText('sem o rodapé');
  await expect(page.locator('[data-plan="pro_plus"] [data-feature="featured_applications"]')).toContainText('Candidaturas em destaque');

  await page.getByText('Anual', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Anual' })).toBeChecked();
  expect(await plain(page, 'plan-price', 'pro')).toBe(`${brl(pro.yearlyCents)}/ano`);
  expect(await plain(page, 'plan-price', 'pro_plus')).toBe(`${brl(proPlus.yearlyCents)}/ano`);
  expect(pro.yearlyCents).not.toBe(pro.monthlyCents);

  // The one-time pro passes, payable by Pix or boleto.
  const passes = page.getByTestId('pass-card');
  await expect(passes).toHaveCount(api.passes.length);
  for (const pass of api.passes) {
    const card = page.locator(`[data-testid="pass-card"][data-months="${pass.months}"]`);
    await expect(card).toContainText(brl(pass.priceCents));
    await expect(card).toContainText('Pix ou boleto');
  }

  // The e2e app has no Stripe: the page says so instead of offering a checkout that cannot open.
  await expect(page.getByTestId('payments-unavailable')).toContainText('Pagamentos indisponíveis');
});

test('a visitor who clicks "Assinar" is sent to sign in and comes back to the plans', async ({ page }) => {
  await page.goto('/pricing');
  await page.getByRole('button', { name: 'Assinar o plano Pro, Mensal' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fpricing$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar' })).toBeVisible();
});

test('a signed-in learner is told payments are unavailable, and billing settings show the free plan', async ({ page }) => {
  await signUp(page);
  await page.goto('/pricing');
  await expect(page.getByTestId('plan-card').and(page.locator('[data-plan="free"]'))).toContainText('Seu plano atual');
  await page.getByRole('button', { name: 'Assinar o plano Pro, Mensal' }).click();
  // The API's own pt-BR problem, shown as it is.
  const error = page.getByTestId('checkout-error');
  await expect(error).toContainText('Pagamentos não configurados.');
  await expect(error).toContainText('Este servidor não tem pagamentos configurados');
  await expect(page).toHaveURL(/\/pricing$/);

  // A free learner has no plan badge in the header.
  await expect(page.getByRole('banner').getByTestId('plan-badge')).toHaveCount(0);

  await page.getByRole('button', { name: /Menu da conta/ }).click();
  await page.getByRole('link', { name: 'Plano e cobrança' }).click();
  await expect(page).toHaveURL(/\/settings\/billing$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Plano e cobrança' })).toBeVisible();
  const current = page.getByTestId('current-plan');
  await expect(current).toHaveAttribute('data-plan', 'free');
  await expect(current).toContainText('Gratuito');
  await expect(current).toContainText('Você está no plano gratuito.');
  await expect(page.getByText('Nenhuma assinatura', { exact: true })).toBeVisible();
  await expect(page.getByText('Nenhum pagamento', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gerenciar assinatura' })).toHaveCount(0);
  await expectNoSeriousViolations(page, '/settings/billing (free)');

  await current.getByRole('link', { name: 'Conhecer o Pro' }).click();
  await expect(page).toHaveURL(/\/pricing$/);
});

test('billing settings need a signed-in learner', async ({ page }) => {
  await page.goto('/settings/billing');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fbilling$/);
});

/**
 * A second app, configured with Stripe pointed at a local fake: "Assinar" creates a real Checkout Session through
 * Stripe.net and the browser lands on the page Stripe answered with.
 */
test.describe('with Stripe configured (local fake)', () => {
  const port = Number(process.env.E2E_STRIPE_PORT ?? 5301);
  const baseURL = `http://127.0.0.1:${port}`;
  let stripe: FakeStripe;
  let app: ChildProcess;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(200_000);
    stripe = await FakeStripe.start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'compila-e2e-stripe-'));
    app = spawn('dotnet', ['run', '--project', 'src/Compila.Web', '--no-build'], {
      cwd: repoRoot,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        Compila__DataDir: dataDir,
        ASPNETCORE_URLS: baseURL,
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
        Compila__Billing__Stripe__ApiKey: 'sk_test_compila_e2e',
        Compila__Billing__Stripe__WebhookSecret: 'whsec_test_compila_e2e',
        Compila__Billing__Stripe__BaseUrl: stripe.baseUrl,
        Compila__Billing__Stripe__ReturnUrl: `${baseURL}/settings/billing`,
        Compila__Billing__Stripe__PriceIds__pro__Monthly: 'price_pro_month',
        Compila__Billing__Stripe__PriceIds__pro__Yearly: 'price_pro_year',
        Compila__Billing__Stripe__PriceIds__pro_plus__Monthly: 'price_pro_plus_month',
        Compila__Billing__Stripe__PriceIds__pro_plus__Yearly: 'price_pro_plus_year',
      },
    });
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        if ((await fetch(`${baseURL}/health/ready`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('The app with Stripe configured did not start');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(async () => {
    if (app?.pid) process.kill(-app.pid, 'SIGTERM');
    await stripe?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('"Assinar" opens a Stripe Checkout Session and the browser follows it', async ({ browser }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signUp(page);
    await page.goto('/pricing');
    await expect(page.getByTestId('payments-unavailable')).toHaveCount(0);
    await page.getByText('Anual', { exact: true }).click();
    await page.getByRole('button', { name: 'Assinar o plano Pro, Anual' }).click();

    await expect(page).toHaveURL(new RegExp(`^${stripe.baseUrl}/c/pay/cs_test_\\d+$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Checkout de teste cs_test_/ })).toBeVisible();
    const session = stripe.calls.find((c) => c.path === '/v1/checkout/sessions')!;
    expect(session.form).toMatchObject({
      mode: 'subscription',
      'line_items[0][price]': 'price_pro_year',
      success_url: `${baseURL}/settings/billing?checkout=ok`,
      locale: 'pt-BR',
    });

    // Back from Stripe, the billing page thanks the learner and says when the plan changes.
    await page.goto(`${baseURL}/settings/billing?checkout=ok`);
    await expect(page.getByRole('status').filter({ hasText: 'Pagamento enviado.' })).toBeVisible();

    // A pass goes to Stripe as a one-time Pix/boleto payment.
    await page.goto('/pricing');
    await page.getByRole('button', { name: 'Comprar passe de 3 meses de Pro' }).click();
    await expect(page).toHaveURL(new RegExp(`^${stripe.baseUrl}/c/pay/cs_test_\\d+$`));
    const pass = stripe.calls.filter((c) => c.path === '/v1/checkout/sessions').at(-1)!;
    expect(pass.form).toMatchObject({ mode: 'payment', 'allowed_payment_method_types[0]': 'pix', 'allowed_payment_method_types[1]': 'boleto', 'metadata[pass_months]': '3' });
    await context.close();
  });
});
