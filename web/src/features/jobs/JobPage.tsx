import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import type { Job } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { levelLabel, stackLabel } from '../challenges/labels';
import { JobDescription } from './JobDescription';
import { applicationStatusLabel, jobTypeLabel, salaryText, workModelLabel } from './labels';

export default function JobPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const job = useQuery({ queryKey: queryKeys.job(id), queryFn: ({ signal }) => endpoints.job(id, signal) });
  usePageTitle(job.data?.title ?? t('jobs.title'));

  if (job.isPending) return <Loading />;
  if (job.isError) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        {isApiError(job.error) && job.error.status === 404 ? (
          <EmptyState title={t('jobs.page.notFoundTitle')}>
            <p>{t('jobs.page.notFoundBody')}</p>
            <Link className="link mt-2 inline-block" to="/vagas">
              {t('jobs.page.back')}
            </Link>
          </EmptyState>
        ) : (
          <ErrorState error={job.error} onRetry={() => void job.refetch()} />
        )}
      </div>
    );
  }
  const data = job.data;
  const salary = salaryText(data, t, i18n.language);

  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 lg:grid-cols-[1fr_20rem]">
      <article className="min-w-0">
        <Link className="link text-sm" to="/vagas">
          {t('jobs.page.back')}
        </Link>
        <p className="mt-3 text-sm text-muted">{data.company.name}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{data.title}</h1>
        <div className="mt-3 flex flex-wrap gap-2">
          <span className="chip">{workModelLabel(t, data.workModel)}</span>
          <span className="chip">{jobTypeLabel(t, data.type)}</span>
          <span className="chip">{levelLabel(t, data.level)}</span>
          <span className="chip">{stackLabel(t, data.stack)}</span>
          {data.status !== 'active' && <span className="chip">{t(`jobs.status.${data.status}`, { defaultValue: data.status })}</span>}
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t('jobs.page.salary')}</dt>
          <dd data-testid="job-salary">{salary ?? t('jobs.salaryHidden')}</dd>
          {data.location && (
            <>
              <dt className="text-muted">{t('jobs.page.location')}</dt>
              <dd>{data.location}</dd>
            </>
          )}
          <dt className="text-muted">{t('jobs.page.published')}</dt>
          <dd>{formatDate(data.createdAt)}</dd>
          {data.expiresAt && (
            <>
              <dt className="text-muted">{t('jobs.page.expires')}</dt>
              <dd>{formatDate(data.expiresAt)}</dd>
            </>
          )}
        </dl>
        <h2 className="mt-6 mb-2 font-semibold">{t('jobs.page.technologies')}</h2>
        <ul className="flex flex-wrap gap-1" aria-label={t('jobs.page.technologies')}>
          {data.technologies.map((tech) => (
            <li key={tech} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-xs">
              {tech}
            </li>
          ))}
        </ul>
        <h2 className="mt-6 mb-2 font-semibold">{t('jobs.page.description')}</h2>
        <JobDescription markdown={data.description} />
        {data.requirements.length > 0 && (
          <>
            <h2 className="mt-6 mb-2 font-semibold">{t('jobs.page.requirements')}</h2>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {data.requirements.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
      </article>
      <aside className="space-y-4">
        <ApplyPanel job={data} />
        <CompanyBlock job={data} />
      </aside>
    </div>
  );
}

function CompanyBlock({ job }: { job: Job }) {
  const { t } = useTranslation();
  // The public company page exists only once approved; a company previewing its own pending job sees the card alone.
  const company = useQuery({ queryKey: queryKeys.company(job.company.id), queryFn: () => endpoints.company(job.company.id), enabled: job.company.approved });
  return (
    <section className="card p-4" aria-labelledby="job-company-heading" data-testid="job-company">
      <h2 id="job-company-heading" className="font-semibold">
        {t('jobs.page.about', { name: job.company.name })}
      </h2>
      {job.company.logoUrl && <img src={job.company.logoUrl} alt="" className="mt-3 h-12 w-auto rounded" />}
      {job.company.location && <p className="mt-2 text-sm text-muted">{job.company.location}</p>}
      {company.data?.about && <p className="mt-2 text-sm whitespace-pre-line">{company.data.about}</p>}
      {company.data?.websiteUrl && (
        <a className="link mt-2 inline-block text-sm" href={company.data.websiteUrl} rel="noopener noreferrer nofollow" target="_blank">
          {t('jobs.page.website')}
        </a>
      )}
    </section>
  );
}

function ApplyPanel({ job }: { job: Job }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const isCompany = Boolean(session?.user.roles.includes('company'));
  const applications = useQuery({ queryKey: queryKeys.myApplications, queryFn: endpoints.myApplications, enabled: Boolean(session) && !isCompany });
  const apply = useMutation({
    mutationFn: () => endpoints.apply(job.id, note.trim() || undefined),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.myApplications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.job(job.id) });
    },
  });
  const mine = applications.data?.find((a) => a.jobId === job.id) ?? apply.data;
  const error = apply.error;
  const already = isApiError(error) && error.status === 409 && !mine;

  let body: React.ReactNode;
  if (job.isOwner) {
    body = (
      <Link className="btn-primary w-full" to={`/empresa/vagas/${job.id}`}>
        {t('jobs.apply.manage')}
      </Link>
    );
  } else if (!session) {
    body = (
      <>
        <p className="text-sm text-muted">{t('jobs.apply.signInBody')}</p>
        <Link className="btn-primary mt-3 w-full" to={`/login?next=${encodeURIComponent(`/vagas/${job.id}`)}`}>
          {t('jobs.apply.signIn')}
        </Link>
      </>
    );
  } else if (isCompany) {
    body = <p className="text-sm text-muted">{t('jobs.apply.companyBody')}</p>;
  } else if (mine) {
    body = (
      <div data-testid="already-applied">
        <p className="font-medium">{t('jobs.apply.applied')}</p>
        <p className="mt-1 text-sm text-muted">{t('jobs.apply.appliedStatus', { status: applicationStatusLabel(t, mine.status) })}</p>
        <Link className="link mt-2 inline-block text-sm" to="/candidaturas">
          {t('jobs.apply.seeApplications')}
        </Link>
      </div>
    );
  } else if (job.status !== 'active') {
    body = <p className="text-sm text-muted">{t('jobs.apply.closed')}</p>;
  } else {
    const fieldErrors = isApiError(error) ? error.fieldErrors : {};
    body = (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply.mutate();
        }}
      >
        <label htmlFor="apply-note" className="mb-1 block text-sm font-medium">
          {t('jobs.apply.note')}
        </label>
        <textarea
          id="apply-note"
          className="input min-h-28"
          maxLength={2000}
          value={note}
          aria-describedby="apply-note-hint"
          aria-invalid={fieldErrors.note ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        <p id="apply-note-hint" className="mt-1 text-xs text-muted">
          {t('jobs.apply.noteHint')}
        </p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-danger" data-testid="apply-error">
            {already
              ? t('jobs.apply.alreadyApplied')
              : (fieldErrors.note?.[0] ?? (isApiError(error) ? (error.problem?.detail ?? error.problem?.title) : null) ?? t('state.errorBody'))}
          </p>
        )}
        <button type="submit" className="btn-primary mt-3 w-full" disabled={apply.isPending}>
          {apply.isPending ? t('jobs.apply.sending') : t('jobs.apply.submit')}
        </button>
      </form>
    );
  }

  return (
    <section className="card p-4" aria-labelledby="apply-heading">
      <h2 id="apply-heading" className="mb-2 font-semibold">
        {t('jobs.apply.title')}
      </h2>
      {body}
    </section>
  );
}
