import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import { updateSessionUser } from '../../api/session';
import type { UpdateProfileRequest } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';

const FIELDS = ['fullName', 'bio', 'location', 'avatarUrl', 'websiteUrl', 'githubUrl', 'linkedinUrl'] as const;
type FieldName = (typeof FIELDS)[number];

export default function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me, queryFn: endpoints.me });
  const [values, setValues] = useState<Record<FieldName, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<FieldName, string>,
  );
  useEffect(() => {
    if (me.data) setValues(Object.fromEntries(FIELDS.map((f) => [f, me.data[f] ?? ''])) as Record<FieldName, string>);
  }, [me.data]);
  const save = useMutation({
    mutationFn: (body: UpdateProfileRequest) => endpoints.updateMe(body),
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.me, user);
      updateSessionUser(user);
    },
  });
  if (me.isPending) return <Loading />;
  if (me.isError) return <div className="mx-auto max-w-xl px-4 py-10"><ErrorState error={me.error} onRetry={() => void me.refetch()} /></div>;
  const errors = isApiError(save.error) ? save.error.fieldErrors : {};
  return (
    <section className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t('profile.title')}</h1>
      <p className="mt-1 text-sm text-muted">
        @{me.data.username} · {me.data.email}
      </p>
      <form
        noValidate
        className="card mt-6 grid gap-4 p-6 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const body = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || null])) as UpdateProfileRequest;
          save.mutate(body);
        }}
      >
        {FIELDS.map((field) => (
          <Field
            key={field}
            className={field === 'bio' || field === 'fullName' ? 'sm:col-span-2' : ''}
            label={t(`profile.fields.${field}`)}
            name={field}
            type={field.endsWith('Url') ? 'url' : 'text'}
            value={values[field]}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            errors={errors[field]}
          />
        ))}
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('profile.save')}
          </button>
          <p aria-live="polite" className="text-sm">
            {save.isSuccess ? t('profile.saved') : save.isError && Object.keys(errors).length === 0 ? t('state.errorBody') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
