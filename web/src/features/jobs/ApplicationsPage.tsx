import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import type { Discoverable, MyApplication } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FeaturedBadge } from '../../components/FeaturedBadge';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { accessActionLabel, applicationStatusLabel, isFinalStatus, pipelineSteps } from './labels';

/** The learner's side of jobs: applications, who may find them, what companies did with their data, invitations. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('applications.title'));
  return (
    <div className="mx-auto max-w-4xl space-y-10 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{t('applications.title')}</h1>
        <p className="mt-1 text-muted">{t('applications.subtitle')}</p>
      </div>
      <MyApplications />
      <ContactRequests />
      <MyAssessments />
      <Discoverability />
    </div>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.myApplications, queryFn: endpoints.myApplications });
  const [withdrawing, setWithdrawing] = useState<MyApplication | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const withdraw = useMutation({
    mutationFn: (application: MyApplication) => endpoints.withdrawApplication(application.id),
    onSuccess: (_v, application) => {
      setWithdrawing(null);
      setAnnouncement(t('applications.withdrawn', { title: application.job.title }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
    },
  });

  return (
    <section aria-labelledby="my-applications-heading">
      <h2 id="my-applications-heading" className="text-xl font-semibold">
        {t('applications.listTitle')}
      </h2>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="mt-3">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState title={t('applications.emptyTitle')}>
            <Link className="link" to="/vagas">
              {t('applications.emptyCta')}
            </Link>
          </EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="my-applications">
            {list.data.map((application) => (
              <li key={application.id} className="card p-4" data-testid="my-application" data-status={application.status}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-sm text-muted">{application.job.company.name}</p>
                    <h3 className="font-semibold">
                      <Link className="hover:underline" to={`/vagas/${application.jobId}`}>
                        {application.job.title}
                      </Link>
                    </h3>
                    <p className="text-xs text-muted">
                      {t('applications.sentOn', { date: formatDate(application.createdAt) })} ·{' '}
                      <span data-testid="application-status">{applicationStatusLabel(t, application.status)}</span>
                    </p>
                    {application.featured && (
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
                        <FeaturedBadge />
                        {t('jobs.featured.candidateNote')}
                      </p>
                    )}
                  </div>
                  {!isFinalStatus(application.status) && (
                    <button
                      type="button"
                      className="btn-ghost text-danger"
                      aria-label={t('applications.withdrawLabel', { title: application.job.title })}
                      onClick={() => setWithdrawing(application)}
                    >
                      {t('applications.withdraw')}
                    </button>
                  )}
                </div>
                <Pipeline status={application.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {withdrawing && (
        <ConfirmDialog
          title={t('applications.withdrawTitle')}
          confirmLabel={t('applications.withdrawConfirm')}
          cancelLabel={t('applications.cancel')}
          busy={withdraw.isPending}
          onConfirm={() => withdraw.mutate(withdrawing)}
          onCancel={() => setWithdrawing(null)}
        >
          <p>{t('applications.withdrawBody', { title: withdrawing.job.title })}</p>
          {withdraw.isError && <p className="text-danger">{withdraw.error.message}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The steps of an application as an ordered list; rejected and withdrawn are said in words after it. */
function Pipeline({ status }: { status: string }) {
  const { t } = useTranslation();
  const steps = pipelineSteps(status);
  return (
    <div className="mt-3">
      <ol className="flex flex-wrap gap-1 text-xs" aria-label={t('applications.pipeline')}>
        {steps.map(({ step, state }) => (
          <li
            key={step}
            aria-current={state === 'current' ? 'step' : undefined}
            className={`rounded-full border px-2 py-0.5 ${
              state === 'current' ? 'border-brand bg-brand text-on-brand' : state === 'done' ? 'border-brand text-ink' : 'border-line text-muted'
            }`}
          >
            {state === 'done' && <span aria-hidden="true">✓ </span>}
            {applicationStatusLabel(t, step)}
            {state === 'done' && <span className="sr-only"> ({t('applications.stepDone')})</span>}
          </li>
        ))}
      </ol>
      {(status === 'rejected' || status === 'withdrawn') && (
        <p className="mt-2 text-sm text-muted">{t(`applications.final.${status}`)}</p>
      )}
    </div>
  );
}

function ContactRequests() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.myContactRequests, queryFn: endpoints.myContactRequests });
  const answer = useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: 'accept' | 'decline' }) => endpoints.answerContactRequest(id, choice),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.myContactRequests }),
  });

  return (
    <section aria-labelledby="contact-requests-heading">
      <h2 id="contact-requests-heading" className="text-xl font-semibold">
        {t('applications.contacts.title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('applications.contacts.subtitle')}</p>
      <div className="mt-3">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState title={t('applications.contacts.empty')} />
        ) : (
          <ul className="space-y-3">
            {list.data.map((request) => (
              <li key={request.id} className="card p-4" data-testid="contact-request">
                <p className="font-semibold">
                  {request.companyName}
                  {request.jobTitle && <span className="font-normal text-muted"> · {request.jobTitle}</span>}
                </p>
                <p className="mt-1 text-sm whitespace-pre-line">{request.message}</p>
                {request.status === 'pending' ? (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn-primary"
                      disabled={answer.isPending}
                      onClick={() => answer.mutate({ id: request.id, choice: 'accept' })}
                    >
                      {t('applications.contacts.accept')}
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={answer.isPending}
                      onClick={() => answer.mutate({ id: request.id, choice: 'decline' })}
                    >
                      {t('applications.contacts.decline')}
                    </button>
                  </div>
                ) : (
                  <p className="mt-2 text-sm text-muted">{t(`applications.contacts.status.${request.status}`)}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        {answer.isError && (
          <p role="alert" className="mt-2 text-sm text-danger">
            {answer.error.message}
          </p>
        )}
      </div>
    </section>
  );
}

function MyAssessments() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.myAssessments, queryFn: endpoints.myAssessments });
  if (list.isSuccess && list.data.length === 0) return null;
  return (
    <section aria-labelledby="my-assessments-heading">
      <h2 id="my-assessments-heading" className="text-xl font-semibold">
        {t('applications.assessments.title')}
      </h2>
      <div className="mt-3">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ul className="space-y-3">
            {list.data.map((assessment) => (
              <li key={assessment.id} className="card p-4" data-testid="my-assessment">
                <p className="font-semibold">{assessment.title}</p>
                <p className="text-sm text-muted">
                  {assessment.companyName} · {t('applications.assessments.until', { date: formatDateTime(assessment.closesAt) })} ·{' '}
                  {t(`assessments.status.${assessment.status}`, { defaultValue: assessment.status })}
                </p>
                <ul className="mt-2 space-y-1 text-sm">
                  {assessment.challenges.map((challenge) => (
                    <li key={challenge.slug} className="flex flex-wrap items-center gap-2">
                      <span aria-hidden="true">{challenge.passed ? '✓' : '○'}</span>
                      <Link className="link" to={`/challenges/${challenge.slug}`}>
                        {challenge.slug}
                      </Link>
                      <span className="text-xs text-muted">
                        {challenge.passed ? t('applications.assessments.passed') : t('applications.assessments.pending')}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Discoverability() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: queryKeys.discoverable, queryFn: endpoints.discoverable });
  const access = useQuery({ queryKey: queryKeys.companyAccess, queryFn: endpoints.companyAccess });
  // The switch moves at once; a refused save puts it back.
  const toggle = useMutation({
    mutationFn: (discoverable: boolean) => endpoints.setDiscoverable(discoverable),
    onMutate: (discoverable) => {
      const previous = queryClient.getQueryData<Discoverable>(queryKeys.discoverable);
      queryClient.setQueryData<Discoverable>(queryKeys.discoverable, { discoverable, updatedAt: previous?.updatedAt ?? null });
      return { previous };
    },
    onError: (_error, _value, context) => queryClient.setQueryData(queryKeys.discoverable, context?.previous),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.discoverable, data);
      // Pending invitations hide while opted out: ask again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.myContactRequests });
    },
  });
  const on = state.data?.discoverable ?? false;

  return (
    <section aria-labelledby="discoverable-heading">
      <h2 id="discoverable-heading" className="text-xl font-semibold">
        {t('applications.privacy.title')}
      </h2>
      <div className="card mt-3 p-4">
        {state.isPending ? (
          <Loading />
        ) : state.isError ? (
          <ErrorState error={state.error} onRetry={() => void state.refetch()} />
        ) : (
          <>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                role="switch"
                className="mt-1 size-4"
                checked={on}
                disabled={toggle.isPending}
                aria-describedby="discoverable-lgpd"
                onChange={(e) => toggle.mutate(e.target.checked)}
              />
              <span>
                <span className="font-medium">{t('applications.privacy.toggle')}</span>
                <span className="block text-sm text-muted">{on ? t('applications.privacy.on') : t('applications.privacy.off')}</span>
              </span>
            </label>
            <div id="discoverable-lgpd" className="mt-3 space-y-1 text-sm text-muted">
              <p>{t('applications.privacy.lgpd1')}</p>
              <p>{t('applications.privacy.lgpd2')}</p>
            </div>
            {toggle.isError && (
              <p role="alert" className="mt-2 text-sm text-danger">
                {isApiError(toggle.error) ? (toggle.error.problem?.detail ?? toggle.error.message) : t('state.errorBody')}
              </p>
            )}
          </>
        )}
      </div>
      <h3 className="mt-6 font-semibold">{t('applications.access.title')}</h3>
      <p className="text-sm text-muted">{t('applications.access.subtitle')}</p>
      <div className="mt-2">
        {access.isPending ? (
          <Loading />
        ) : access.isError ? (
          <ErrorState error={access.error} onRetry={() => void access.refetch()} />
        ) : access.data.length === 0 ? (
          <p className="text-sm text-muted">{t('applications.access.empty')}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('applications.access.title')}>
            <table className="w-full text-left text-sm" data-testid="company-access">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-1 pr-3">{t('applications.access.when')}</th>
                  <th className="py-1 pr-3">{t('applications.access.company')}</th>
                  <th className="py-1">{t('applications.access.what')}</th>
                </tr>
              </thead>
              <tbody>
                {access.data.map((entry) => (
                  <tr key={`${entry.companyId}-${entry.at}-${entry.action}`} className="border-b border-line/60">
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(entry.at)}</td>
                    <td className="py-1 pr-3">{entry.companyName}</td>
                    <td className="py-1">{accessActionLabel(t, entry.action)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
