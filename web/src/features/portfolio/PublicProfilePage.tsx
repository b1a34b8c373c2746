import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import type { PortfolioBadge, PortfolioSkill, PortfolioView, ProfileProject } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { languageName, levelLabel, stackLabel } from '../challenges/labels';
import { LEVELS } from '../../api/types';
import { ActivityHeatmap } from './ActivityHeatmap';
import { ExportButton } from './ExportButton';
import { formatDate, skillKindLabel, skillName } from './labels';

const KINDS = ['language', 'technology', 'stack'] as const;

export default function PublicProfilePage() {
  const { username = '' } = useParams();
  const [params] = useSearchParams();
  const share = params.get('share') || undefined;
  const { t } = useTranslation();
  const portfolio = useQuery({
    queryKey: queryKeys.portfolio(username, share),
    queryFn: ({ signal }) => endpoints.portfolio(username, share, signal),
  });
  const data = portfolio.data;
  usePageTitle(data ? (data.profile.fullName ?? `@${data.profile.username}`) : portfolio.isError ? t('portfolio.notFound.title') : undefined);

  if (portfolio.isPending) return <Loading />;
  if (portfolio.isError) {
    // Unknown, private and link-only-without-the-link all answer 404 alike, so the page says the same for each.
    if (isApiError(portfolio.error) && portfolio.error.status === 404) return <ProfileNotFound />;
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      </div>
    );
  }
  return <Profile view={portfolio.data} />;
}

function ProfileNotFound() {
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="portfolio-not-found">
      <h1 className="text-3xl font-bold">{t('portfolio.notFound.title')}</h1>
      <p className="mt-3 text-muted">{t('portfolio.notFound.body')}</p>
      <Link to="/challenges" className="btn-primary mt-6 inline-flex">
        {t('notFound.cta')}
      </Link>
    </section>
  );
}

function Profile({ view }: { view: PortfolioView }) {
  const { t, i18n } = useTranslation();
  const p = view.profile;
  const name = p.fullName ?? p.username;
  const links = [
    { href: p.websiteUrl, label: t('profile.fields.websiteUrl') },
    { href: p.githubUrl, label: t('profile.fields.githubUrl') },
    { href: p.linkedinUrl, label: t('profile.fields.linkedinUrl') },
  ].filter((l): l is { href: string; label: string } => Boolean(l.href));
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8" data-testid="portfolio">
      {view.isOwner && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-subtle p-3 text-sm" data-testid="owner-bar">
          <p>{t('portfolio.owner.notice')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <Link to="/profile" className="btn-secondary">
              {t('portfolio.owner.edit')}
            </Link>
            <Link to="/portfolio/projects" className="btn-secondary">
              {t('portfolio.owner.projects')}
            </Link>
            <ExportButton username={p.username} />
          </div>
        </div>
      )}

      <header className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <Avatar url={p.avatarUrl} name={name} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold sm:text-3xl">{name}</h1>
          <p className="text-muted">@{p.username}</p>
          {p.bio && <p className="mt-3 whitespace-pre-line">{p.bio}</p>}
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
            {p.location && <li>{t('portfolio.location', { location: p.location })}</li>}
            <li>{t('portfolio.memberSince', { date: formatDate(p.memberSince, i18n.language) })}</li>
            {links.map((link) => (
              <li key={link.label}>
                <a className="link" href={link.href} rel="noopener noreferrer nofollow me" target="_blank">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
        <dl className="grid shrink-0 grid-cols-3 gap-3 text-center sm:w-72" data-testid="portfolio-stats">
          <Stat label={t('portfolio.stats.level')} value={formatNumber(view.level)} />
          <Stat label={t('portfolio.stats.xp')} value={formatNumber(view.xp)} />
          <Stat
            label={t('portfolio.stats.streak')}
            value={formatNumber(view.streakCurrent)}
            hint={t('portfolio.stats.best', { count: view.streakBest })}
          />
        </dl>
      </header>

      {view.sections.skills && <Skills skills={view.verifiedSkills} />}
      {view.sections.projects && <Projects projects={view.projects} />}
      {view.sections.badges && <Badges badges={view.badges} />}
      {view.sections.heatmap && view.heatmap && (
        <section aria-labelledby="heatmap-title" className="card p-4">
          <h2 id="heatmap-title" className="mb-3 text-lg font-semibold">
            {t('portfolio.heatmap.title')}
          </h2>
          <ActivityHeatmap heatmap={view.heatmap} />
        </section>
      )}
    </div>
  );
}

function Avatar({ url, name }: { url: string | null; name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return url ? (
    <img src={url} alt="" className="size-24 shrink-0 rounded-full border border-line object-cover" referrerPolicy="no-referrer" />
  ) : (
    <span aria-hidden="true" className="flex size-24 shrink-0 items-center justify-center rounded-full bg-brand text-3xl font-bold text-on-brand">
      {initials}
    </span>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-line p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-xl font-bold">{value}</dd>
      {hint && <dd className="text-xs text-muted">{hint}</dd>}
    </div>
  );
}

function Skills({ skills }: { skills: PortfolioSkill[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="skills-title" data-testid="verified-skills">
      <h2 id="skills-title" className="text-lg font-semibold">
        {t('portfolio.skills.title')}
      </h2>
      <p className="text-sm text-muted">{t('portfolio.skills.subtitle')}</p>
      {skills.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t('portfolio.skills.empty')} />
        </div>
      ) : (
        <div className="mt-3 space-y-4">
          {KINDS.map((kind) => {
            const ofKind = skills.filter((s) => s.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <div key={kind}>
                <h3 className="mb-2 text-sm font-semibold text-muted">{skillKindLabel(t, kind)}</h3>
                <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {ofKind.map((skill) => (
                    <SkillCard key={`${skill.kind}:${skill.name}`} skill={skill} />
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

function SkillCard({ skill }: { skill: PortfolioSkill }) {
  const { t, i18n } = useTranslation();
  const name = skillName(t, skill.kind, skill.name);
  const levels = LEVELS.filter((l) => (skill.byLevel[l] ?? 0) > 0);
  return (
    <li className="card p-3" data-testid="skill">
      <p className="flex items-baseline justify-between gap-2">
        <span className="font-semibold">{name}</span>
        <span className="text-xs text-muted">{t('portfolio.skills.highest', { level: levelLabel(t, skill.highestLevel) })}</span>
      </p>
      <p className="text-sm">{t('portfolio.skills.passed', { count: skill.challengesPassed })}</p>
      <ul className="mt-1 flex flex-wrap gap-1 text-xs" aria-label={t('portfolio.skills.byLevel')}>
        {levels.map((level) => (
          <li key={level} className="rounded bg-subtle px-1.5 py-0.5">
            {t('portfolio.skills.levelCount', { level: levelLabel(t, level), count: skill.byLevel[level] })}
          </li>
        ))}
      </ul>
      {skill.evidence.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted">{t('portfolio.skills.evidence', { count: skill.evidenceTotal })}</summary>
          <ul className="mt-1 space-y-1">
            {skill.evidence.map((e) => (
              <li key={e.submissionId}>
                <Link className="link" to={e.challengeUrl}>
                  {e.challengeSlug}
                </Link>{' '}
                <span className="text-xs text-muted">
                  {languageName(e.language)} · {levelLabel(t, e.level)} · {formatDate(e.passedAt, i18n.language)}
                </span>
              </li>
            ))}
          </ul>
          {skill.evidenceTotal > skill.evidence.length && (
            <p className="mt-1 text-xs text-muted">{t('portfolio.skills.moreEvidence', { count: skill.evidenceTotal - skill.evidence.length })}</p>
          )}
        </details>
      )}
    </li>
  );
}

function Projects({ projects }: { projects: ProfileProject[] }) {
  const { t } = useTranslation();
  // The server already sends featured first; sorting again keeps the promise whatever the order it sent.
  const ordered = [...projects].sort((a, b) => Number(b.featured) - Number(a.featured) || a.displayOrder - b.displayOrder);
  return (
    <section aria-labelledby="projects-title" data-testid="portfolio-projects">
      <h2 id="projects-title" className="text-lg font-semibold">
        {t('portfolio.projects.title')}
      </h2>
      {ordered.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t('portfolio.projects.empty')} />
        </div>
      ) : (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {ordered.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectCard({ project }: { project: ProfileProject }) {
  const { t, i18n } = useTranslation();
  const v = project.verification;
  return (
    <li className="card flex flex-col overflow-hidden" data-testid="portfolio-project">
      {project.thumbnailUrl && <img src={project.thumbnailUrl} alt="" className="aspect-video w-full border-b border-line object-cover" />}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h3 className="flex flex-wrap items-center gap-2 font-semibold">
          {project.title}
          {project.featured && <span className="rounded bg-subtle px-1.5 py-0.5 text-xs font-medium">{t('portfolio.projects.featured')}</span>}
        </h3>
        {project.shortDescription && <p className="text-sm">{project.shortDescription}</p>}
        <p className="text-xs text-muted">
          {stackLabel(t, project.stack)}
          {project.technologies.length > 0 && ` · ${project.technologies.join(', ')}`}
        </p>
        {v && (
          <a
            className="inline-flex w-fit items-center gap-1 rounded-full bg-success/10 px-2 py-0.5 text-xs font-medium text-success"
            href={v.url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="verified-badge"
          >
            <span aria-hidden="true">✓</span>
            {t('portfolio.projects.verified', {
              passed: v.testsPassed,
              total: v.testsTotal,
              language: languageName(v.language),
              date: formatDate(v.passedAt, i18n.language),
            })}
          </a>
        )}
        <p className="mt-auto flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {project.demoUrl && (
            <a className="link" href={project.demoUrl} target="_blank" rel="noopener noreferrer nofollow">
              {t('portfolio.projects.demo')}
            </a>
          )}
          {project.repoUrl && (
            <a className="link" href={project.repoUrl} target="_blank" rel="noopener noreferrer nofollow">
              {t('portfolio.projects.repo')}
            </a>
          )}
          <span className="text-xs text-muted">{t('portfolio.projects.counts', { views: project.views, likes: project.likes })}</span>
        </p>
      </div>
    </li>
  );
}

function Badges({ badges }: { badges: PortfolioBadge[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="badges-title" data-testid="portfolio-badges">
      <h2 id="badges-title" className="text-lg font-semibold">
        {t('portfolio.badges.title')}
      </h2>
      {badges.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t('portfolio.badges.empty')} />
        </div>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {badges.map((badge) => (
            <li key={badge.id} className="card flex items-start gap-3 p-3">
              {badge.iconUrl ? (
                <img src={badge.iconUrl} alt="" className="size-10 shrink-0" />
              ) : (
                <span aria-hidden="true" className="text-2xl">
                  🏅
                </span>
              )}
              <div>
                <p className="font-semibold">{badge.name}</p>
                {badge.description && <p className="text-sm text-muted">{badge.description}</p>}
                <p className="text-xs text-muted">{t('portfolio.badges.earned', { date: formatDate(badge.earnedAt, i18n.language) })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
