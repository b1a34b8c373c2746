import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '../../api/session';
import type { MyBilling, UserProfile } from '../../api/types';
import BillingSettingsPage from './BillingSettingsPage';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

function renderPage(billing: MyBilling, portal: () => Response = () => json({ url: 'x' }), entry = '/settings/billing') {
  setSession({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000, user: { id: 'u1', username: 'ana' } as UserProfile });
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    if (url === '/v1/billing') return json(billing);
    if (url === '/v1/billing/portal') return portal();
    return json({}, 404);
  });
  const router = createMemoryRouter([{ path: '/settings/billing', element: <BillingSettingsPage /> }], { initialEntries: [entry] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const free: MyBilling = {
  plan: 'free',
  expiresAt: null,
  renewsAt: null,
  passExpiresAt: null,
  subscriptions: [],
  payments: [],
  paymentsEnabled: true,
  unlocks: { aiDailyTokens: 20000, features: [{ id: 'ai_daily_tokens', description: '20.000 tokens de IA por dia' }] },
};
const text = (element: HTMLElement) => element.textContent!.replace(/\u00a0/g, ' ');

describe('BillingSettingsPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it('shows the free plan with empty lists and no portal button', async () => {
    renderPage(free);
    expect(text(await screen.findByTestId('current-plan'))).toContain('Você está no plano gratuito.');
    expect(screen.getByText('Nenhuma assinatura')).toBeTruthy();
    expect(screen.getByText('Nenhum pagamento')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gerenciar assinatura' })).toBeNull();
    expect(screen.queryByTestId('payments-unavailable')).toBeNull();
  });

  it('shows a renewing pro plan, the pass, the subscription and the payments in pt-BR', async () => {
    renderPage({
      ...free,
      plan: 'pro',
      renewsAt: '2027-01-15T12:00:00Z',
      expiresAt: '2027-01-18T12:00:00Z',
      passExpiresAt: '2027-04-10T12:00:00Z',
      subscriptions: [{ plan: 'pro', status: 'active', currentPeriodEnd: '2027-01-15T12:00:00Z', cancelAtPeriodEnd: true }],
      payments: [
        { kind: 'pass', plan: 'pro', amountCents: 7990, currency: 'brl', status: 'paid', passMonths: 3, createdAt: '2026-12-01T12:00:00Z' },
        { kind: 'subscription', plan: 'pro', amountCents: 2990, currency: 'brl', status: 'failed', passMonths: null, createdAt: '2026-11-15T12:00:00Z' },
      ],
    });
    const current = await screen.findByTestId('current-plan');
    expect(current.dataset.plan).toBe('pro');
    expect(screen.getByTestId('plan-until').textContent).toBe('Renova em 15 de janeiro de 2027');
    expect(screen.getByTestId('pass-until').textContent).toBe('Passe Pro válido até 10 de abril de 2027');
    expect(text(screen.getByTestId('subscription'))).toContain('Ativa');
    expect(text(screen.getByTestId('subscription'))).toContain('Cancela ao fim do período');
    const rows = screen.getAllByTestId('payment').map(text);
    expect(rows[0]).toBe('1 de dezembro de 2026Passe Pro de 3 mesesR$ 79,90Pago');
    expect(rows[1]).toBe('15 de novembro de 2026Assinatura ProR$ 29,90Falhou');
  });

  it('shows what the current plan unlocks, as the server lists it', async () => {
    renderPage({
      ...free,
      plan: 'pro_plus',
      unlocks: {
        aiDailyTokens: 1000000,
        features: [
          { id: 'ai_daily_tokens', description: 'tokens' },
          { id: 'cv_without_branding', description: 'sem rodapé' },
          { id: 'featured_applications', description: 'destaque' },
        ],
      },
    });
    const current = await screen.findByTestId('current-plan');
    expect(text(current)).toContain('O que seu plano inclui');
    expect(within(current).getAllByRole('listitem').map(text)).toEqual([
      '1.000.000 tokens de IA por dia (tutor e Smart Solver)',
      'Currículo em PDF sem o rodapé “Gerado por compila.dev”',
      'Candidaturas em destaque: selo Pro+ para a empresa e à frente de quem tem a mesma pontuação (ninguém é escondido)',
    ]);
  });

  it("opens the Stripe portal, or says why it cannot", async () => {
    renderPage(
      { ...free, plan: 'pro', subscriptions: [{ plan: 'pro', status: 'active', currentPeriodEnd: null, cancelAtPeriodEnd: false }] },
      () => json({ title: 'Nenhuma assinatura para gerenciar.', status: 409, detail: 'Assine um plano primeiro.' }, 409, 'application/problem+json'),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Gerenciar assinatura' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Nenhuma assinatura para gerenciar.');
  });

  it('thanks the learner back from checkout and says payments are off when they are', async () => {
    renderPage({ ...free, paymentsEnabled: false }, undefined, '/settings/billing?checkout=ok');
    expect((await screen.findByText(/^Pagamento enviado./)).getAttribute('role')).toBe('status');
    expect(screen.getByTestId('payments-unavailable').textContent).toContain('Pagamentos indisponíveis');
  });
});
