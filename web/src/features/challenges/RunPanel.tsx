import { useTranslation } from 'react-i18next';
import type { ExecuteResponse } from '../../api/types';
import { isApiError } from '../../api/problem';
import { StatusBadge } from './TestResultsList';

export function RunOutput({ result, error }: { result: ExecuteResponse | undefined; error: unknown }) {
  const { t } = useTranslation();
  if (error) {
    let message = t('run.error');
    if (isApiError(error)) {
      const timedOut = error.status === 408;
      message = timedOut ? t('run.timeout') : (error.problem?.detail ?? error.problem?.title ?? message);
      const output = typeof error.problem?.output === 'string' ? error.problem.output : null;
      return (
        <div role="alert" className="space-y-2 text-sm">
          <p className="text-danger">{message}</p>
          {output && <pre className="overflow-x-auto rounded bg-subtle p-2 font-mono text-xs">{output}</pre>}
        </div>
      );
    }
    return (
      <p role="alert" className="text-sm text-danger">
        {message}
      </p>
    );
  }
  if (!result) return <p className="text-sm text-muted">{t('run.hint')}</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="run-output">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={result.status} />
        <span className="text-xs text-muted">
          {t('run.time', { ms: Math.round(result.execution_time * 1000) })}
          {result.exit_code != null ? ` · ${t('run.exit', { code: result.exit_code })}` : ''}
        </span>
      </div>
      {result.compile_output && (
        <Block label={t('run.compile')} text={result.compile_output} tone="danger" />
      )}
      <Block label={t('run.stdout')} text={result.output || t('run.empty')} testId="stdout" />
      {result.output_truncated && <p className="text-xs text-warning">{t('run.truncated')}</p>}
      {result.error && <Block label={t('run.stderr')} text={result.error} tone="danger" />}
    </div>
  );
}

function Block({ label, text, tone, testId }: { label: string; text: string; tone?: 'danger'; testId?: string }) {
  return (
    <div>
      <p className="text-xs font-semibold text-muted">{label}</p>
      <pre
        data-testid={testId}
        className={`mt-1 max-h-60 overflow-auto rounded-lg bg-subtle p-2 font-mono text-xs whitespace-pre-wrap ${tone === 'danger' ? 'text-danger' : ''}`}
      >
        {text}
      </pre>
    </div>
  );
}
