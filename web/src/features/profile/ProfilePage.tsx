import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import { updateSessionUser } from '../../api/session';
import { VISIBILITIES, type ProfileSections, type ProfileVisibility, type ReplaceProfileRequest } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { ShareLinkPanel } from './ShareLinkPanel';

const FIELDS = ['fullName', 'bio', 'location', 'avatarUrl', 'websiteUrl', 'githubUrl', 'linkedinUrl'] as const;
type FieldName = (typeof FIELDS)[number];
const SECTIONS = ['skills', 'projects', 'badges', 'heatmap'] as const satisfies readonly (keyof ProfileSections)[];
const ALL_SECTIONS: ProfileSections = { skills: true, projects: true, badges: true, heatmap: true };

export default function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me, queryFn: endpoints.me });
  const [values, setValues] = useState<Record<FieldName, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<FieldName, string>,
  );
  const [visibility, setVisibility] = useState<ProfileVisibility>('public');
  const [sections, setSections] = useState<ProfileSections>(ALL_SECTIONS);
  useEffect(() => {
    if (!me.data) return;
    setValues(Object.fromEntries(FIELDS.map((f) => [f, me.data[f] ?? ''])) as Record<FieldName, string>);
    setVisibility((VISIBILITIES as readonly string[]).includes(me.data.visibility) ? (me.data.visibility as ProfileVisibility) : 'public');
    setSections({ ...ALL_SECTIONS, ...me.data.sections });
  }, [me.data]);
  const save = useMutation({
    mutationFn: (body: ReplaceProfileRequest) => endpoints.replaceProfile(body),
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.me, user);
      updateSessionUser(user);
      void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
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
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link className="link" to={`/u/${me.data.username}`}>
          {t('profile.viewPublic')}
        </Link>
        <Link className="link" to="/portfolio/projects">
          {t('profile.manageProjects')}
        </Link>
      </p>
      <form
        noValidate
        className="card mt-6 grid gap-4 p-6 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const fields = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || null])) as Pick<ReplaceProfileRequest, FieldName>;
          save.mutate({ ...fields, visibility, sections });
        }}
      >
        {FIELDS.map((field) =>
          field === 'bio' ? (
            <div key={field} className="sm:col-span-2">
              <label htmlFor="profile-bio" className="mb-1 block text-sm font-medium">
                {t('profile.fields.bio')}
              </label>
              <textarea
                id="profile-bio"
                name="bio"
                rows={3}
                className="input"
                value={values.bio}
                onChange={(e) => setValues({ ...values, bio: e.target.value })}
                aria-invalid={errors.bio ? true : undefined}
                aria-describedby={errors.bio ? 'profile-bio-error' : undefined}
              />
              {errors.bio && (
                <ul id="profile-bio-error" className="mt-1 text-sm text-danger">
                  {errors.bio.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            <Field
              key={field}
              className={field === 'fullName' ? 'sm:col-span-2' : ''}
              label={t(`profile.fields.${field}`)}
              name={field}
              type={field.endsWith('Url') ? 'url' : 'text'}
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              errors={errors[field]}
            />
          ),
        )}

        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium">{t('profile.visibility.legend')}</legend>
          <div className="space-y-2">
            {VISIBILITIES.map((option) => (
              <label key={option} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="visibility"
                  value={option}
                  className="mt-1"
                  checked={visibility === option}
                  onChange={() => setVisibility(option)}
                />
                <span>
                  <span className="block text-sm font-medium">{t(`profile.visibility.${option}`)}</span>
                  <span className="block text-xs text-muted">{t(`profile.visibility.${option}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.visibility && <p className="mt-1 text-sm text-danger">{errors.visibility.join(' ')}</p>}
        </fieldset>

        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium">{t('profile.sections.legend')}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {SECTIONS.map((section) => (
              <label key={section} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`section-${section}`}
                  checked={sections[section]}
                  onChange={(e) => setSections({ ...sections, [section]: e.target.checked })}
                />
                {t(`profile.sections.${section}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('profile.save')}
          </button>
          <p aria-live="polite" className="text-sm">
            {save.isSuccess ? t('profile.saved') : save.isError && Object.keys(errors).length === 0 ? t('state.errorBody') : ''}
          </p>
        </div>
      </form>

      <ShareLinkPanel user={me.data} />
    </section>
  );
}
