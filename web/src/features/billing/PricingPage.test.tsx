import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '../../api/session';
import type { UserProfile } from '../../api/types';
import PricingPage from './PricingPage';

const tokens = { id: 'ai_daily_tokens', description: 'tokens de IA por dia' };
const noFooter = { id: 'cv_without_branding', description: 'Currículo em PDF sem o rodapé' };
const featured = { id: 'featured_applications', description: 'Candidaturas em destaque' };
const catalog = {
  plans: [
    { id: 'free', name: 'Gratuito', monthlyCents: 0, yearlyCents: 0, currency: 'BRL', unlocks: { aiDailyTokens: 20000, features: [tokens] } },
    { id: 'pro', name: 'Pro', monthlyCents: 2990, yearlyCents: 29900, currency: 'BRL', unlocks: { aiDailyTokens: 200000, features: [tokens, noFooter] } },
    {
      id: 'pro_plus',
      name: 'Pro+',
      monthlyCents: 5990,
      yearlyCents: 59900,
      currency: 'BRL',
      unlocks: { aiDailyTokens: 1000000, features: [tokens, noFooter, featured, { id: 'new_gate', description: 'Algo que o servidor acabou de liberar' }] },
    },
  ],
  passes: [{ plan: 'pro', months: 3, priceCents: 7990, currency: 'BRL', paymentMethods: ['pix', 'boleto'] }],
  paymentsEnabled: false,
};
const myBilling = {
  plan: 'free',
  expiresAt: null,
  renewsAt: null,
  passExpiresAt: null,
  subscriptions: [],
  payments: [],
  paymentsEnabled: false,
  unlocks: catalog.plans[0]!.unlocks,
};

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

function fakeApi(checkout: () => Response) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/v1/billing/plans') return json(catalog);
    if (url === '/v1/billing') return json(myBilling);
    if (url === '/v1/billing/checkout') return checkout();
    return json({ title: 'não existe' }, 404, 'application/problem+json');
  });
  return calls;
}

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/pricing', element: <PricingPage /> },
      { path: '/login', element: <p>página de entrar</p> },
      { path: '/signup', element: <p>cadastro</p> },
    ],
    { initialEntries: ['/pricing'] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const signIn = () =>
  setSession({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000, user: { id: 'u1', username: 'ana' } as UserProfile });
const text = (element: HTMLElement) => element.textContent!.replace(/\u00a0/g, ' ');

describe('PricingPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it('shows BRL prices that follow the monthly/yearly toggle, and the passes', async () => {
    fakeApi(() => json({ url: 'x' }));
    renderPage();
    const pro = (await screen.findAllByTestId('plan-card')).find((c) => c.dataset.plan === 'pro')!;
    expect(text(within(pro).getByTestId('plan-price'))).toBe('R$ 29,90/mês');
    await userEvent.click(screen.getByLabelText('Anual'));
    expect(text(within(pro).getByTestId('plan-price'))).toBe('R$ 299,00/ano');
    expect(text(pro)).toContain('equivale a R$ 24,92/mês');
    expect(text(screen.getByTestId('passes'))).toContain('3 meses de ProR$ 79,90Pix ou boleto');
    expect(screen.getByTestId('payments-unavailable').textContent).toContain('Pagamentos indisponíveis');
  });

  it("lists each plan's unlocks as the server sends them, translated by id, unknown ids in the server's words", async () => {
    fakeApi(() => json({ url: 'x' }));
    renderPage();
    const cards = await screen.findAllByTestId('plan-card');
    const lines = (plan: string) =>
      within(cards.find((c) => c.dataset.plan === plan)!)
        .getAllByRole('listitem')
        .map((li) => text(li));
    expect(lines('free')).toEqual(['20.000 tokens de IA por dia (tutor e Smart Solver)']);
    expect(lines('pro')).toEqual(['200.000 tokens de IA por dia (tutor e Smart Solver)', 'Currículo em PDF sem o rodapé “Gerado por compila.dev”']);
    expect(lines('pro_plus')).toEqual([
      '1.000.000 tokens de IA por dia (tutor e Smart Solver)',
      'Currículo em PDF sem o rodapé “Gerado por compila.dev”',
      'Candidaturas em destaque: selo Pro+ para a empresa e à frente de quem tem a mesma pontuação (ninguém é escondido)',
      'Algo que o servidor acabou de liberar',
    ]);
  });

  it('sends a visitor to sign in before subscribing', async () => {
    const calls = fakeApi(() => json({ url: 'x' }));
    const router = renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Assinar o plano Pro, Mensal' }));
    expect(await screen.findByText('página de entrar')).toBeTruthy();
    expect(router.state.location.search).toBe('?next=%2Fpricing');
    expect(calls.some((c) => c.url === '/v1/billing/checkout')).toBe(false);
  });

  it("shows the server's reason when checkout cannot open, and sends the chosen plan and interval", async () => {
    signIn();
    const calls = fakeApi(() =>
      json(
        { title: 'Pagamentos não configurados.', status: 503, detail: 'Este servidor não tem pagamentos configurados.' },
        503,
        'application/problem+json',
      ),
    );
    renderPage();
    await userEvent.click(await screen.findByLabelText('Anual'));
    await userEvent.click(screen.getByRole('button', { name: 'Assinar o plano Pro+, Anual' }));
    const alert = screen.getByTestId('checkout-error');
    await vi.waitFor(() => expect(alert.textContent).toContain('Pagamentos não configurados.'));
    expect(alert.textContent).toContain('Este servidor não tem pagamentos configurados.');
    expect(calls.find((c) => c.url === '/v1/billing/checkout')).toMatchObject({ method: 'POST', body: { plan: 'pro_plus', interval: 'year' } });
    // The free plan is the learner's own: nothing to buy there.
    expect(screen.getByText('Seu plano atual')).toBeTruthy();
  });

  it('redirects to the checkout page the server opened', async () => {
    signIn();
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign });
    const calls = fakeApi(() => json({ url: 'https://checkout.stripe.test/c/pay_1' }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Comprar passe de 3 meses de Pro' }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay_1'));
    expect(calls.find((c) => c.url === '/v1/billing/checkout')?.body).toEqual({ passMonths: 3 });
  });
});
