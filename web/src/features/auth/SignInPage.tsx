import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import { sessionFromAuth, setSession } from '../../api/session';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthCard, readForm, safeNext } from './AuthForm';

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signInTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState({ login: '', password: '' });
  const mutation = useMutation({
    mutationFn: endpoints.login,
    onSuccess: (response) => {
      setSession(sessionFromAuth(response));
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const error = mutation.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  let message: string | null = null;
  if (isApiError(error)) {
    if (error.status === 429) message = t('auth.locked', { seconds: error.retryAfterSeconds ?? 60 });
    else if (error.status === 0) message = t('state.offline');
    else message = error.problem?.detail ?? error.problem?.title ?? t('state.errorBody');
  }

  return (
    <AuthCard
      title={t('auth.signInTitle')}
      footer={
        <>
          {t('auth.noAccount')}{' '}
          <Link className="link" to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>
            {t('auth.createAccount')}
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          const data = readForm(event);
          mutation.mutate({ login: data.login ?? '', password: data.password ?? '' });
        }}
      >
        {message && (
          <p role="alert" className="rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm text-danger">
            {message}
          </p>
        )}
        <Field
          label={t('auth.login')}
          name="login"
          autoComplete="username"
          required
          value={values.login}
          onChange={(e) => setValues({ ...values, login: e.target.value })}
          errors={fieldErrors.login}
        />
        <Field
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
          errors={fieldErrors.password}
        />
        <button type="submit" className="btn-primary w-full py-2.5" disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </AuthCard>
  );
}
