import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { Assessment } from '../../api/types';
import { Field } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { fieldErrorsOf, ProblemMessage } from './ProblemMessage';

/** `datetime-local` text (the company's own clock) as an ISO instant, or null. */
export function instantFromLocal(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The link the API returns is a path on this site; the company copies it whole. */
export function absoluteLink(link: string, origin: string): string {
  return link.startsWith('/') ? `${origin}${link}` : link;
}

export default function AssessmentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('assessments.title'));
  const [created, setCreated] = useState<Assessment | null>(null);
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <div>
        <Link className="link text-sm" to="/empresa">
          {t('company.back')}
        </Link>
        <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t('assessments.title')}</h1>
        <p className="mt-1 text-muted">{t('assessments.subtitle')}</p>
      </div>
      {created && <CreatedLink assessment={created} onDone={() => setCreated(null)} />}
      <CreateAssessment onCreated={setCreated} />
      <AssessmentList />
    </div>
  );
}

function CreatedLink({ assessment, onDone }: { assessment: Assessment; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const link = absoluteLink(assessment.link ?? `/avaliacoes/${assessment.token}`, window.location.origin);
  return (
    <section role="status" className="card border-brand p-5" aria-labelledby="created-link-heading" data-testid="assessment-link">
      <h2 id="created-link-heading" className="font-semibold">
        {t('assessments.createdTitle', { title: assessment.title })}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('assessments.createdBody')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <input className="input min-w-0 flex-1 font-mono text-sm" readOnly value={link} aria-label={t('assessments.linkLabel')} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="btn-primary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? t('assessments.copied') : t('assessments.copy')}
        </button>
        <button type="button" className="btn-ghost" onClick={onDone}>
          {t('assessments.done')}
        </button>
      </div>
    </section>
  );
}

function CreateAssessment({ onCreated }: { onCreated: (a: Assessment) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ slug: string; title: string }[]>([]);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const catalog = useQuery({
    queryKey: queryKeys.challenges({ q: search.trim(), size: 8 }),
    queryFn: ({ signal }) => endpoints.challenges({ q: search.trim() || undefined, size: 8 }, signal),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: () =>
      endpoints.createAssessment({
        title: title.trim(),
        challenges: picked.map((p) => p.slug),
        opensAt: instantFromLocal(opensAt),
        closesAt: instantFromLocal(closesAt),
      }),
    onSuccess: (assessment) => {
      onCreated(assessment);
      setTitle('');
      setPicked([]);
      setOpensAt('');
      setClosesAt('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.companyAssessments });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const toggle = (slug: string, challengeTitle: string) =>
    setPicked((list) => (list.some((p) => p.slug === slug) ? list.filter((p) => p.slug !== slug) : [...list, { slug, title: challengeTitle }]));

  return (
    <section className="card p-5" aria-labelledby="create-assessment-heading">
      <h2 id="create-assessment-heading" className="text-xl font-semibold">
        {t('assessments.create')}
      </h2>
      <form
        noValidate
        className="mt-4 grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <div className="sm:col-span-2">
          <ProblemMessage error={create.error} />
        </div>
        <Field className="sm:col-span-2" label={t('assessments.titleField')} value={title} errors={errors.title} onChange={(e) => setTitle(e.target.value)} />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium">{t('assessments.challenges')}</legend>
          <input
            type="search"
            className="input"
            aria-label={t('assessments.searchChallenges')}
            placeholder={t('assessments.searchChallenges')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {catalog.isError ? (
            <ErrorState error={catalog.error} />
          ) : (
            <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto" data-testid="assessment-catalog">
              {(catalog.data?.items ?? []).map((c) => (
                <li key={c.slug}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className="size-4" checked={picked.some((p) => p.slug === c.slug)} onChange={() => toggle(c.slug, c.title)} />
                    {c.title} <span className="text-xs text-muted">({c.slug})</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm" aria-live="polite">
            {picked.length === 0 ? t('assessments.noneChosen') : t('assessments.chosen', { list: picked.map((p) => p.title).join(', ') })}
          </p>
          {errors.challenges && <p className="mt-1 text-sm text-danger">{errors.challenges.join(' ')}</p>}
        </fieldset>
        <Field
          label={t('assessments.opensAt')}
          type="datetime-local"
          hint={t('assessments.opensHint')}
          value={opensAt}
          errors={errors.opensAt}
          onChange={(e) => setOpensAt(e.target.value)}
        />
        <Field
          label={t('assessments.closesAt')}
          type="datetime-local"
          hint={t('assessments.closesHint')}
          value={closesAt}
          errors={errors.closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
        />
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            {t('assessments.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AssessmentList() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.companyAssessments, queryFn: endpoints.companyAssessments });
  return (
    <section aria-labelledby="assessment-list-heading">
      <h2 id="assessment-list-heading" className="text-xl font-semibold">
        {t('assessments.list')}
      </h2>
      <div className="mt-3">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState title={t('assessments.empty')} />
        ) : (
          <ul className="space-y-3" data-testid="assessments">
            {list.data.map((a) => (
              <AssessmentRow key={a.id} assessment={a} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/**
 * One sent assessment. The list is a summary; who claimed it and what they passed come from the detail, which the
 * candidate's access log records, so it loads only when the company asks for it.
 */
function AssessmentRow({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const claimed = a.status === 'in_progress' || a.status === 'closed';
  const detail = useQuery({ queryKey: ['companyAssessment', a.id], queryFn: () => endpoints.companyAssessment(a.id), enabled: open });
  const shown = detail.data ?? a;
  return (
    <li className="card p-4" data-testid="assessment" data-status={a.status}>
      <p className="font-semibold">{a.title}</p>
      <p className="text-sm text-muted">
        {t(`assessments.status.${a.status}`, { defaultValue: a.status })} ·{' '}
        {t('assessments.window', { from: formatDateTime(a.opensAt), to: formatDateTime(a.closesAt) })}
      </p>
      {!open ? (
        <>
          <p className="mt-1 text-sm">{a.challenges.map((c) => c.slug).join(', ')}</p>
          {claimed ? (
            <button type="button" className="btn-secondary mt-2" onClick={() => setOpen(true)} aria-label={t('assessments.seeResultLabel', { title: a.title })}>
              {t('assessments.seeResult')}
            </button>
          ) : (
            <p className="mt-1 text-sm text-muted">{t('assessments.unclaimed')}</p>
          )}
        </>
      ) : detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <div data-testid="assessment-result">
          <p className="mt-1 text-sm">
            {shown.candidate
              ? t('assessments.candidate', { name: shown.candidate.fullName ?? shown.candidate.username, email: shown.candidate.email ?? '—' })
              : t('assessments.unclaimed')}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {shown.challenges.map((c) => (
              <li key={c.slug}>
                <span aria-hidden="true">{c.passed ? '✓ ' : '○ '}</span>
                {c.slug} —{' '}
                {c.passed
                  ? t('assessments.passedOn', { date: c.passedAt ? formatDateTime(c.passedAt) : '', language: c.language ?? '' })
                  : t('assessments.notPassed')}
                {c.verification && <span className="ml-1 text-xs text-success">{t('assessments.signed')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
