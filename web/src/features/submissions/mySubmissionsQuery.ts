import { SUBMISSION_STATUSES } from '../../api/types';
import { LANGUAGE_NAMES } from '../challenges/labels';

export const PAGE_SIZE = 20;

export const SUBMISSION_LANGUAGES = Object.keys(LANGUAGE_NAMES);

export interface MySubmissionsFilters {
  status: string;
  language: string;
  page: number;
}

/** Reads the history filters from the URL, ignoring values the API would answer with 400. */
export function parseMySubmissionsParams(params: URLSearchParams): MySubmissionsFilters {
  const status = params.get('status') ?? '';
  const language = params.get('language') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status: (SUBMISSION_STATUSES as readonly string[]).includes(status) ? status : '',
    language: SUBMISSION_LANGUAGES.includes(language) ? language : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the filters back, dropping defaults so URLs stay short and shareable. */
export function mySubmissionsParams(filters: MySubmissionsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.language) params.set('language', filters.language);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A filter change starts over at the first page: the old page number means nothing in the new list. */
export function withFilter(filters: MySubmissionsFilters, changes: Partial<Omit<MySubmissionsFilters, 'page'>>): MySubmissionsFilters {
  return { ...filters, ...changes, page: 1 };
}

export function hasFilters(filters: MySubmissionsFilters): boolean {
  return Boolean(filters.status || filters.language);
}
