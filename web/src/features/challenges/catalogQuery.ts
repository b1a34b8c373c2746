import { LEVELS, SORTS, STACKS } from '../../api/types';
import type { CatalogQuery } from '../../api/endpoints';

export const PAGE_SIZE = 12;

/** Reads the catalog filters from the URL, ignoring values the API would reject. */
export function parseCatalogParams(params: URLSearchParams): Required<Omit<CatalogQuery, 'size'>> {
  const stack = params.get('stack') ?? '';
  const level = params.get('level') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    stack: (STACKS as readonly string[]).includes(stack) ? stack : '',
    level: (LEVELS as readonly string[]).includes(level) ? level : '',
    technology: (params.get('technology') ?? '').trim(),
    q: (params.get('q') ?? '').trim(),
    sort: (SORTS as readonly string[]).includes(sort) ? sort : 'newest',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes filters back, dropping defaults so URLs stay short and shareable. Any filter change resets the page. */
export function catalogParams(query: ReturnType<typeof parseCatalogParams>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.stack) params.set('stack', query.stack);
  if (query.level) params.set('level', query.level);
  if (query.technology) params.set('technology', query.technology);
  if (query.sort && query.sort !== 'newest') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
