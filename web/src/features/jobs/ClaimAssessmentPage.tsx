import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';

/** `/avaliacoes/:token` (behind sign-in): claims the company's link for this learner, then lists what to solve. */
export default function ClaimAssessmentPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('assessments.claim.title'));
  // Claiming twice answers the same assessment, so a reload is safe.
  const claim = useQuery({ queryKey: ['claimAssessment', token], queryFn: () => endpoints.claimAssessment(token), retry: false, staleTime: Infinity });

  if (claim.isPending) return <Loading />;
  if (claim.isError) {
    const status = isApiError(claim.error) ? claim.error.status : 0;
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="mb-4 text-2xl font-bold">{t('assessments.claim.title')}</h1>
        {status === 404 || status === 400 ? (
          <EmptyState title={t('assessments.claim.invalid')}>{t('assessments.claim.invalidBody')}</EmptyState>
        ) : (
          <ErrorState error={claim.error} />
        )}
      </div>
    );
  }
  const a = claim.data;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm text-muted">{t('assessments.claim.from', { company: a.companyName })}</p>
      <h1 className="mt-1 text-2xl font-bold">{a.title}</h1>
      <p className="mt-2 text-sm">{t('assessments.window', { from: formatDateTime(a.opensAt), to: formatDateTime(a.closesAt) })}</p>
      <p className="mt-2 text-sm text-muted">{t('assessments.claim.body')}</p>
      <ul className="mt-6 space-y-2" data-testid="claim-challenges">
        {a.challenges.map((c) => (
          <li key={c.slug} className="card flex flex-wrap items-center justify-between gap-2 p-4">
            <span className="font-medium">{c.slug}</span>
            {c.passed ? (
              <span className="text-sm text-success">{t('applications.assessments.passed')}</span>
            ) : (
              <Link className="btn-primary" to={`/challenges/${c.slug}`}>
                {t('assessments.claim.solve')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <Link className="link mt-6 inline-block text-sm" to="/candidaturas">
        {t('assessments.claim.myAssessments')}
      </Link>
    </div>
  );
}
