import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import type { Company, Job } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { jobStatusLabel } from '../jobs/labels';
import { jobRequestFrom } from './jobForm';
import { fieldErrorsOf, ProblemMessage } from './ProblemMessage';

export default function CompanyDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('company.title'));
  const company = useQuery({ queryKey: queryKeys.myCompany, queryFn: endpoints.myCompany });
  const missing = isApiError(company.error) && company.error.status === 404;

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t('company.title')}</h1>
          <p className="mt-1 text-muted">{t('company.subtitle')}</p>
        </div>
        <Link className="btn-secondary" to="/empresa/avaliacoes">
          {t('company.assessmentsLink')}
        </Link>
      </div>
      {company.isPending ? (
        <Loading />
      ) : company.isError && !missing ? (
        <ErrorState error={company.error} onRetry={() => void company.refetch()} />
      ) : (
        <>
          {missing ? (
            <p className="rounded-lg border border-line bg-subtle p-3 text-sm" data-testid="company-profile-missing">
              {t('company.profileMissing')}
            </p>
          ) : (
            company.data &&
            !company.data.approved && (
              <p role="status" className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="company-pending">
                {t('company.pending')}
              </p>
            )
          )}
          <CompanyProfileForm company={company.data ?? null} />
          {company.data && <MyJobs />}
          {company.data?.approved && <SentContactRequests />}
        </>
      )}
    </div>
  );
}

function CompanyProfileForm({ company }: { company: Company | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial = () => ({
    name: company?.name ?? '',
    logoUrl: company?.logoUrl ?? '',
    websiteUrl: company?.websiteUrl ?? '',
    about: company?.about ?? '',
    location: company?.location ?? '',
  });
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(initial()), [company?.id]);
  const save = useMutation({
    mutationFn: () =>
      endpoints.saveMyCompany({
        name: values.name.trim(),
        logoUrl: values.logoUrl.trim() || null,
        websiteUrl: values.websiteUrl.trim() || null,
        about: values.about.trim() || null,
        location: values.location.trim() || null,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.myCompany, data);
      setSaved(true);
    },
  });
  const errors = fieldErrorsOf(save.error);
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    errors: errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setSaved(false);
      setValues({ ...values, [name]: e.target.value });
    },
  });

  return (
    <section aria-labelledby="company-profile-heading" className="card p-5">
      <h2 id="company-profile-heading" className="text-xl font-semibold">
        {t('company.profile.title')}
      </h2>
      <form
        noValidate
        className="mt-4 grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="sm:col-span-2">
          <ProblemMessage error={save.error} />
        </div>
        <Field label={t('company.profile.name')} required maxLength={120} {...bind('name')} />
        <Field label={t('company.profile.location')} maxLength={200} {...bind('location')} />
        <Field label={t('company.profile.websiteUrl')} type="url" inputMode="url" maxLength={500} placeholder="https://" {...bind('websiteUrl')} />
        <Field label={t('company.profile.logoUrl')} type="url" inputMode="url" maxLength={500} placeholder="https://" {...bind('logoUrl')} />
        <TextAreaField className="sm:col-span-2" label={t('company.profile.about')} maxLength={5000} {...bind('about')} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {save.isPending ? t('company.saving') : t('company.profile.save')}
          </button>
          <span aria-live="polite" className="text-sm text-success">
            {saved ? t('company.profile.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

function MyJobs() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const jobs = useQuery({ queryKey: queryKeys.myJobs, queryFn: endpoints.myJobs });
  const [deleting, setDeleting] = useState<Job | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.myJobs });
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  };
  const setStatus = useMutation({
    mutationFn: ({ job, status }: { job: Job; status: string }) => endpoints.updateJob(job.id, jobRequestFrom(job, { status })),
    onSuccess: (job) => {
      setAnnouncement(t('company.jobs.statusChanged', { title: job.title, status: jobStatusLabel(t, job.status) }));
      changed();
    },
  });
  const remove = useMutation({
    mutationFn: (job: Job) => endpoints.deleteJob(job.id),
    onSuccess: (_v, job) => {
      setDeleting(null);
      setAnnouncement(t('company.jobs.deleted', { title: job.title }));
      changed();
    },
  });

  return (
    <section aria-labelledby="company-jobs-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="company-jobs-heading" className="text-xl font-semibold">
          {t('company.jobs.title')}
        </h2>
        <Link className="btn-primary" to="/empresa/vagas/nova">
          {t('company.jobs.new')}
        </Link>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="mt-3">
        <ProblemMessage error={setStatus.error} />
        {jobs.isPending ? (
          <Loading />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.length === 0 ? (
          <EmptyState title={t('company.jobs.emptyTitle')}>{t('company.jobs.emptyBody')}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="company-jobs">
            {jobs.data.map((job) => (
              <li key={job.id} className="card flex flex-wrap items-center gap-3 p-4" data-testid="company-job" data-status={job.status}>
                <div className="min-w-0 flex-1">
                  <p className="font-semibold">
                    <Link className="hover:underline" to={`/empresa/vagas/${job.id}`}>
                      {job.title}
                    </Link>
                  </p>
                  <p className="text-xs text-muted">
                    {jobStatusLabel(t, job.status)} · {t('company.jobs.applications', { count: job.applicationsCount })} ·{' '}
                    {formatDate(job.createdAt)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Link className="btn-ghost" to={`/empresa/vagas/${job.id}`} aria-label={t('company.jobs.applicantsLabel', { title: job.title })}>
                    {t('company.jobs.applicants')}
                  </Link>
                  <Link className="btn-ghost" to={`/empresa/vagas/${job.id}/editar`} aria-label={t('company.jobs.editLabel', { title: job.title })}>
                    {t('company.jobs.edit')}
                  </Link>
                  {job.status === 'active' ? (
                    <button
                      type="button"
                      className="btn-ghost"
                      disabled={setStatus.isPending}
                      aria-label={t('company.jobs.closeLabel', { title: job.title })}
                      onClick={() => setStatus.mutate({ job, status: 'closed' })}
                    >
                      {t('company.jobs.close')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn-ghost"
                      disabled={setStatus.isPending}
                      aria-label={t('company.jobs.publishLabel', { title: job.title })}
                      onClick={() => setStatus.mutate({ job, status: 'active' })}
                    >
                      {t('company.jobs.publish')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn-ghost text-danger"
                    aria-label={t('company.jobs.deleteLabel', { title: job.title })}
                    onClick={() => setDeleting(job)}
                  >
                    {t('company.jobs.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('company.jobs.deleteTitle')}
          confirmLabel={t('company.jobs.deleteConfirm')}
          cancelLabel={t('company.cancel')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
        >
          <p>{t('company.jobs.deleteBody', { title: deleting.title })}</p>
          <ProblemMessage error={remove.error} />
        </ConfirmDialog>
      )}
    </section>
  );
}

function SentContactRequests() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.companyContactRequests, queryFn: endpoints.companyContactRequests });
  return (
    <section aria-labelledby="sent-contacts-heading">
      <h2 id="sent-contacts-heading" className="text-xl font-semibold">
        {t('company.contacts.title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('company.contacts.subtitle')}</p>
      <div className="mt-3">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState title={t('company.contacts.empty')} />
        ) : (
          <ul className="space-y-2" data-testid="sent-contact-requests">
            {list.data.map((request) => (
              <li key={request.id} className="card p-3 text-sm" data-testid="sent-contact-request" data-status={request.status}>
                <p className="font-semibold">
                  {request.candidate.fullName ?? request.candidate.username}{' '}
                  <span className="font-normal text-muted">@{request.candidate.username}</span>
                  {request.jobTitle && <span className="font-normal text-muted"> · {request.jobTitle}</span>}
                </p>
                <p className="text-muted">
                  {t(`company.job.contact.${request.status}`, { defaultValue: request.status })} · {formatDate(request.createdAt)}
                  {request.status === 'accepted' && request.candidate.email && (
                    <>
                      {' · '}
                      <a className="link" href={`mailto:${request.candidate.email}`}>
                        {request.candidate.email}
                      </a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
