import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { STACKS, type LeaderboardPeriod } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { stackLabel } from '../challenges/labels';

const PERIODS: LeaderboardPeriod[] = ['weekly', 'monthly', 'all_time'];

export default function LeaderboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('leaderboard.title'));
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const period = (PERIODS as string[]).includes(params.get('period') ?? '') ? (params.get('period') as LeaderboardPeriod) : 'weekly';
  const stack = (STACKS as readonly string[]).includes(params.get('stack') ?? '') ? params.get('stack')! : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const board = useQuery({
    queryKey: queryKeys.leaderboard(period, stack, page),
    queryFn: () => endpoints.leaderboard(period, stack, page),
    placeholderData: keepPreviousData,
    enabled: Boolean(session),
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const pages = board.data ? Math.max(1, Math.ceil(board.data.total / board.data.size)) : 1;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('leaderboard.title')}</h1>
      <div className="mt-4 flex flex-wrap items-end gap-3">
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t('leaderboard.period')}</legend>
          <div className="inline-flex rounded-lg border border-line p-0.5">
            {PERIODS.map((p) => (
              <button
                key={p}
                type="button"
                aria-pressed={period === p}
                className="rounded-md px-3 py-1.5 text-sm aria-pressed:bg-brand aria-pressed:text-on-brand"
                onClick={() => set({ period: p === 'weekly' ? undefined : p, page: undefined })}
              >
                {t(`leaderboard.periods.${p}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="lb-stack" className="mb-1 block text-sm font-medium">
            {t('catalog.stack')}
          </label>
          <select id="lb-stack" className="input w-auto" value={stack ?? ''} onChange={(e) => set({ stack: e.target.value || undefined, page: undefined })}>
            <option value="">{t('catalog.all')}</option>
            {STACKS.map((s) => (
              <option key={s} value={s}>
                {stackLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {session && board.data?.me && (
        <p className="mt-4 rounded-lg bg-subtle p-3 text-sm" data-testid="my-rank">
          {t('leaderboard.me', { rank: board.data.me.rank, xp: formatNumber(board.data.me.xp) })}
        </p>
      )}

      <div className="mt-4">
        {!session ? (
          <EmptyState title={t('leaderboard.signInTitle')}>
            <Link className="link" to="/login?next=%2Fleaderboard">
              {t('leaderboard.signIn')}
            </Link>
          </EmptyState>
        ) : board.isPending ? (
          <Loading />
        ) : board.isError ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : board.data.items.length === 0 ? (
          <EmptyState title={t('leaderboard.empty')}>{t('leaderboard.emptyBody')}</EmptyState>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="leaderboard">
              <caption className="sr-only">{t('leaderboard.title')}</caption>
              <thead className="text-xs text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2">{t('leaderboard.rank')}</th>
                  <th scope="col" className="px-4 py-2">{t('leaderboard.user')}</th>
                  <th scope="col" className="px-4 py-2">{t('leaderboard.level')}</th>
                  <th scope="col" className="px-4 py-2 text-right">XP</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((entry) => (
                  <tr
                    key={entry.username}
                    className={`border-t border-line ${entry.username === session?.user.username ? 'bg-subtle font-semibold' : ''}`}
                  >
                    <td className="px-4 py-2">{entry.rank}</td>
                    <td className="px-4 py-2">
                      <span className="block">{entry.fullName || entry.username}</span>
                      <span className="text-xs text-muted">@{entry.username}</span>
                    </td>
                    <td className="px-4 py-2">{typeof entry.level === 'number' ? entry.level : t(`level.${entry.level}`, { defaultValue: entry.level })}</td>
                    <td className="px-4 py-2 text-right">{formatNumber(entry.xp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {pages > 1 && (
        <nav aria-label={t('catalog.pagination')} className="mt-6 flex items-center justify-center gap-2">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
            {t('catalog.previous')}
          </button>
          <span className="text-sm">{t('catalog.pageOf', { page, pages })}</span>
          <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
            {t('catalog.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
