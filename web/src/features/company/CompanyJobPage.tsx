import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { COMPANY_MOVES, type Applicant, type RankedCandidate } from '../../api/types';
import { FeaturedBadge } from '../../components/FeaturedBadge';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { levelLabel } from '../challenges/labels';
import { applicationStatusLabel, isFinalStatus, jobStatusLabel } from '../jobs/labels';
import { fieldErrorsOf, ProblemMessage } from './ProblemMessage';

const TABS = ['applicants', 'candidates'] as const;
type Tab = (typeof TABS)[number];

/** One job from the company's side: applicants ranked by their evidence, and opted-in candidates to reach out to. */
export default function CompanyJobPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const job = useQuery({ queryKey: queryKeys.job(id), queryFn: () => endpoints.job(id) });
  usePageTitle(job.data?.title ?? t('company.title'));
  const [tab, setTab] = useState<Tab>('applicants');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ applicants: null, candidates: null });

  if (job.isPending) return <Loading />;
  if (job.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      </div>
    );

  const onKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <Link className="link text-sm" to="/empresa">
        {t('company.back')}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{job.data.title}</h1>
      <p className="text-sm text-muted">
        {jobStatusLabel(t, job.data.status)} · {t('company.jobs.applications', { count: job.data.applicationsCount })} ·{' '}
        <Link className="link" to={`/vagas/${id}`}>
          {t('company.job.publicPage')}
        </Link>{' '}
        ·{' '}
        <Link className="link" to={`/empresa/vagas/${id}/editar`}>
          {t('company.jobs.edit')}
        </Link>
      </p>
      <div role="tablist" aria-label={t('company.job.tabs')} className="mt-6 flex gap-1 border-b border-line" onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === name ? 'border-brand text-ink' : 'border-transparent text-muted'}`}
            onClick={() => setTab(name)}
          >
            {t(`company.job.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="mt-4">
        {tab === 'applicants' ? <Applicants jobId={id} /> : <Candidates jobId={id} />}
      </div>
    </div>
  );
}

function Applicants({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.jobApplications(jobId), queryFn: () => endpoints.jobApplications(jobId) });
  const [announcement, setAnnouncement] = useState('');
  const move = useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) => endpoints.moveApplication(id, status),
    onSuccess: (applicant) => {
      queryClient.setQueryData<Applicant[]>(queryKeys.jobApplications(jobId), (old) => old?.map((a) => (a.id === applicant.id ? applicant : a)));
      setAnnouncement(
        t('company.job.moved', { name: applicant.candidate.fullName ?? applicant.candidate.username, status: applicationStatusLabel(t, applicant.status) }),
      );
    },
  });

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyState title={t('company.job.noApplicants')}>{t('company.job.noApplicantsBody')}</EmptyState>;

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ProblemMessage error={move.error} />
      {list.data.some((applicant) => applicant.featured) && (
        <p className="mb-3 text-sm text-muted" data-testid="featured-note">
          {t('jobs.featured.companyNote')}
        </p>
      )}
      <ol className="space-y-4" data-testid="applicants">
        {list.data.map((applicant) => (
          <li
            key={applicant.id}
            className={`card p-4 ${applicant.featured ? 'border-brand' : ''}`}
            data-testid="applicant"
            data-status={applicant.status}
            data-featured={applicant.featured}
          >
            <div className="flex flex-wrap items-start gap-3">
              <Score value={applicant.score} />
              <div className="min-w-0 flex-1">
                <p className="font-semibold">
                  <Link className="hover:underline" to={`/u/${applicant.candidate.username}`}>
                    {applicant.candidate.fullName ?? applicant.candidate.username}
                  </Link>{' '}
                  <span className="text-sm font-normal text-muted">@{applicant.candidate.username}</span>
                  {applicant.featured && (
                    <>
                      {' '}
                      <FeaturedBadge />
                    </>
                  )}
                </p>
                {applicant.candidate.email && (
                  <p className="text-sm">
                    <a className="link" href={`mailto:${applicant.candidate.email}`}>
                      {applicant.candidate.email}
                    </a>
                  </p>
                )}
                <p className="mt-1 text-sm">{applicant.explanation}</p>
                <p className="mt-1 text-xs text-muted">
                  {t('company.job.appliedOn', { date: formatDate(applicant.createdAt) })} ·{' '}
                  <span data-testid="applicant-status">{applicationStatusLabel(t, applicant.status)}</span>
                </p>
              </div>
            </div>
            {applicant.note && (
              <blockquote className="mt-3 border-l-4 border-line pl-3 text-sm whitespace-pre-line">{applicant.note}</blockquote>
            )}
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium">
                {t('company.job.snapshot', { level: applicant.snapshot.level, xp: applicant.snapshot.xp })}
              </summary>
              {applicant.snapshot.skills.length === 0 ? (
                <p className="mt-2 text-muted">{t('company.job.noSkills')}</p>
              ) : (
                <ul className="mt-2 space-y-2">
                  {applicant.snapshot.skills.map((skill) => (
                    <li key={`${skill.kind}-${skill.name}`}>
                      <span className="font-mono">{skill.name}</span>{' '}
                      <span className="text-muted">
                        {t('company.job.skillLine', { count: skill.challengesPassed, level: levelLabel(t, skill.highestLevel) })}
                      </span>
                      {skill.evidence.length > 0 && (
                        <ul className="mt-1 ml-4 list-disc text-xs text-muted">
                          {skill.evidence.map((e) => (
                            <li key={e.submissionId}>
                              <Link className="link" to={`/challenges/${e.challengeSlug}`}>
                                {e.challengeSlug}
                              </Link>{' '}
                              · {e.language} · {levelLabel(t, e.level)} · {formatDate(e.passedAt)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </details>
            {applicant.matched.length + applicant.missing.length > 0 && (
              <p className="mt-2 text-xs text-muted">
                {applicant.matched.length > 0 && t('company.job.matched', { list: applicant.matched.join(', ') })}
                {applicant.matched.length > 0 && applicant.missing.length > 0 && ' · '}
                {applicant.missing.length > 0 && t('company.job.missing', { list: applicant.missing.join(', ') })}
              </p>
            )}
            {!isFinalStatus(applicant.status) && (
              <div className="mt-3 flex flex-wrap gap-1" role="group" aria-label={t('company.job.moveGroup', { name: applicant.candidate.username })}>
                {COMPANY_MOVES.map((status) => (
                  <button
                    key={status}
                    type="button"
                    className={status === 'rejected' ? 'btn-ghost text-danger' : 'btn-secondary'}
                    disabled={move.isPending || applicant.status === status}
                    aria-pressed={applicant.status === status}
                    onClick={() => move.mutate({ id: applicant.id, status })}
                  >
                    {t(`company.job.move.${status}`)}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function Score({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <span
      className="grid size-12 shrink-0 place-items-center rounded-full bg-brand text-lg font-bold text-on-brand"
      role="img"
      aria-label={t('company.job.score', { score: value })}
    >
      {value}
    </span>
  );
}

function Candidates({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.jobCandidates(jobId), queryFn: () => endpoints.jobCandidates(jobId) });
  const [asking, setAsking] = useState<string | null>(null);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <p className="mb-3 text-sm text-muted">{t('company.job.candidatesIntro')}</p>
      {list.data.length === 0 ? (
        <EmptyState title={t('company.job.noCandidates')} />
      ) : (
        <ol className="space-y-3" data-testid="candidates">
          {list.data.map((item) => (
            <CandidateRow
              key={item.candidate.id}
              item={item}
              jobId={jobId}
              open={asking === item.candidate.id}
              onOpen={() => setAsking(item.candidate.id)}
              onClose={() => setAsking(null)}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function CandidateRow({
  item,
  jobId,
  open,
  onOpen,
  onClose,
}: {
  item: RankedCandidate;
  jobId: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => endpoints.requestContact({ candidateId: item.candidate.id, jobId, message: message.trim() }),
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobCandidates(jobId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.companyContactRequests });
    },
  });
  const name = item.candidate.fullName ?? item.candidate.username;
  // One request per company and candidate, whichever job it named; the email comes once they accept.
  const contact = item.contactStatus;
  const email = item.candidate.email;

  return (
    <li className="card p-4" data-testid="candidate">
      <div className="flex flex-wrap items-start gap-3">
        <Score value={item.score} />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">
            <Link className="hover:underline" to={`/u/${item.candidate.username}`}>
              {name}
            </Link>{' '}
            <span className="text-sm font-normal text-muted">@{item.candidate.username}</span>
          </p>
          <p className="mt-1 text-sm">{item.explanation}</p>
          {contact !== 'none' ? (
            <p className="mt-1 text-sm text-muted" data-testid="contact-status" data-status={contact}>
              {t(`company.job.contact.${contact}`, { defaultValue: contact })}
              {contact === 'accepted' && email && (
                <>
                  {' · '}
                  <a className="link" href={`mailto:${email}`}>
                    {email}
                  </a>
                </>
              )}
            </p>
          ) : (
            !open && (
              <button type="button" className="btn-secondary mt-2" onClick={onOpen} aria-label={t('company.job.requestContactLabel', { name })}>
                {t('company.job.requestContact')}
              </button>
            )
          )}
        </div>
      </div>
      {open && contact === 'none' && (
        <form
          noValidate
          className="mt-3 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate();
          }}
        >
          <ProblemMessage error={send.error} />
          <TextAreaField
            label={t('company.job.contactMessage', { name })}
            hint={t('company.job.contactHint')}
            maxLength={2000}
            value={message}
            errors={fieldErrorsOf(send.error).message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={send.isPending}>
              {t('company.job.sendContact')}
            </button>
            <button type="button" className="btn-secondary" onClick={onClose}>
              {t('company.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
