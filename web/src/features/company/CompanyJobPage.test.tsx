import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '../../api/session';
import type { Applicant, Job, UserProfile } from '../../api/types';
import CompanyJobPage from './CompanyJobPage';

const job: Job = {
  id: 'j1',
  company: { id: 'c1', name: 'Acme', logoUrl: null, location: null, approved: true },
  title: 'Dev Python',
  description: 'APIs.',
  descriptionHtml: '<p>APIs.</p>',
  requirements: [],
  stack: 'backend',
  level: 'junior',
  technologies: ['python'],
  type: 'clt',
  workModel: 'remote',
  location: null,
  salaryMin: null,
  salaryMax: null,
  salaryVisible: false,
  status: 'active',
  applicationsCount: 2,
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-01T12:00:00Z',
  expiresAt: null,
  isOwner: true,
};

const applicant = (username: string, score: number, featured: boolean): Applicant => ({
  id: `a-${username}`,
  status: 'received',
  note: null,
  createdAt: '2026-12-02T12:00:00Z',
  updatedAt: '2026-12-02T12:00:00Z',
  score,
  explanation: 'Sem evidência para python ainda.',
  matched: [],
  missing: ['python'],
  candidate: { id: `u-${username}`, username, fullName: null, avatarUrl: null, email: `${username}@example.com` },
  snapshot: { takenAt: '2026-12-02T12:00:00Z', level: 1, xp: 0, skills: [] },
  featured,
});

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function renderPage(applicants: Applicant[]) {
  setSession({ accessToken: 'a', refreshToken: 'r', expiresAt: Date.now() + 3_600_000, user: { id: 'c1', username: 'acme', roles: ['company'] } as UserProfile });
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    if (url === '/v1/jobs/j1/applications') return json(applicants);
    if (url === '/v1/jobs/j1') return json(job);
    throw new Error(`unexpected ${url}`);
  });
  const router = createMemoryRouter([{ path: '/empresa/vagas/:id', element: <CompanyJobPage /> }], { initialEntries: ['/empresa/vagas/j1'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('CompanyJobPage applicants', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it("badges featured applications, says what featuring does, and keeps the server's order", async () => {
    renderPage([applicant('bia', 0, true), applicant('caio', 0, false)]);
    const items = await screen.findAllByTestId('applicant');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining('@bia'), expect.stringContaining('@caio')]);
    expect(within(items[0]!).getByTestId('featured-badge').textContent).toBe('Destaque Pro+');
    expect(within(items[1]!).queryByTestId('featured-badge')).toBeNull();
    expect(screen.getByTestId('featured-note').textContent).toContain('à frente de quem tem a mesma compatibilidade');
  });

  it('shows no badge and no note when nobody is featured', async () => {
    renderPage([applicant('caio', 10, false)]);
    await screen.findByTestId('applicant');
    expect(screen.queryByTestId('featured-badge')).toBeNull();
    expect(screen.queryByTestId('featured-note')).toBeNull();
  });
});
