import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './solveState';

export function Timeline({ entries, running }: { entries: TimelineEntry[]; running: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="space-y-1 text-sm" aria-label={t('timeline.title')} data-testid="timeline">
      {entries.map((entry) => (
        <li key={entry.sequence} className="flex gap-2">
          <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${dot(entry)}`} />
          <span className="min-w-0">
            <span className="font-medium">{label(t, entry)}</span>
            {(entry.facts || entry.detail) && <span className="text-muted"> — {detail(t, entry)}</span>}
          </span>
        </li>
      ))}
      {running && (
        <li className="flex items-center gap-2 text-muted">
          <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
          {t('timeline.working')}
        </li>
      )}
    </ol>
  );
}

function detail(t: (key: string, options?: Record<string, unknown>) => string, entry: TimelineEntry): string | undefined {
  if (entry.facts?.total != null) return t('timeline.factsTests', { passed: entry.facts.passed, total: entry.facts.total });
  if (entry.facts?.issues != null) return t('timeline.factsIssues', { count: entry.facts.issues });
  return entry.detail;
}

function dot(entry: TimelineEntry): string {
  if (entry.kind === 'check') return entry.status === 'pass' ? 'bg-success' : 'bg-danger';
  if (entry.kind === 'complete') return entry.status === 'passed' ? 'bg-success' : 'bg-warning';
  return 'bg-brand';
}

function label(t: (key: string, options?: Record<string, unknown>) => string, entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'loop':
      return t('timeline.loop', { loop: t(`timeline.loops.${entry.name}`, { defaultValue: entry.name }) });
    case 'agent':
      return t('timeline.agent', { agent: t(`timeline.agents.${entry.name}`, { defaultValue: entry.name }) });
    case 'finding':
      return t('timeline.finding', { agent: t(`timeline.agents.${entry.name}`, { defaultValue: entry.name }) });
    case 'check':
      return t('timeline.check', { name: entry.name, status: t(`status.${entry.status}`, { defaultValue: entry.status }) });
    case 'complete':
      return t('timeline.complete', { status: t(`status.${entry.status}`, { defaultValue: entry.status }) });
  }
}
