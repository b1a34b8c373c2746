import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeSanitize from 'rehype-sanitize';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { ChallengeDetail } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';
import { loadDraft, preferredLanguage, rememberLanguage, saveDraft } from '../../lib/drafts';
import { formatJson } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { CodeEditor, type EditorHighlight } from './editor/CodeEditor';
import { FeedbackPanel } from './FeedbackPanel';
import { languageName, levelLabel, stackLabel } from './labels';
import { ProgressSummary } from './ProgressSummary';
import { ReferenceSolution } from './ReferenceSolution';
import { RunOutput } from './RunPanel';
import { SolutionPanel } from './SolutionPanel';
import { SubmissionsList } from './SubmissionsList';
import { TestResultsList, StatusBadge } from './TestResultsList';
import { Timeline } from './Timeline';
import { useSolve } from './useSolve';

export default function ChallengePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const challenge = useQuery({
    queryKey: queryKeys.challenge(slug),
    queryFn: ({ signal }) => endpoints.challenge(slug, signal),
  });
  usePageTitle(challenge.data?.title);
  if (challenge.isPending) return <Loading />;
  if (challenge.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={challenge.error} onRetry={() => void challenge.refetch()} />
        <p className="mt-4 text-center">
          <Link to="/challenges" className="link">
            {t('challenge.back')}
          </Link>
        </p>
      </div>
    );
  return <Workspace key={challenge.data.id} challenge={challenge.data} />;
}

// The page's h1 is the challenge title: the description's headings move one level down.
const DESCRIPTION_MARKDOWN: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  // Code blocks and tables scroll sideways on narrow screens: keyboard users must be able to reach them.
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
  table: ({ children }) => <table tabIndex={0}>{children}</table>,
};

/** The description usually opens with the title as a heading, which the page already shows. */
function withoutTitle(markdown: string, title: string): string {
  const match = /^\s*#\s+(.+)\r?\n+/.exec(markdown);
  return match && match[1]!.trim() === title.trim() ? markdown.slice(match[0].length) : markdown;
}

function starterFor(challenge: ChallengeDetail, language: string): string {
  return (challenge.starterCode[language] ?? []).map((file) => file.content).join('\n');
}

function Workspace({ challenge }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const languages = useQuery({ queryKey: queryKeys.languages, queryFn: endpoints.languages, staleTime: 5 * 60_000 });
  const available = useMemo(() => {
    const unavailable = new Set((languages.data ?? []).filter((l) => !l.available).map((l) => l.id));
    return challenge.languages.filter((l) => !unavailable.has(l));
  }, [challenge.languages, languages.data]);

  const [language, setLanguage] = useState(() => {
    const preferred = preferredLanguage();
    return preferred && challenge.languages.includes(preferred) ? preferred : (challenge.languages.includes('python') ? 'python' : challenge.languages[0] ?? 'python');
  });
  const starter = starterFor(challenge, language);
  const [code, setCode] = useState(() => loadDraft(challenge.slug, language) ?? starter);
  const [stdin, setStdin] = useState('');
  const [leftTab, setLeftTab] = useState<'description' | 'submissions' | 'solution'>('description');
  const [bottomTab, setBottomTab] = useState<'run' | 'results'>('run');
  const [reveal, setReveal] = useState<{ line: number } | null>(null);
  const { state: solve, submit } = useSolve(challenge.id);

  const run = useMutation({ mutationFn: endpoints.execute });

  useEffect(() => {
    saveDraft(challenge.slug, language, code, starter);
  }, [challenge.slug, language, code, starter]);

  const switchLanguage = (next: string) => {
    setLanguage(next);
    rememberLanguage(next);
    setCode(loadDraft(challenge.slug, next) ?? starterFor(challenge, next));
    run.reset();
  };

  const highlights: EditorHighlight[] = useMemo(
    () =>
      (solve.result?.feedback?.issues ?? [])
        .filter((issue) => issue.location?.line != null)
        .map((issue) => ({
          line: issue.location!.line!,
          message: `**${issue.title}**\n\n${issue.description}`,
          severity: issue.severity,
        })),
    [solve.result],
  );

  const running = solve.phase === 'connecting' || solve.phase === 'running';
  const loginHref = `/login?next=${encodeURIComponent(location.pathname)}`;
  const visibleExamples = challenge.examples;
  const outcome = solve.result?.submission;

  return (
    <div className="mx-auto grid max-w-[1600px] gap-4 px-3 py-4 sm:px-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <section className="card min-w-0 overflow-hidden" aria-labelledby="challenge-title">
        <div className="border-b border-line p-4">
          <nav aria-label={t('challenge.breadcrumb')} className="text-xs text-muted">
            <Link to="/challenges" className="hover:underline">
              {t('nav.challenges')}
            </Link>{' '}
            / {stackLabel(t, challenge.stack)}
          </nav>
          <h1 id="challenge-title" className="mt-1 text-xl font-bold sm:text-2xl">
            {challenge.title}
          </h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <span className="chip">{levelLabel(t, challenge.level)}</span>
            <span className="chip">{t('catalog.xp', { xp: challenge.xpReward })}</span>
            {challenge.estimatedTimeMinutes && (
              <span className="chip">{t('catalog.minutes', { minutes: challenge.estimatedTimeMinutes })}</span>
            )}
            <span className="chip">{t('catalog.solvedBy', { count: challenge.completedCount })}</span>
          </div>
        </div>
        <div role="tablist" aria-label={t('challenge.sections')} className="flex border-b border-line px-2">
          <TabButton id="tab-description" selected={leftTab === 'description'} controls="panel-description" onSelect={() => setLeftTab('description')}>
            {t('challenge.description')}
          </TabButton>
          <TabButton id="tab-submissions" selected={leftTab === 'submissions'} controls="panel-submissions" onSelect={() => setLeftTab('submissions')}>
            {t('challenge.mySubmissions')}
          </TabButton>
          <TabButton id="tab-solution" selected={leftTab === 'solution'} controls="panel-solution" onSelect={() => setLeftTab('solution')}>
            {t('challenge.solutionTab')}
          </TabButton>
        </div>
        <div id="panel-description" role="tabpanel" aria-labelledby="tab-description" hidden={leftTab !== 'description'} tabIndex={0} className="max-h-none overflow-y-auto p-4 lg:max-h-[calc(100dvh-12rem)]">
          <div className="prose-compila">
            <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={DESCRIPTION_MARKDOWN}>
              {withoutTitle(challenge.description, challenge.title)}
            </Markdown>
          </div>
          {challenge.requirements.length > 0 && (
            <>
              <h2 className="mt-6 mb-2 font-semibold">{t('challenge.requirements')}</h2>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {challenge.requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
          {visibleExamples.length > 0 && (
            <>
              <h2 className="mt-6 mb-2 font-semibold">{t('challenge.examples')}</h2>
              <ul className="space-y-2" data-testid="examples">
                {visibleExamples.map((example) => (
                  <li key={example.name} className="rounded-lg bg-subtle p-3 font-mono text-xs">
                    <p className="mb-1 font-sans text-sm font-medium">{example.name}</p>
                    {example.args != null && (
                      <p className="break-all">
                        <span className="text-muted">{t('challenge.args')}:</span> {formatJson(example.args)}
                      </p>
                    )}
                    {example.stdin != null && (
                      <p className="break-all whitespace-pre-wrap">
                        <span className="text-muted">stdin:</span> {example.stdin}
                      </p>
                    )}
                    {example.expected !== null && example.expected !== undefined ? (
                      <p className="break-all">
                        <span className="text-muted">{t('results.expected')}:</span> {formatJson(example.expected)}
                      </p>
                    ) : example.expectedStdout != null ? (
                      <p className="break-all whitespace-pre-wrap">
                        <span className="text-muted">{t('results.expected')}:</span> {example.expectedStdout}
                      </p>
                    ) : (
                      <p>
                        <span className="text-muted">{t('results.expected')}:</span> null
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div id="panel-submissions" role="tabpanel" aria-labelledby="tab-submissions" hidden={leftTab !== 'submissions'} tabIndex={0} className="p-4">
          {leftTab === 'submissions' &&
            (session ? (
              <SubmissionsList challengeId={challenge.id} />
            ) : (
              <p className="text-sm text-muted">
                <Link className="link" to={loginHref}>
                  {t('challenge.signInToSubmit')}
                </Link>
              </p>
            ))}
        </div>
        <div id="panel-solution" role="tabpanel" aria-labelledby="tab-solution" hidden={leftTab !== 'solution'} tabIndex={0} className="p-4">
          {leftTab === 'solution' &&
            (session ? (
              <SolutionPanel challengeId={challenge.id} language={language} />
            ) : (
              <p className="text-sm text-muted">
                <Link className="link" to={loginHref}>
                  {t('solution.signIn')}
                </Link>
              </p>
            ))}
        </div>
      </section>

      <section className="flex min-w-0 flex-col gap-4" aria-label={t('challenge.workspace')}>
        <div className="card overflow-hidden">
          <div className="flex flex-wrap items-center gap-2 border-b border-line p-2">
            <label htmlFor="language" className="sr-only">
              {t('challenge.language')}
            </label>
            <select id="language" className="input w-auto py-1.5" value={language} onChange={(e) => switchLanguage(e.target.value)}>
              {challenge.languages.map((l) => (
                <option key={l} value={l} disabled={!available.includes(l)}>
                  {languageName(l)}
                  {available.includes(l) ? '' : ` (${t('challenge.unavailable')})`}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn-ghost"
              onClick={() => {
                if (window.confirm(t('challenge.resetConfirm'))) setCode(starter);
              }}
            >
              {t('challenge.reset')}
            </button>
            <div className="ml-auto flex gap-2">
              {session ? (
                <>
                  <button
                    type="button"
                    className="btn-secondary"
                    disabled={run.isPending}
                    onClick={() => {
                      setBottomTab('run');
                      run.mutate({ language, code, stdin: stdin || undefined });
                    }}
                  >
                    {run.isPending ? t('challenge.running') : t('challenge.run')}
                  </button>
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={running}
                    onClick={() => {
                      setBottomTab('results');
                      submit(language, code);
                    }}
                  >
                    {running ? t('challenge.submitting') : t('challenge.submit')}
                  </button>
                </>
              ) : (
                <Link to={loginHref} className="btn-primary">
                  {t('challenge.signInToSubmit')}
                </Link>
              )}
            </div>
          </div>
          <p id="editor-keys" className="border-b border-line px-3 py-1 text-xs text-muted">
            {t('editor.keys')}
          </p>
          <div className="h-[45dvh] min-h-[320px] lg:h-[52dvh]">
            <CodeEditor
              language={language}
              value={code}
              onChange={setCode}
              highlights={highlights}
              revealLine={reveal}
              ariaLabel={t('editor.label', { language: languageName(language) })}
            />
          </div>
        </div>

        <div className="card min-w-0">
          <div role="tablist" aria-label={t('challenge.output')} className="flex border-b border-line px-2">
            <TabButton id="tab-run" selected={bottomTab === 'run'} controls="panel-run" onSelect={() => setBottomTab('run')}>
              {t('challenge.runTab')}
            </TabButton>
            <TabButton id="tab-results" selected={bottomTab === 'results'} controls="panel-results" onSelect={() => setBottomTab('results')}>
              {t('challenge.resultsTab')}
            </TabButton>
          </div>
          <div id="panel-run" role="tabpanel" aria-labelledby="tab-run" hidden={bottomTab !== 'run'} tabIndex={0} className="grid gap-4 p-4 md:grid-cols-2">
            <div>
              <label htmlFor="stdin" className="mb-1 block text-sm font-medium">
                {t('run.stdinLabel')}
              </label>
              <textarea
                id="stdin"
                className="input h-32 font-mono"
                value={stdin}
                onChange={(e) => setStdin(e.target.value)}
                placeholder={t('run.stdinPlaceholder')}
              />
            </div>
            <div aria-live="polite">
              <RunOutput result={run.data} error={run.error} />
            </div>
          </div>
          <div id="panel-results" role="tabpanel" aria-labelledby="tab-results" hidden={bottomTab !== 'results'} tabIndex={0} className="p-4">
            {solve.phase === 'idle' ? (
              <p className="text-sm text-muted">{t('results.hint')}</p>
            ) : (
              <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                <div>
                  <h2 className="mb-2 font-semibold">{t('timeline.title')}</h2>
                  {solve.reconnecting && <p className="mb-2 text-xs text-warning">{t('timeline.reconnecting')}</p>}
                  <Timeline entries={solve.timeline} running={running} />
                  {solve.phase === 'failed' && (
                    <p role="alert" className="mt-3 rounded-lg bg-danger/10 p-3 text-sm text-danger">
                      {t(`solveFailure.${solve.failure ?? 'lost'}`)}
                      {solve.message ? ` (${solve.message})` : ''}
                    </p>
                  )}
                </div>
                <div className="min-w-0 space-y-4" aria-live="polite">
                  {outcome && (
                    <div className="rounded-lg border border-line p-3" data-testid="outcome" data-status={outcome.status}>
                      <div className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={outcome.status} />
                        <span className="font-semibold">
                          {t('results.summary', {
                            passed: outcome.testResults?.passed ?? 0,
                            total: outcome.testResults?.total ?? 0,
                          })}
                        </span>
                        <span className="text-sm text-muted">{t('results.score', { score: outcome.score })}</span>
                        {outcome.xpGained > 0 && (
                          <span className="ml-auto rounded-full bg-brand px-2 py-0.5 text-xs font-bold text-on-brand" data-testid="xp-gained">
                            {t('results.xpGained', { xp: outcome.xpGained })}
                          </span>
                        )}
                      </div>
                      {outcome.testResults?.compileOutput && (
                        <pre className="mt-2 max-h-48 overflow-auto rounded bg-subtle p-2 font-mono text-xs whitespace-pre-wrap text-danger">
                          {outcome.testResults.compileOutput}
                        </pre>
                      )}
                      {outcome.testResults?.message && <p className="mt-2 text-sm">{outcome.testResults.message}</p>}
                      {outcome.error && (
                        <p role="alert" className="mt-2 text-sm text-danger">
                          {outcome.error}
                        </p>
                      )}
                      <div className="mt-3">
                        <ProgressSummary compact />
                      </div>
                    </div>
                  )}
                  {solve.progress && !outcome && (
                    <p className="text-sm text-muted">{t('results.progress', solve.progress)}</p>
                  )}
                  <TestResultsList tests={solve.checks} />
                  {solve.phase === 'done' && (
                    <FeedbackPanel
                      feedback={solve.result?.feedback ?? null}
                      learningPoints={solve.result?.learning_points}
                      nextChallenges={solve.result?.next_challenges}
                      onShowLine={(line) => setReveal({ line })}
                    />
                  )}
                  {outcome?.status === 'passed' && (
                    <ReferenceSolution key={language} challengeId={challenge.id} language={language} />
                  )}
                </div>
              </div>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}

function TabButton({
  id,
  selected,
  controls,
  onSelect,
  children,
}: {
  id: string;
  selected: boolean;
  controls: string;
  onSelect: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      id={id}
      type="button"
      role="tab"
      aria-selected={selected}
      aria-controls={controls}
      tabIndex={selected ? 0 : -1}
      className="tab"
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const tabs = [...(event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role=tab]') ?? [])];
        const index = tabs.indexOf(event.currentTarget);
        const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        next?.focus();
        next?.click();
      }}
    >
      {children}
    </button>
  );
}
