import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { SUBMISSION_STATUSES, type MySubmission } from '../../api/types';
import { Select } from '../../components/Select';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDateTime, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { pageCount } from '../challenges/catalogQuery';
import { languageName } from '../challenges/labels';
import { StatusBadge } from '../challenges/TestResultsList';
import {
  hasFilters,
  mySubmissionsParams,
  PAGE_SIZE,
  parseMySubmissionsParams,
  SUBMISSION_LANGUAGES,
  withFilter,
  type MySubmissionsFilters,
} from './mySubmissionsQuery';

/** While a submission waits in the queue, the list asks again now and then so its status settles by itself. */
const PENDING_REFRESH_MS = 3_000;

export default function MySubmissionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('mySubmissions.title'));
  const [params, setParams] = useSearchParams();
  const filters = parseMySubmissionsParams(params);
  const go = (next: MySubmissionsFilters) => setParams(mySubmissionsParams(next));

  const apiQuery = { ...filters, size: PAGE_SIZE };
  const result = useQuery({
    queryKey: queryKeys.mySubmissions(apiQuery),
    queryFn: ({ signal }) => endpoints.mySubmissions(apiQuery, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((s) => s.status === 'pending') ? PENDING_REFRESH_MS : false),
  });

  const total = result.data?.total ?? 0;
  const pages = pageCount(total, PAGE_SIZE);
  const filtered = hasFilters(filters);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('mySubmissions.title')}</h1>
      <p className="mt-1 text-muted">{t('mySubmissions.subtitle')}</p>

      <form
        role="search"
        aria-label={t('mySubmissions.filters')}
        className="card mt-6 grid gap-3 p-4 sm:grid-cols-[1fr_1fr_auto]"
        onSubmit={(event) => event.preventDefault()}
      >
        <Select
          id="my-submissions-status"
          label={t('mySubmissions.status')}
          value={filters.status}
          onChange={(status) => go(withFilter(filters, { status }))}
          options={[
            { value: '', label: t('mySubmissions.all') },
            ...SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`mySubmissions.statuses.${s}`) })),
          ]}
        />
        <Select
          id="my-submissions-language"
          label={t('mySubmissions.language')}
          value={filters.language}
          onChange={(language) => go(withFilter(filters, { language }))}
          options={[
            { value: '', label: t('mySubmissions.all') },
            ...SUBMISSION_LANGUAGES.map((l) => ({ value: l, label: languageName(l) })),
          ]}
        />
        <div className="flex items-end">
          <button
            type="button"
            className="btn-ghost w-full sm:w-auto"
            disabled={!filtered}
            onClick={() => setParams(new URLSearchParams())}
          >
            {t('mySubmissions.clear')}
          </button>
        </div>
      </form>

      <p aria-live="polite" className="mt-4 min-h-6 text-sm text-muted">
        {result.data ? t('mySubmissions.count', { count: total, formatted: formatNumber(total) }) : ''}
      </p>

      <div className="mt-2">
        {result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} />
        ) : result.data.items.length > 0 ? (
          <SubmissionsTable items={result.data.items} />
        ) : total > 0 ? (
          <EmptyState title={t('mySubmissions.pastEndTitle')}>
            <button type="button" className="btn-secondary" onClick={() => go({ ...filters, page: 1 })}>
              {t('mySubmissions.firstPage')}
            </button>
          </EmptyState>
        ) : filtered ? (
          <EmptyState title={t('mySubmissions.filteredTitle')}>
            <p>{t('mySubmissions.filteredBody')}</p>
            <button type="button" className="btn-secondary mt-3" onClick={() => setParams(new URLSearchParams())}>
              {t('mySubmissions.clear')}
            </button>
          </EmptyState>
        ) : (
          <EmptyState title={t('mySubmissions.emptyTitle')}>
            <p>{t('mySubmissions.emptyBody')}</p>
            <Link to="/challenges" className="btn-primary mt-3">
              {t('mySubmissions.emptyCta')}
            </Link>
          </EmptyState>
        )}
      </div>

      {result.data && pages > 1 && (
        <nav aria-label={t('catalog.pagination')} className="mt-6 flex items-center justify-center gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={filters.page <= 1}
            onClick={() => go({ ...filters, page: Math.min(filters.page - 1, pages) })}
          >
            {t('catalog.previous')}
          </button>
          <span className="px-2 text-sm" aria-current="page">
            {t('catalog.pageOf', { page: filters.page, pages })}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={filters.page >= pages}
            onClick={() => go({ ...filters, page: filters.page + 1 })}
          >
            {t('catalog.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

function SubmissionsTable({ items }: { items: MySubmission[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const cell = 'px-3 py-2';
  return (
    // On narrow screens the table scrolls sideways inside this region, which the keyboard can reach and scroll.
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="card overflow-x-auto">
      <table className="w-full min-w-[46rem] text-left text-sm" data-testid="my-submissions">
        <caption id={captionId} className="sr-only">
          {t('mySubmissions.caption')}
        </caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className={cell}>{t('mySubmissions.challenge')}</th>
            <th scope="col" className={cell}>{t('mySubmissions.attempt')}</th>
            <th scope="col" className={cell}>{t('submissions.status')}</th>
            <th scope="col" className={cell}>{t('submissions.language')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('submissions.score')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('mySubmissions.xp')}</th>
            <th scope="col" className={cell}>{t('submissions.when')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} className="border-t border-line" data-testid="my-submission" data-status={s.status}>
              <td className={`${cell} max-w-72`}>
                <Link className="link" to={`/challenges/${s.challengeSlug}`}>
                  {s.challengeTitle}
                </Link>
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <Link className="link" to={`/submissions/${s.id}`}>
                  {t('mySubmissions.attemptOf', { n: s.attemptNumber })}
                  <span className="sr-only"> {t('mySubmissions.attemptContext', { title: s.challengeTitle })}</span>
                </Link>
              </td>
              <td className={cell}>
                <StatusBadge status={s.status} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{languageName(s.language)}</td>
              <td className={`${cell} text-right`}>{s.score ?? '—'}</td>
              <td className={`${cell} text-right whitespace-nowrap`}>{s.xpGained > 0 ? `+${formatNumber(s.xpGained)}` : '0'}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatDateTime(s.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
