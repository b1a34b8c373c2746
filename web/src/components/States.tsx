import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center justify-center gap-3 p-10 text-muted">
      <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-current border-t-transparent" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-line p-8 text-center">
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-2 text-sm text-muted">{children}</div>}
    </div>
  );
}

/** A friendly pt-BR message for any failed query, including an endpoint this server does not have yet. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let title = t('state.errorTitle');
  let body = t('state.errorBody');
  if (isApiError(error)) {
    if (error.isMissingEndpoint) {
      title = t('state.soonTitle');
      body = t('state.soonBody');
    } else if (error.status === 0) {
      body = t('state.offline');
    } else if (error.problem?.detail || error.problem?.title) {
      body = error.problem.detail ?? error.problem.title ?? body;
    }
  }
  return (
    <div role="alert" className="rounded-xl border border-line bg-subtle p-6 text-center">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm text-muted">{body}</p>
      {onRetry && !(isApiError(error) && error.isMissingEndpoint) && (
        <button type="button" className="btn-secondary mt-4" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
