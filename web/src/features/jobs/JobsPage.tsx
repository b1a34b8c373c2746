import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { JOB_SORTS, JOB_TYPES, LEVELS, STACKS, WORK_MODELS } from '../../api/types';
import { Select } from '../../components/Select';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { levelLabel, stackLabel } from '../challenges/labels';
import { JobCard } from './JobCard';
import { activeFilterCount, JOBS_PAGE_SIZE, jobSearchParams, pageCount, parseJobSearch, toJobsQuery, type JobSearch } from './jobsQuery';
import { jobTypeLabel, workModelLabel } from './labels';

export default function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const search = parseJobSearch(params);
  // Text fields are applied on submit (or blur), not on every keystroke.
  const [draft, setDraft] = useState({ q: search.q, technology: search.technology, location: search.location, salaryMin: search.salaryMin ? String(search.salaryMin) : '' });
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(
    () => setDraft({ q: search.q, technology: search.technology, location: search.location, salaryMin: search.salaryMin ? String(search.salaryMin) : '' }),
    [search.q, search.technology, search.location, search.salaryMin],
  );

  const query = toJobsQuery(search);
  const result = useQuery({
    queryKey: queryKeys.jobs(query),
    queryFn: ({ signal }) => endpoints.jobs(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Partial<JobSearch>) => setParams(jobSearchParams({ ...search, page: 1, ...changes }));
  const applyDraft = () =>
    update({
      q: draft.q.trim(),
      technology: draft.technology.trim(),
      location: draft.location.trim(),
      salaryMin: Math.max(0, Number.parseInt(draft.salaryMin, 10) || 0),
    });
  const total = result.data?.total ?? 0;
  const pages = pageCount(total, JOBS_PAGE_SIZE);
  const active = Boolean(search.q) || activeFilterCount(search) > 0;
  const all = { value: '', label: t('jobs.filters.all') };

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t('jobs.title')}</h1>
          <p className="mt-1 text-muted">{t('jobs.subtitle')}</p>
        </div>
        {session && !session.user.roles.includes('company') && (
          <div className="flex flex-wrap gap-2">
            <Link className="btn-secondary" to="/vagas/para-voce">
              {t('jobs.forMeLink')}
            </Link>
            <Link className="btn-secondary" to="/candidaturas">
              {t('jobs.myApplicationsLink')}
            </Link>
          </div>
        )}
      </div>

      <form
        role="search"
        aria-label={t('jobs.filters.label')}
        className="card mt-6 grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          applyDraft();
        }}
      >
        <div className="sm:col-span-2">
          <label htmlFor="jobs-q" className="mb-1 block text-sm font-medium">
            {t('jobs.filters.search')}
          </label>
          <input
            id="jobs-q"
            type="search"
            className="input"
            maxLength={200}
            value={draft.q}
            placeholder={t('jobs.filters.searchPlaceholder')}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <button
          type="button"
          className="btn-secondary sm:hidden"
          aria-expanded={filtersOpen}
          aria-controls="jobs-more-filters"
          onClick={() => setFiltersOpen((v) => !v)}
        >
          {t('jobs.filters.more', { count: activeFilterCount(search) })}
        </button>
        <div id="jobs-more-filters" className={filtersOpen ? 'contents' : 'hidden sm:contents'}>
          <Select
            id="jobs-work-model"
            label={t('jobs.filters.workModel')}
            value={search.workModel}
            onChange={(workModel) => update({ workModel })}
            options={[all, ...WORK_MODELS.map((m) => ({ value: m, label: workModelLabel(t, m) }))]}
          />
          <Select
            id="jobs-type"
            label={t('jobs.filters.type')}
            value={search.type}
            onChange={(type) => update({ type })}
            options={[all, ...JOB_TYPES.map((m) => ({ value: m, label: jobTypeLabel(t, m) }))]}
          />
          <Select
            id="jobs-stack"
            label={t('jobs.filters.stack')}
            value={search.stack}
            onChange={(stack) => update({ stack })}
            options={[all, ...STACKS.map((s) => ({ value: s, label: stackLabel(t, s) }))]}
          />
          <Select
            id="jobs-level"
            label={t('jobs.filters.level')}
            value={search.level}
            onChange={(level) => update({ level })}
            options={[all, ...LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))]}
          />
          <div>
            <label htmlFor="jobs-technology" className="mb-1 block text-sm font-medium">
              {t('jobs.filters.technology')}
            </label>
            <input
              id="jobs-technology"
              className="input"
              maxLength={40}
              value={draft.technology}
              placeholder={t('jobs.filters.technologyPlaceholder')}
              onChange={(e) => setDraft({ ...draft, technology: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="jobs-location" className="mb-1 block text-sm font-medium">
              {t('jobs.filters.location')}
            </label>
            <input
              id="jobs-location"
              className="input"
              maxLength={200}
              value={draft.location}
              placeholder={t('jobs.filters.locationPlaceholder')}
              onChange={(e) => setDraft({ ...draft, location: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="jobs-salary" className="mb-1 block text-sm font-medium">
              {t('jobs.filters.salaryMin')}
            </label>
            <input
              id="jobs-salary"
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              value={draft.salaryMin}
              placeholder={t('jobs.filters.salaryPlaceholder')}
              onChange={(e) => setDraft({ ...draft, salaryMin: e.target.value })}
            />
          </div>
          <Select
            id="jobs-sort"
            label={t('jobs.filters.sort')}
            value={search.sort}
            onChange={(sort) => update({ sort: sort as JobSearch['sort'] })}
            options={JOB_SORTS.map((s) => ({ value: s, label: t(`jobs.sort.${s}`) }))}
          />
        </div>
        <div className="flex items-end">
          <button type="submit" className="btn-primary w-full">
            {t('jobs.filters.apply')}
          </button>
        </div>
      </form>

      <div className="mt-4 flex min-h-8 flex-wrap items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-muted" data-testid="jobs-count">
          {result.data ? t('jobs.count', { count: total, formatted: formatNumber(total) }) : ''}
        </p>
        {active && (
          <button type="button" className="btn-ghost" onClick={() => setParams(new URLSearchParams())}>
            {t('jobs.filters.clear')}
          </button>
        )}
      </div>

      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t('jobs.emptyTitle')}>{active ? t('jobs.emptyFiltered') : t('jobs.emptyBody')}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('jobs.results')}>
          {result.data.items.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </ul>
      )}

      {result.data && pages > 1 && (
        <nav aria-label={t('jobs.pagination')} className="mt-8 flex items-center justify-center gap-2">
          <button type="button" className="btn-secondary" disabled={search.page <= 1} onClick={() => setParams(jobSearchParams({ ...search, page: search.page - 1 }))}>
            {t('jobs.previous')}
          </button>
          <span className="px-2 text-sm" aria-current="page">
            {t('jobs.pageOf', { page: search.page, pages })}
          </span>
          <button type="button" className="btn-secondary" disabled={search.page >= pages} onClick={() => setParams(jobSearchParams({ ...search, page: search.page + 1 }))}>
            {t('jobs.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
