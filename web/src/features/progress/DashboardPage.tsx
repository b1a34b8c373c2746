import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { Badge } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';
import { formatNumber, formatPercent } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { ProgressSummary } from '../challenges/ProgressSummary';
import { languageName, levelLabel, stackLabel } from '../challenges/labels';
import { ActivityChart } from './ActivityChart';

export default function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const session = useSession();
  const progress = useQuery({ queryKey: queryKeys.progress, queryFn: endpoints.progress });
  const me = useQuery({ queryKey: queryKeys.me, queryFn: endpoints.me });
  const name = me.data?.fullName || me.data?.username || session?.user.username;

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('dashboard.title')}</h1>
        <p className="mt-1 text-muted">{t('dashboard.hello', { name })}</p>
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <section className="card p-5 md:col-span-2" aria-labelledby="level-title">
          <h2 id="level-title" className="mb-3 font-semibold">
            {t('dashboard.level')}
          </h2>
          <ProgressSummary />
        </section>
        <section className="card p-5" aria-labelledby="streak-title">
          <h2 id="streak-title" className="font-semibold">
            {t('dashboard.streak')}
          </h2>
          <p className="mt-2 text-3xl font-bold" data-testid="streak">
            {t('dashboard.days', { count: progress.data?.streakCurrent ?? me.data?.streakCurrent ?? 0 })}
          </p>
          <p className="text-sm text-muted">
            {t('dashboard.best', { count: progress.data?.streakBest ?? me.data?.streakBest ?? 0 })}
          </p>
        </section>
      </div>

      {progress.isPending ? (
        <Loading />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : (
        <>
          <section className="card p-5" aria-labelledby="activity-title">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="activity-title" className="font-semibold">
                {t('dashboard.activity')}
              </h2>
              <Link className="link text-sm" to="/submissions">
                {t('mySubmissions.seeAll')}
              </Link>
            </div>
            <ActivityChart days={progress.data.activity} />
          </section>

          <section className="card p-5" aria-labelledby="solved-title">
            <h2 id="solved-title" className="font-semibold">
              {t('dashboard.solved', { count: progress.data.solved.total })}
            </h2>
            {progress.data.solved.total === 0 ? (
              <p className="mt-2 text-sm text-muted">
                {t('dashboard.solvedNone')}{' '}
                <Link className="link" to="/challenges">
                  {t('landing.ctaBrowse')}
                </Link>
              </p>
            ) : (
              <div className="mt-3 grid gap-4 sm:grid-cols-3">
                <Breakdown title={t('catalog.stack')} data={progress.data.solved.byStack} label={(k) => stackLabel(t, k)} />
                <Breakdown title={t('catalog.level')} data={progress.data.solved.byLevel} label={(k) => levelLabel(t, k)} />
                <Breakdown title={t('challenge.language')} data={progress.data.solved.byLanguage} label={languageName} />
              </div>
            )}
          </section>

          <section className="card p-5" aria-labelledby="badges-title">
            <h2 id="badges-title" className="font-semibold">
              {t('dashboard.badges')}
            </h2>
            <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              {progress.data.badges.map((badge) => (
                <BadgeCard key={badge.id} badge={badge} />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

function Breakdown({ title, data, label }: { title: string; data: Record<string, number>; label: (key: string) => string }) {
  const entries = Object.entries(data).filter(([, n]) => n > 0);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <div>
      <h3 className="text-sm font-medium text-muted">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {entries.map(([key, n]) => (
          <li key={key} className="grid grid-cols-[6rem_1fr_2rem] items-center gap-2">
            <span className="truncate">{label(key)}</span>
            <span aria-hidden="true" className="h-2 rounded-full bg-brand" style={{ width: `${(n / max) * 100}%` }} />
            <span className="text-right">{formatNumber(n)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function BadgeCard({ badge }: { badge: Badge }) {
  const { t } = useTranslation();
  const earned = Boolean(badge.earnedAt);
  return (
    <li className="flex flex-col items-center rounded-lg border border-line p-3 text-center" data-testid="badge" data-earned={earned}>
      {badge.icon ? (
        <img src={badge.icon} alt="" width={48} height={48} className={earned ? '' : 'opacity-40 grayscale'} loading="lazy" />
      ) : (
        <span aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-subtle text-xl">★</span>
      )}
      <p className="mt-2 text-sm font-medium">{badge.name}</p>
      {badge.description && <p className="text-xs text-muted">{badge.description}</p>}
      <p className="mt-1 text-xs">
        {earned ? t('dashboard.earned') : t('dashboard.badgeProgress', { percent: formatPercent(badge.progress) })}
      </p>
    </li>
  );
}
