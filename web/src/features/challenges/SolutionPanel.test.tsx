import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ReferenceSolution } from './ReferenceSolution';
import { SolutionPanel } from './SolutionPanel';

const CHALLENGE = '01a215f4-c212-75ad-81b5-e5d90e9de04f';
const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const locked = () =>
  json({ title: 'Solução ainda bloqueada.', status: 403, detail: 'A solução de referência fica disponível…' }, 403, 'application/problem+json');
const solution = (reason: string) =>
  json({ challengeId: CHALLENGE, language: 'python', reason, files: [{ path: 'solution.py', content: 'def resolver():\n    return 42\n' }] });

/** A fake server: the solution stays locked until a give-up arrives (or from the start, when `givenUp`). */
function fakeServer({ givenUp = false } = {}) {
  let unlocked = givenUp;
  const calls: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (url.endsWith('/give-up')) {
      unlocked = true;
      return json({ challengeId: CHALLENGE, givenUpAt: '2026-11-26T03:45:27Z', solutionUrl: `/v1/challenges/${CHALLENGE}/solution` });
    }
    if (url.includes('/solution?language=python')) return unlocked ? solution('given_up') : locked();
    return json({}, 404);
  });
  return calls;
}

function renderWithQueries(element: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<QueryClientProvider client={client}>{element}</QueryClientProvider>);
}

const renderPanel = () => renderWithQueries(<SolutionPanel challengeId={CHALLENGE} language="python" />);

describe('SolutionPanel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('while the solution is locked, warns about XP and gives up only after a confirmation', async () => {
    const calls = fakeServer();
    renderPanel();
    expect(await screen.findByText(/Desistir encerra o XP deste desafio/)).toBeTruthy();
    const giveUp = screen.getByRole('button', { name: 'Desistir e ver a solução' });

    // Changing one's mind sends nothing.
    await userEvent.click(giveUp);
    expect(screen.getByRole('dialog', { name: 'Desistir deste desafio?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Continuar tentando' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Desistir e ver a solução' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sim, desistir' }));
    expect(await screen.findByText(/return 42/)).toBeTruthy();
    expect(calls).toContain(`POST /v1/challenges/${CHALLENGE}/give-up`);
    expect(screen.getByText(/Você desistiu deste desafio/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus lands on the solution, not lost on the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Solução de referência' })));
  });

  it('shows the solution straight away to a learner who gave up before', async () => {
    const calls = fakeServer({ givenUp: true });
    renderPanel();
    expect(await screen.findByText(/return 42/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Desistir e ver a solução' })).toBeNull();
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('shows an error, not the give-up button, when the server fails for another reason', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ title: 'Erro interno', status: 500 }, 500, 'application/problem+json'));
    renderPanel();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Desistir e ver a solução' })).toBeNull();
  });
});

describe('ReferenceSolution', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains a locked solution instead of showing an error', async () => {
    fakeServer();
    renderWithQueries(<ReferenceSolution challengeId={CHALLENGE} language="python" />);
    await userEvent.click(screen.getByRole('button', { name: 'Ver a solução de referência' }));
    expect(await screen.findByText(/ainda está bloqueada/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the solution whenever the server releases it', async () => {
    fakeServer({ givenUp: true });
    renderWithQueries(<ReferenceSolution challengeId={CHALLENGE} language="python" />);
    await userEvent.click(screen.getByRole('button', { name: 'Ver a solução de referência' }));
    expect(await screen.findByText(/return 42/)).toBeTruthy();
  });
});
