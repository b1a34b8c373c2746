import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';

/** The server's pt-BR problem detail (409, 422...) or, for field errors, a pointer to the fields. */
export function ProblemMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  let message = t('state.errorBody');
  if (isApiError(error)) {
    if (Object.keys(error.fieldErrors).length > 0) message = t('company.fixFields');
    else if (error.status === 0) message = t('state.offline');
    else message = error.problem?.detail ?? error.problem?.title ?? message;
  }
  return (
    <p role="alert" className="rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm text-danger" data-testid={testId}>
      {message}
    </p>
  );
}

export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return isApiError(error) ? error.fieldErrors : {};
}
