import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { LEVELS, SORTS, STACKS, type ChallengeSummary } from '../../api/types';
import { Select } from '../../components/Select';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { catalogParams, PAGE_SIZE, pageCount, parseCatalogParams } from './catalogQuery';
import { levelLabel, stackLabel } from './labels';

export default function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalog.title'));
  const [params, setParams] = useSearchParams();
  const query = parseCatalogParams(params);
  const [search, setSearch] = useState(query.q);
  const [technology, setTechnology] = useState(query.technology);
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setSearch(query.q), [query.q]);
  useEffect(() => setTechnology(query.technology), [query.technology]);

  const apiQuery = { ...query, size: PAGE_SIZE };
  const result = useQuery({
    queryKey: queryKeys.challenges(apiQuery),
    queryFn: ({ signal }) => endpoints.challenges(apiQuery, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Partial<typeof query>) =>
    setParams(catalogParams({ ...query, page: 1, ...changes }));

  const total = result.data?.total ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  const active = Boolean(query.q || query.stack || query.level || query.technology);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('catalog.title')}</h1>
      <p className="mt-1 text-muted">{t('catalog.subtitle')}</p>

      <form
        role="search"
        aria-label={t('catalog.filters')}
        className="card mt-6 grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: search.trim(), technology: technology.trim() });
        }}
      >
        <div>
          <label htmlFor="catalog-q" className="mb-1 block text-sm font-medium">
            {t('catalog.search')}
          </label>
          <input
            id="catalog-q"
            type="search"
            className="input"
            value={search}
            placeholder={t('catalog.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="btn-secondary sm:hidden"
          aria-expanded={filtersOpen}
          aria-controls="catalog-more-filters"
          onClick={() => setFiltersOpen((v) => !v)}
        >
          {t('catalog.moreFilters', { count: [query.stack, query.level, query.technology].filter(Boolean).length })}
        </button>
        {/* On phones the other filters fold away behind one button; from sm up they are always shown. */}
        <div id="catalog-more-filters" className={filtersOpen ? 'contents' : 'hidden sm:contents'}>
        <Select
          id="catalog-stack"
          label={t('catalog.stack')}
          value={query.stack}
          onChange={(stack) => update({ stack })}
          options={[{ value: '', label: t('catalog.all') }, ...STACKS.map((s) => ({ value: s, label: stackLabel(t, s) }))]}
        />
        <Select
          id="catalog-level"
          label={t('catalog.level')}
          value={query.level}
          onChange={(level) => update({ level })}
          options={[{ value: '', label: t('catalog.all') }, ...LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))]}
        />
        <div>
          <label htmlFor="catalog-technology" className="mb-1 block text-sm font-medium">
            {t('catalog.technology')}
          </label>
          <input
            id="catalog-technology"
            className="input"
            value={technology}
            placeholder={t('catalog.technologyPlaceholder')}
            onChange={(e) => setTechnology(e.target.value)}
            onBlur={() => technology.trim() !== query.technology && update({ technology: technology.trim() })}
          />
        </div>
        <Select
          id="catalog-sort"
          label={t('catalog.sort')}
          value={query.sort}
          onChange={(sort) => update({ sort })}
          options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary w-full">
            {t('catalog.apply')}
          </button>
        </div>
      </form>

      <div className="mt-4 flex min-h-8 flex-wrap items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-muted">
          {result.data ? t('catalog.count', { count: total, formatted: formatNumber(total) }) : ''}
        </p>
        {active && (
          <button type="button" className="btn-ghost" onClick={() => setParams(new URLSearchParams())}>
            {t('catalog.clear')}
          </button>
        )}
      </div>

      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t('catalog.emptyTitle')}>{t('catalog.emptyBody')}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('catalog.results')}>
          {result.data.items.map((challenge) => (
            <ChallengeCard key={challenge.id} challenge={challenge} />
          ))}
        </ul>
      )}

      {result.data && pages > 1 && (
        <nav aria-label={t('catalog.pagination')} className="mt-8 flex items-center justify-center gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={query.page <= 1}
            onClick={() => setParams(catalogParams({ ...query, page: query.page - 1 }))}
          >
            {t('catalog.previous')}
          </button>
          <span className="px-2 text-sm" aria-current="page">
            {t('catalog.pageOf', { page: query.page, pages })}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={query.page >= pages}
            onClick={() => setParams(catalogParams({ ...query, page: query.page + 1 }))}
          >
            {t('catalog.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

function ChallengeCard({ challenge }: { challenge: ChallengeSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card flex flex-col p-5 transition hover:shadow-md" data-testid="challenge-card" data-stack={challenge.stack} data-level={challenge.level}>
      <div className="flex flex-wrap gap-2">
        <span className="chip">{stackLabel(t, challenge.stack)}</span>
        <span className="chip">{levelLabel(t, challenge.level)}</span>
        <span className="chip">{t('catalog.xp', { xp: challenge.xpReward })}</span>
      </div>
      <h2 className="mt-3 text-lg font-semibold">
        <Link to={`/challenges/${challenge.slug}`} className="hover:underline">
          {challenge.title}
        </Link>
      </h2>
      {challenge.shortDescription && <p className="mt-1 line-clamp-3 text-sm text-muted">{challenge.shortDescription}</p>}
      <div className="mt-auto flex flex-wrap gap-1 pt-4">
        {challenge.technologies.slice(0, 4).map((tech) => (
          <span key={tech} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-xs">
            {tech}
          </span>
        ))}
      </div>
      <p className="mt-3 text-xs text-muted">
        {challenge.estimatedTimeMinutes ? t('catalog.minutes', { minutes: challenge.estimatedTimeMinutes }) + ' · ' : ''}
        {t('catalog.solvedBy', { count: challenge.completedCount })}
      </p>
    </li>
  );
}
