import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { languageName } from './labels';
import { StatusBadge } from './TestResultsList';

export function SubmissionsList({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.submissions(challengeId), queryFn: () => endpoints.submissions(challengeId) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyState title={t('submissions.empty')}>{t('submissions.emptyBody')}</EmptyState>;
  const rows = [...list.data].sort((a, b) => b.attemptNumber - a.attemptNumber);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="submissions">
        <caption className="sr-only">{t('challenge.mySubmissions')}</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">#</th>
            <th scope="col" className="py-2 pr-3">{t('submissions.status')}</th>
            <th scope="col" className="py-2 pr-3">{t('submissions.language')}</th>
            <th scope="col" className="py-2 pr-3">{t('submissions.score')}</th>
            <th scope="col" className="py-2 pr-3">{t('submissions.when')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} className="border-t border-line">
              <td className="py-2 pr-3">
                <Link className="link" to={`/submissions/${s.id}`}>
                  {t('submissions.attempt', { n: s.attemptNumber })}
                </Link>
              </td>
              <td className="py-2 pr-3">
                <StatusBadge status={s.status} />
              </td>
              <td className="py-2 pr-3">{languageName(s.language)}</td>
              <td className="py-2 pr-3">{s.score ?? '—'}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(s.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
