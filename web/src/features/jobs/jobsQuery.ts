import { JOB_SORTS, JOB_TYPES, LEVELS, STACKS, WORK_MODELS } from '../../api/types';
import type { JobsQuery } from '../../api/endpoints';

export const JOBS_PAGE_SIZE = 12;

/** The search as the URL holds it: every field present, defaults as empty strings (salary 0 = no floor). */
export interface JobSearch {
  q: string;
  stack: string;
  level: string;
  type: string;
  workModel: string;
  technology: string;
  location: string;
  salaryMin: number;
  sort: (typeof JOB_SORTS)[number];
  page: number;
}

const SALARY_CEILING = 10_000_000;

const known = (list: readonly string[], value: string | null) => (value && list.includes(value) ? value : '');

/** Reads the filters from the URL, dropping values the API would answer 400 to. */
export function parseJobSearch(params: URLSearchParams): JobSearch {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const salary = Number.parseInt(params.get('salaryMin') ?? '', 10);
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    stack: known(STACKS, params.get('stack')),
    level: known(LEVELS, params.get('level')),
    type: known(JOB_TYPES, params.get('type')),
    workModel: known(WORK_MODELS, params.get('workModel')),
    technology: (params.get('technology') ?? '').trim().slice(0, 40),
    location: (params.get('location') ?? '').trim().slice(0, 200),
    salaryMin: Number.isFinite(salary) && salary > 0 ? Math.min(salary, SALARY_CEILING) : 0,
    sort: sort === 'recent' ? 'recent' : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the search back to the URL, dropping defaults so links stay short and shareable. */
export function jobSearchParams(search: JobSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'stack', 'level', 'type', 'workModel', 'technology', 'location'] as const) {
    if (search[key]) params.set(key, search[key]);
  }
  if (search.salaryMin > 0) params.set('salaryMin', String(search.salaryMin));
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The `GET /v1/jobs` query: only what is set, so the cached public pages are shared by equal searches. */
export function toJobsQuery(search: JobSearch, size = JOBS_PAGE_SIZE): JobsQuery {
  const query: JobsQuery = { page: search.page, size };
  for (const key of ['q', 'stack', 'level', 'type', 'workModel', 'technology', 'location'] as const) {
    if (search[key]) query[key] = search[key];
  }
  if (search.salaryMin > 0) query.salaryMin = search.salaryMin;
  if (search.sort !== 'relevance') query.sort = search.sort;
  return query;
}

/** How many filters besides the text search are on (the phone layout folds them behind one button). */
export function activeFilterCount(search: JobSearch): number {
  return [search.stack, search.level, search.type, search.workModel, search.technology, search.location, search.salaryMin > 0]
    .filter(Boolean).length;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A comma or line separated list as the job form takes technologies and requirements. */
export function splitList(text: string, separator: RegExp = /[,\n]/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
