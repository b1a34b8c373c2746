import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, signUp } from './support';

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
  await expect(page.getByRole('heading', { level: 2, name: /^Gratuito/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Pro\b/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Pro\+/ })).toBeVisible();

  const api = (await (await page.request.get('/v1/billing/plans')).json()) as {
    plans: { id: string; monthlyCents: number; yearlyCents: number; unlocks: { features: string[] } }[];
    passes: { months: number; priceCents: number }[];
  };
  const brl = (cents: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100).replace(/\s+/g, ' ');
  const pro = api.plans.find((p) => p.id === 'pro')!;
  const proPlus = api.plans.find((p) => p.id === 'pro_plus')!;

  expect(await plain(page, 'plan-price', 'free')).toBe('Grátis');
  expect(await plain(page, 'plan-price', 'pro')).toBe(`${brl(pro.monthlyCents)}/mês`);
  expect(await plain(page, 'plan-price', 'pro_plus')).toBe(`${brl(proPlus.monthlyCents)}/mês`);
  // What each plan unlocks, as the server enforces it.
  await expect(page.getByTestId('plan-card').and(page.locator('[data-plan="pro"]'))).toContainText(pro.unlocks.features[0]!);

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
