import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { MySubmission } from '../../api/types';
import MySubmissionsPage from './MySubmissionsPage';

const row = (n: number, status: MySubmission['status'], title: string): MySubmission => ({
  id: `0000000${n}-0000-7000-8000-000000000000`,
  challengeId: `1000000${n}-0000-7000-8000-000000000000`,
  challengeSlug: title.toLowerCase().replace(/\W+/g, '-'),
  challengeTitle: title,
  language: 'python',
  status,
  score: status === 'passed' ? 100 : 0,
  xpGained: status === 'passed' ? 50 : 0,
  attemptNumber: 1,
  submittedAt: '2026-11-26T12:00:00Z',
  executionTimeMs: 12,
});

/** Answers like the API: filters by status, pages of `size`, newest first (the order given). */
function fakeApi(all: MySubmission[]) {
  const requests: URL[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    requests.push(url);
    const status = url.searchParams.get('status');
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('size') ?? 20);
    const items = all.filter((s) => !status || s.status === status);
    const body = { items: items.slice((page - 1) * size, page * size), page, size, total: items.length };
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  });
  return requests;
}

function renderPage(path = '/submissions') {
  const router = createMemoryRouter(
    [
      { path: '/submissions', element: <MySubmissionsPage /> },
      { path: '/challenges', element: <p>catálogo</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('MySubmissionsPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists submissions with links to the challenge and to the attempt', async () => {
    fakeApi([row(2, 'passed', 'Validar CPF'), row(1, 'failed', 'Pix em centavos')]);
    renderPage();
    const table = await screen.findByRole('table', { name: 'Suas submissões, das mais recentes às mais antigas' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Validar CPF' }).getAttribute('href')).toBe('/challenges/validar-cpf');
    expect(within(rows[0]!).getByRole('link', { name: /^Tentativa 1/ }).getAttribute('href')).toBe(
      '/submissions/00000002-0000-7000-8000-000000000000',
    );
    expect(within(rows[0]!).getByText('aprovada')).toBeTruthy();
    expect(within(rows[0]!).getByText('+50')).toBeTruthy();
    expect(within(rows[1]!).getByText('reprovada')).toBeTruthy();
    expect(screen.getByText('2 submissões')).toBeTruthy();
  });

  it('keeps the status filter in the URL and asks the API for it', async () => {
    const requests = fakeApi([row(2, 'passed', 'Validar CPF'), row(1, 'failed', 'Pix em centavos')]);
    const router = renderPage('/submissions?page=1&language=cobol');
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByLabelText('Situação'), 'passed');
    expect(router.state.location.search).toBe('?status=passed');
    expect(await screen.findByText('1 submissão')).toBeTruthy();
    expect(screen.queryByText('Pix em centavos')).toBeNull();
    expect(requests.at(-1)!.searchParams.get('status')).toBe('passed');
    // An unknown language in the URL never reaches the API (it would answer 400).
    expect(requests.every((r) => !r.searchParams.has('language'))).toBe(true);
  });

  it('tells a new learner where to start, and a filtered-out list how to clear the filters', async () => {
    fakeApi([]);
    renderPage();
    expect(await screen.findByText('Você ainda não enviou nenhuma solução')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ver desafios' }).getAttribute('href')).toBe('/challenges');

    vi.restoreAllMocks();
    fakeApi([row(1, 'failed', 'Pix em centavos')]);
    const router = renderPage('/submissions?status=passed');
    expect(await screen.findByText('Nenhuma submissão com esses filtros')).toBeTruthy();
    const clear = screen.getAllByRole('button', { name: 'Limpar filtros' });
    await userEvent.click(clear[clear.length - 1]!);
    expect(router.state.location.search).toBe('');
  });

  it('pages by 20 with "página X de Y"', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...row(1, 'failed', `Desafio ${25 - i}`), id: `id-${i}` }));
    fakeApi(many);
    const router = renderPage();
    expect(await screen.findByText('Página 1 de 2')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(21);
    await userEvent.click(screen.getByRole('button', { name: 'Próxima' }));
    expect(router.state.location.search).toBe('?page=2');
    expect(await screen.findByText('Página 2 de 2')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(6);
  });
});
