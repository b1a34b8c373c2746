import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { getSession, setSession } from '../../api/session';
import SignUpPage from './SignUpPage';

function renderPage() {
  const router = createMemoryRouter([
    { path: '/signup', element: <SignUpPage /> },
    { path: '/challenges', element: <p>catálogo</p> },
    { path: '/empresa', element: <p>painel da empresa</p> },
  ], { initialEntries: ['/signup'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('SignUpPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows each problem-details error under its own field', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          title: 'Dados inválidos.',
          status: 400,
          errors: { username: ['Nome de usuário inválido.'], password: ['A senha deve ter pelo menos 8 caracteres.'] },
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    renderPage();
    await userEvent.type(screen.getByLabelText('Nome de usuário'), 'A');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Senha'), '123');
    await userEvent.click(screen.getByRole('button', { name: 'Criar conta' }));

    const username = screen.getByLabelText('Nome de usuário');
    expect(await screen.findByText('Nome de usuário inválido.')).toBeTruthy();
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toContain(screen.getByText('Nome de usuário inválido.').closest('ul')!.id);
    expect(screen.getByText('A senha deve ter pelo menos 8 caracteres.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
  });

  it('creates a company account when asked and opens the company dashboard', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          accessToken: 'a',
          refreshToken: 'r',
          expiresIn: 900,
          user: { id: 'c1', username: 'acme', roles: ['company'] },
        }),
        { status: 201, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    renderPage();
    await userEvent.click(screen.getByLabelText('Sou uma empresa contratando'));
    await userEvent.type(screen.getByLabelText('Seu nome (opcional)'), 'Ana Recrutadora');
    await userEvent.type(screen.getByLabelText('Nome de usuário'), 'acme');
    await userEvent.type(screen.getByLabelText('E-mail'), 'rh@acme.com.br');
    await userEvent.type(screen.getByLabelText('Senha'), 'senha-forte-123');
    await userEvent.click(screen.getByRole('button', { name: 'Criar conta' }));

    expect(await screen.findByText('painel da empresa')).toBeTruthy();
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'acme', accountType: 'company', fullName: 'Ana Recrutadora' });
    expect(getSession()?.user.roles).toEqual(['company']);
    setSession(null);
  });
});
