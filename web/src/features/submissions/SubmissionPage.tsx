import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { ErrorState, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { FeedbackPanel } from '../challenges/FeedbackPanel';
import { languageName } from '../challenges/labels';
import { StatusBadge, TestResultsList } from '../challenges/TestResultsList';
import { AddToPortfolio } from '../portfolio/AddToPortfolio';

export default function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('submissions.title'));
  const submission = useQuery({ queryKey: queryKeys.submission(id), queryFn: () => endpoints.submission(id) });
  if (submission.isPending) return <Loading />;
  if (submission.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={submission.error} onRetry={() => void submission.refetch()} />
      </div>
    );
  const s = submission.data;
  const lines = (s.code ?? '').split('\n');
  const flagged = new Set((s.aiFeedback?.issues ?? []).map((i) => i.location?.line).filter((l): l is number => l != null));
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">{t('submissions.attemptTitle', { n: s.attemptNumber })}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
          <StatusBadge status={s.status} />
          <span>{languageName(s.language)}</span>
          <span>· {t('results.score', { score: s.score ?? 0 })}</span>
          <span>· {formatDateTime(s.submittedAt)}</span>
          {s.xpGained ? <span>· {t('results.xpGained', { xp: s.xpGained })}</span> : null}
        </div>
      </div>
      {s.error && (
        <p role="alert" className="rounded-lg bg-danger/10 p-3 text-sm text-danger">
          {s.error}
        </p>
      )}
      {s.status === 'passed' && <AddToPortfolio submissionId={s.id} />}
      <section className="card overflow-hidden" aria-labelledby="code-title">
        <h2 id="code-title" className="border-b border-line px-4 py-2 font-semibold">
          {t('submissions.code')}
        </h2>
        <pre className="overflow-x-auto p-0 font-mono text-xs leading-5">
          <code>
            {lines.map((line, index) => (
              <span key={index} className={`block px-4 ${flagged.has(index + 1) ? 'feedback-line' : ''}`}>
                <span aria-hidden="true" className="mr-4 inline-block w-8 text-right text-muted select-none">
                  {index + 1}
                </span>
                {line || ' '}
              </span>
            ))}
          </code>
        </pre>
      </section>
      {s.testResults && (
        <section aria-labelledby="tests-title" className="space-y-2">
          <h2 id="tests-title" className="font-semibold">
            {t('results.summary', { passed: s.testResults.passed, total: s.testResults.total })}
          </h2>
          <TestResultsList tests={s.testResults.tests} />
        </section>
      )}
      <section className="card p-4">
        <FeedbackPanel feedback={s.aiFeedback} />
      </section>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link className="link" to="/submissions">
          {t('mySubmissions.seeAll')}
        </Link>
        <Link className="link" to="/challenges">
          {t('challenge.back')}
        </Link>
      </p>
    </div>
  );
}
