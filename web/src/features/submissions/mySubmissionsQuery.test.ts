import { describe, expect, it } from 'vitest';
import { hasFilters, mySubmissionsParams, parseMySubmissionsParams, withFilter } from './mySubmissionsQuery';

describe('my submissions URL state', () => {
  it('reads known filters', () => {
    expect(parseMySubmissionsParams(new URLSearchParams('status=passed&language=csharp&page=3'))).toEqual({
      status: 'passed',
      language: 'csharp',
      page: 3,
    });
  });

  it('ignores what the API would reject with 400', () => {
    expect(parseMySubmissionsParams(new URLSearchParams('status=accepted&language=cobol&page=0'))).toEqual({
      status: '',
      language: '',
      page: 1,
    });
    expect(parseMySubmissionsParams(new URLSearchParams('status=PASSED&page=-2')).status).toBe('');
    expect(parseMySubmissionsParams(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('defaults to everything, first page', () => {
    expect(parseMySubmissionsParams(new URLSearchParams())).toEqual({ status: '', language: '', page: 1 });
  });

  it('writes only what differs from the defaults', () => {
    expect(mySubmissionsParams({ status: '', language: '', page: 1 }).toString()).toBe('');
    expect(mySubmissionsParams({ status: 'failed', language: '', page: 1 }).toString()).toBe('status=failed');
    expect(mySubmissionsParams({ status: '', language: 'go', page: 2 }).toString()).toBe('language=go&page=2');
  });

  it('round-trips', () => {
    const original = { status: 'partial', language: 'typescript', page: 4 };
    expect(parseMySubmissionsParams(mySubmissionsParams(original))).toEqual(original);
  });

  it('goes back to the first page when a filter changes', () => {
    const next = withFilter({ status: '', language: 'python', page: 5 }, { status: 'passed' });
    expect(next).toEqual({ status: 'passed', language: 'python', page: 1 });
    expect(mySubmissionsParams(next).toString()).toBe('status=passed&language=python');
  });

  it('knows when a filter is active', () => {
    expect(hasFilters({ status: '', language: '', page: 3 })).toBe(false);
    expect(hasFilters({ status: 'pending', language: '', page: 1 })).toBe(true);
    expect(hasFilters({ status: '', language: 'java', page: 1 })).toBe(true);
  });
});
