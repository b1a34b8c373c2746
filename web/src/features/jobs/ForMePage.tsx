import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { JobCard } from './JobCard';

/** "Vagas para você": open jobs ranked by the learner's verified skills, each with the server's pt-BR explanation. */
export default function ForMePage() {
  const { t } = useTranslation();
  usePageTitle(t('jobs.forMe.title'));
  const result = useQuery({ queryKey: queryKeys.jobsForMe, queryFn: endpoints.jobsForMe });

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Link className="link text-sm" to="/vagas">
        {t('jobs.forMe.allJobs')}
      </Link>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t('jobs.forMe.title')}</h1>
      <p className="mt-1 text-muted">{t('jobs.forMe.subtitle')}</p>
      <div className="mt-6">
        {result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} />
        ) : result.data.items.length === 0 ? (
          <EmptyState title={t('jobs.forMe.emptyTitle')}>
            <p>{t('jobs.forMe.emptyBody')}</p>
            <Link className="btn-primary mt-4 inline-block" to="/challenges">
              {t('jobs.forMe.emptyCta')}
            </Link>
          </EmptyState>
        ) : (
          <>
          {result.data.items.every((i) => i.score === 0) && (
            <p className="mb-4 rounded-lg border border-line bg-subtle p-3 text-sm" data-testid="for-me-no-evidence">
              {t('jobs.forMe.noEvidence')}{' '}
              <Link className="link" to="/challenges">
                {t('jobs.forMe.emptyCta')}
              </Link>
            </p>
          )}
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('jobs.forMe.results')}>
            {result.data.items.map((item) => (
              <JobCard key={item.job.id} job={item.job}>
                <div className="mt-3 rounded-lg bg-subtle p-3 text-sm" data-testid="job-match">
                  <p className="flex items-center gap-2 font-semibold">
                    <span
                      className="inline-grid min-w-10 place-items-center rounded-full bg-brand px-2 py-0.5 text-xs text-on-brand"
                      aria-label={t('jobs.forMe.scoreLabel', { score: item.score })}
                    >
                      {item.score}
                    </span>
                    {t('jobs.forMe.match')}
                  </p>
                  {/* The server's explanation already names what is missing. */}
                  <p className="mt-1">{item.explanation}</p>
                </div>
              </JobCard>
            ))}
          </ul>
          </>
        )}
      </div>
    </div>
  );
}
