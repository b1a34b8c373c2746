import { useTranslation } from 'react-i18next';
import type { TestCaseResult } from '../../api/types';

export function TestResultsList({ tests }: { tests: TestCaseResult[] }) {
  const { t } = useTranslation();
  if (tests.length === 0) return null;
  return (
    <ol className="space-y-2" aria-label={t('results.tests')}>
      {tests.map((test, index) => (
        <li
          key={`${index}-${test.name}`}
          data-testid="test-result"
          data-status={test.status}
          className={`rounded-lg border p-3 text-sm ${test.status === 'pass' ? 'border-success/40' : 'border-danger/50'}`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={test.status} />
            <span className="font-medium">{test.name}</span>
            {test.hidden && <span className="chip">{t('results.hidden')}</span>}
            {!test.hidden && test.durationMs != null && (
              <span className="ml-auto text-xs text-muted">
                {test.durationMs < 1 ? '< 1 ms' : `${Math.round(test.durationMs)} ms`}
              </span>
            )}
          </div>
          {!test.hidden && test.status !== 'pass' && (
            <dl className="mt-2 grid gap-1 font-mono text-xs sm:grid-cols-[auto_1fr] sm:gap-x-3">
              {test.expected != null && (
                <>
                  <dt className="text-muted">{t('results.expected')}</dt>
                  <dd className="break-all whitespace-pre-wrap" data-testid="expected">
                    {shown(test.expected)}
                  </dd>
                </>
              )}
              {test.expected != null && (
                <>
                  <dt className="text-muted">{t('results.actual')}</dt>
                  <dd className="break-all whitespace-pre-wrap" data-testid="actual">
                    {test.actual == null ? t('results.nothing') : shown(test.actual)}
                  </dd>
                </>
              )}
              {test.message && (
                <>
                  <dt className="text-muted">{t('results.message')}</dt>
                  <dd className="break-words whitespace-pre-wrap">{test.message}</dd>
                </>
              )}
              {test.output && (
                <>
                  <dt className="text-muted">{t('results.output')}</dt>
                  <dd className="break-words whitespace-pre-wrap">{test.output}</dd>
                </>
              )}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Judged values arrive as JSON text (or stdout); anything else is shown as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const good = status === 'pass' || status === 'passed' || status === 'accepted';
  const partial = status === 'partial' || status === 'pending';
  const tone = good
    ? 'bg-success/15 text-success'
    : partial
      ? 'bg-warning/15 text-warning'
      : 'bg-danger/15 text-danger';
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
