import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/types';
import { EMPTY_JOB_FORM, expiresAtFromDay, formFromJob, jobRequestFrom, toJobRequest } from './jobForm';
import { absoluteLink, instantFromLocal } from './AssessmentsPage';

const job: Job = {
  id: 'j1',
  company: { id: 'c1', name: 'Acme', logoUrl: null, location: null, approved: true },
  title: 'Dev Go',
  description: '# Vaga',
  descriptionHtml: '<h1>Vaga</h1>',
  requirements: ['Git'],
  stack: 'backend',
  level: 'mid',
  technologies: ['go', 'sql'],
  type: 'pj',
  workModel: 'hybrid',
  location: 'Recife, PE',
  salaryMin: 9000,
  salaryMax: null,
  salaryVisible: false,
  status: 'active',
  applicationsCount: 2,
  createdAt: '2026-12-01T12:00:00Z',
  updatedAt: '2026-12-01T12:00:00Z',
  expiresAt: null,
  isOwner: true,
};

describe('job form', () => {
  it('turns typed text into the API request', () => {
    const request = toJobRequest({
      ...EMPTY_JOB_FORM,
      title: '  Dev React ',
      description: 'Texto',
      technologies: 'react, typescript,',
      requirements: 'Inglês, leitura\nGit\n',
      salaryMin: 'R$ 6.000',
      salaryMax: '',
      location: ' ',
    });
    expect(request).toMatchObject({
      title: 'Dev React',
      technologies: ['react', 'typescript'],
      requirements: ['Inglês, leitura', 'Git'],
      salaryMin: 6000,
      salaryMax: null,
      location: null,
      status: 'active',
      expiresAt: null,
    });
  });

  it('round-trips a job through the form', () => {
    const request = toJobRequest(formFromJob(job));
    expect(request).toEqual({
      title: 'Dev Go',
      description: '# Vaga',
      requirements: ['Git'],
      technologies: ['go', 'sql'],
      stack: 'backend',
      level: 'mid',
      type: 'pj',
      workModel: 'hybrid',
      location: 'Recife, PE',
      salaryMin: 9000,
      salaryMax: null,
      salaryVisible: false,
      status: 'active',
      expiresAt: null,
    });
  });

  it('closes a job keeping every other field', () => {
    expect(jobRequestFrom(job, { status: 'closed' })).toMatchObject({ status: 'closed', title: 'Dev Go', salaryVisible: false, technologies: ['go', 'sql'] });
  });

  it('reads a date input as the end of that local day', () => {
    const iso = expiresAtFromDay('2027-01-31')!;
    const date = new Date(iso);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2027, 0, 31, 23]);
    expect(expiresAtFromDay('')).toBeNull();
    expect(expiresAtFromDay('31/01/2027')).toBeNull();
  });
});

describe('assessment form', () => {
  it('reads datetime-local values and completes the link', () => {
    expect(instantFromLocal('')).toBeNull();
    expect(instantFromLocal('2027-01-10T09:30')).toBe(new Date(2027, 0, 10, 9, 30).toISOString());
    expect(absoluteLink('/avaliacoes/abc', 'https://compila.dev')).toBe('https://compila.dev/avaliacoes/abc');
    expect(absoluteLink('https://compila.dev/avaliacoes/abc', 'http://x')).toBe('https://compila.dev/avaliacoes/abc');
  });
});
