import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import SignUpPage from './SignUpPage';

function renderPage() {
  const router = createMemoryRouter([
    { path: '/signup', element: <SignUpPage /> },
    { path: '/challenges', element: <p>catálogo</p> },
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
});
