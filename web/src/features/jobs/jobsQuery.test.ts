import { describe, expect, it } from 'vitest';
import { activeFilterCount, jobSearchParams, pageCount, parseJobSearch, splitList, toJobsQuery } from './jobsQuery';

describe('jobs search URL state', () => {
  it('reads known filters and drops values the API would answer 400 to', () => {
    const search = parseJobSearch(new URLSearchParams('q=%20react%20&stack=data&level=wizard&type=pj&workModel=moon&salaryMin=-5&sort=date&page=0'));
    expect(search).toEqual({
      q: 'react',
      stack: 'data',
      level: '',
      type: 'pj',
      workModel: '',
      technology: '',
      location: '',
      salaryMin: 0,
      sort: 'relevance',
      page: 1,
    });
  });

  it('caps the salary floor at the API ceiling and keeps the recent sort', () => {
    const search = parseJobSearch(new URLSearchParams('salaryMin=99999999&sort=recent'));
    expect(search.salaryMin).toBe(10_000_000);
    expect(search.sort).toBe('recent');
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const search = parseJobSearch(new URLSearchParams('workModel=remote&technology=go&location=Recife&salaryMin=6000&page=3'));
    expect(jobSearchParams(search).toString()).toBe('workModel=remote&technology=go&location=Recife&salaryMin=6000&page=3');
    expect(parseJobSearch(jobSearchParams(search))).toEqual(search);
    expect(jobSearchParams(parseJobSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('builds the GET /v1/jobs query without empty filters', () => {
    const search = parseJobSearch(new URLSearchParams('q=api&type=clt&sort=recent&page=2'));
    expect(toJobsQuery(search)).toEqual({ q: 'api', type: 'clt', sort: 'recent', page: 2, size: 12 });
    expect(toJobsQuery(parseJobSearch(new URLSearchParams('salaryMin=4000')), 20)).toEqual({ salaryMin: 4000, page: 1, size: 20 });
  });

  it('counts the folded filters (not the text search)', () => {
    expect(activeFilterCount(parseJobSearch(new URLSearchParams('q=x&stack=backend&salaryMin=1000&location=SP')))).toBe(3);
  });

  it('counts pages and splits lists', () => {
    expect(pageCount(0, 12)).toBe(1);
    expect(pageCount(25, 12)).toBe(3);
    expect(splitList(' react, typescript ,,node.js\n go ')).toEqual(['react', 'typescript', 'node.js', 'go']);
    expect(splitList('Inglês técnico, leitura\n\nGit', /\n/)).toEqual(['Inglês técnico, leitura', 'Git']);
  });
});
