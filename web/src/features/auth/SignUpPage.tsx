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

const FIELDS = ['username', 'email', 'password', 'fullName'] as const;

export default function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signUpTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>({
    username: '',
    email: '',
    password: '',
    fullName: '',
  });
  const [accountType, setAccountType] = useState<'learner' | 'company'>(params.get('conta') === 'empresa' ? 'company' : 'learner');
  const mutation = useMutation({
    mutationFn: endpoints.register,
    onSuccess: (response) => {
      setSession(sessionFromAuth(response));
      const next = params.get('next');
      navigate(!next && response.user.roles.includes('company') ? '/empresa' : safeNext(next), { replace: true });
    },
  });
  const error = mutation.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  const unmapped = isApiError(error) && !FIELDS.some((f) => fieldErrors[f]?.length);
  let message: string | null = null;
  if (isApiError(error) && unmapped) {
    message = error.status === 0 ? t('state.offline') : (error.problem?.detail ?? error.problem?.title ?? t('state.errorBody'));
  } else if (isApiError(error)) {
    message = t('auth.fixFields');
  }
  const bind = (name: (typeof FIELDS)[number]) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value }),
    errors: fieldErrors[name],
  });

  return (
    <AuthCard
      title={t('auth.signUpTitle')}
      footer={
        <>
          {t('auth.haveAccount')}{' '}
          <Link className="link" to="/login">
            {t('auth.signIn')}
          </Link>
        </>
      }
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          const data = readForm(event);
          mutation.mutate({
            username: data.username ?? '',
            email: data.email ?? '',
            password: data.password ?? '',
            fullName: data.fullName || undefined,
            accountType: accountType === 'company' ? 'company' : undefined,
          });
        }}
      >
        {message && (
          <p role="alert" className="rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm text-danger">
            {message}
          </p>
        )}
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t('auth.accountType')}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(['learner', 'company'] as const).map((type) => (
              <label key={type} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="accountType"
                  value={type}
                  className="size-4"
                  checked={accountType === type}
                  onChange={() => setAccountType(type)}
                />
                {t(`auth.accountTypes.${type}`)}
              </label>
            ))}
          </div>
          {fieldErrors.accountType && <p className="mt-1 text-sm text-danger">{fieldErrors.accountType.join(' ')}</p>}
        </fieldset>
        <Field label={accountType === 'company' ? t('auth.contactName') : t('auth.fullName')} autoComplete="name" {...bind('fullName')} />
        <Field label={t('auth.username')} autoComplete="username" hint={t('auth.usernameHint')} required {...bind('username')} />
        <Field label={t('auth.email')} type="email" autoComplete="email" required {...bind('email')} />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          required
          {...bind('password')}
        />
        <button type="submit" className="btn-primary w-full py-2.5" disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.creating') : t('auth.createAccount')}
        </button>
      </form>
    </AuthCard>
  );
}
