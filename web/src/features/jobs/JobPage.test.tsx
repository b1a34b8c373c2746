import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '../../api/session';
import type { Job, MyApplication, UserProfile } from '../../api/types';
import JobPage from './JobPage';

const job: Job = {
  id: 'j1',
  company: { id: 'c1', name: 'Acme', logoUrl: null, location: 'Recife, PE', approved: true },
  title: 'Dev Python',
  description: 'Construímos **APIs**.\n\n<script>alert(1)</script>',
  descriptionHtml: '',
  requirements: ['Git'],
  stack: 'backend',
  level: 'junior',
  technologies: ['python'],
  type: 'clt',
  workModel: 'remote',
  location: null,
  salaryMin: 5000,
  salaryMax: 8000,
  salaryVisible: true,
  status: 'active',
  applicationsCount: 0,
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-01T12:00:00Z',
  expiresAt: null,
  isOwner: false,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function renderPage() {
  const router = createMemoryRouter([{ path: '/vagas/:id', element: <JobPage /> }], { initialEntries: ['/vagas/j1'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('JobPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it('renders the Markdown safely and turns a 409 on apply into the "already applied" state', async () => {
    setSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresAt: Date.now() + 3_600_000,
      user: { id: 'u1', username: 'ana', roles: ['user'] } as UserProfile,
    });
    let applications: MyApplication[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url.startsWith('/v1/jobs/j1/apply')) {
        // Applied meanwhile in another tab: the server says so, and the list now has it.
        applications = [{ id: 'a1', jobId: 'j1', status: 'reviewing', note: null, createdAt: job.createdAt, updatedAt: job.createdAt, job, featured: false }];
        return json({ title: 'Candidatura já enviada.', status: 409, detail: 'Você já se candidatou a esta vaga.' }, 409);
      }
      if (url.startsWith('/v1/jobs/j1')) return json(job);
      if (url.startsWith('/v1/me/applications')) return json(applications);
      if (url.startsWith('/v1/companies/c1')) return json({ ...job.company, websiteUrl: null, about: 'Sobre a Acme', approvedAt: null, createdAt: job.createdAt });
      throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
    });
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Dev Python' })).toBeTruthy();
    expect(screen.getByText('APIs').tagName).toBe('STRONG');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getAllByText(/R\$\s5\.000 a R\$\s8\.000/).length).toBeGreaterThan(0);

    await userEvent.type(screen.getByLabelText('Mensagem para a empresa (opcional)'), 'Olá!');
    await userEvent.click(screen.getByRole('button', { name: 'Candidatar-me' }));

    const applied = await screen.findByTestId('already-applied');
    expect(applied.textContent).toContain('Você já se candidatou a esta vaga.');
    expect(applied.textContent).toContain('Situação: Em análise.');
  });

  it('asks a visitor to sign in before applying', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      if (url.startsWith('/v1/jobs/j1')) return json(job);
      return json({ ...job.company, websiteUrl: null, about: null, approvedAt: null, createdAt: job.createdAt });
    });
    renderPage();
    const link = await screen.findByRole('link', { name: 'Entrar para me candidatar' });
    expect(link.getAttribute('href')).toBe('/login?next=%2Fvagas%2Fj1');
  });
});
