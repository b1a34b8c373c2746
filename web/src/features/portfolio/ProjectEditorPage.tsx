import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import { STACKS, type Project, type ProjectRequest } from '../../api/types';
import { Field } from '../../components/Field';
import { ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { stackLabel } from '../challenges/labels';
import { parseTechnologies, requestFrom } from './projectOrder';

const IMAGE_TYPES = 'image/png,image/jpeg,image/webp';

interface Form {
  title: string;
  slug: string;
  shortDescription: string;
  longDescription: string;
  stack: string;
  technologies: string;
  demoUrl: string;
  repoUrl: string;
  featured: boolean;
  showCode: boolean;
}

const EMPTY: Form = {
  title: '',
  slug: '',
  shortDescription: '',
  longDescription: '',
  stack: 'backend',
  technologies: '',
  demoUrl: '',
  repoUrl: '',
  featured: false,
  showCode: false,
};

function formOf(project: Project): Form {
  return {
    title: project.title,
    slug: project.slug,
    shortDescription: project.shortDescription ?? '',
    longDescription: project.longDescription ?? '',
    stack: project.stack,
    technologies: project.technologies.join(', '),
    demoUrl: project.demoUrl ?? '',
    repoUrl: project.repoUrl ?? '',
    featured: project.featured,
    showCode: project.showCode,
  };
}

function requestOf(form: Form): ProjectRequest {
  const text = (value: string) => value.trim() || null;
  return {
    title: text(form.title),
    slug: text(form.slug),
    shortDescription: text(form.shortDescription),
    longDescription: text(form.longDescription),
    stack: form.stack,
    technologies: parseTechnologies(form.technologies),
    demoUrl: text(form.demoUrl),
    repoUrl: text(form.repoUrl),
    featured: form.featured,
    showCode: form.showCode,
  };
}

export default function ProjectEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const isNew = !id;
  usePageTitle(isNew ? t('projects.newTitle') : t('projects.editTitle'));
  const project = useQuery({ queryKey: queryKeys.project(id ?? ''), queryFn: () => endpoints.project(id!), enabled: !isNew });
  const [form, setForm] = useState<Form>(EMPTY);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  useEffect(() => {
    if (project.data) setForm(formOf(project.data));
  }, [project.data]);
  const changed = (saved: Project) => {
    queryClient.setQueryData(queryKeys.project(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.myProjects });
    void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
  };
  const save = useMutation({
    mutationFn: (body: ProjectRequest) => (isNew ? endpoints.createProject(body) : endpoints.updateProject(id!, body)),
    onSuccess: (saved) => {
      changed(saved);
      // A new project gets its own page, where images can be sent (they need the project's id).
      if (isNew) navigate(`/portfolio/projects/${saved.id}`, { replace: true, state: { created: true } });
    },
  });
  const created = (location.state as { created?: boolean } | null)?.created === true;

  if (!isNew && project.isPending) return <Loading />;
  if (!isNew && project.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={project.error} onRetry={() => void project.refetch()} />
      </div>
    );
  const errors = isApiError(save.error) ? save.error.fieldErrors : {};
  const generalError = isApiError(save.error) && Object.keys(errors).length === 0 ? (save.error.problem?.detail ?? t('state.errorBody')) : null;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });

  return (
    <section className="mx-auto max-w-3xl px-4 py-8">
      <p>
        <Link className="link text-sm" to="/portfolio/projects">
          {t('projects.back')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{isNew ? t('projects.newTitle') : t('projects.editTitle')}</h1>
      {project.data?.verification && <p className="mt-1 text-sm text-success">{t('projects.verifiedNote')}</p>}
      {created && <p className="mt-2 rounded-lg bg-subtle p-3 text-sm">{t('projects.createdNote')}</p>}
      <form
        noValidate
        className="card mt-6 grid gap-4 p-6 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(project.data ? requestFrom(project.data, requestOf(form)) : requestOf(form));
        }}
      >
        <Field className="sm:col-span-2" label={t('projects.fields.title')} name="title" value={form.title} onChange={(e) => set('title', e.target.value)} errors={errors.title} required />
        <Field label={t('projects.fields.slug')} name="slug" hint={t('projects.fields.slugHint')} value={form.slug} onChange={(e) => set('slug', e.target.value)} errors={errors.slug} />
        <div>
          <label htmlFor="project-stack" className="mb-1 block text-sm font-medium">
            {t('projects.fields.stack')}
          </label>
          <select id="project-stack" name="stack" className="input" value={form.stack} onChange={(e) => set('stack', e.target.value)}>
            {STACKS.map((s) => (
              <option key={s} value={s}>
                {stackLabel(t, s)}
              </option>
            ))}
          </select>
          {errors.stack && <p className="mt-1 text-sm text-danger">{errors.stack.join(' ')}</p>}
        </div>
        <Field className="sm:col-span-2" label={t('projects.fields.shortDescription')} name="shortDescription" value={form.shortDescription} onChange={(e) => set('shortDescription', e.target.value)} errors={errors.shortDescription} />

        <div className="sm:col-span-2">
          <div className="mb-1 flex items-center justify-between gap-2">
            <label htmlFor="project-long" className="text-sm font-medium">
              {t('projects.fields.longDescription')}
            </label>
            <div role="tablist" aria-label={t('projects.descriptionMode')} className="inline-flex rounded-lg border border-line p-0.5 text-sm">
              {(['write', 'preview'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  role="tab"
                  aria-selected={tab === option}
                  className="rounded-md px-2 py-1 aria-selected:bg-brand aria-selected:text-on-brand"
                  onClick={() => setTab(option)}
                >
                  {t(`projects.${option}`)}
                </button>
              ))}
            </div>
          </div>
          {tab === 'write' ? (
            <>
              <textarea
                id="project-long"
                name="longDescription"
                rows={8}
                className="input font-mono text-sm"
                value={form.longDescription}
                onChange={(e) => set('longDescription', e.target.value)}
                aria-describedby="project-long-hint"
                aria-invalid={errors.longDescription ? true : undefined}
              />
              <p id="project-long-hint" className="mt-1 text-xs text-muted">
                {t('projects.fields.markdownHint')}
              </p>
            </>
          ) : (
            <div role="tabpanel" className="prose-compila min-h-32 rounded-lg border border-line p-3" data-testid="markdown-preview">
              {form.longDescription.trim() ? (
                <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
                  {form.longDescription}
                </Markdown>
              ) : (
                <p className="text-muted">{t('projects.nothingToPreview')}</p>
              )}
            </div>
          )}
          {errors.longDescription && <p className="mt-1 text-sm text-danger">{errors.longDescription.join(' ')}</p>}
        </div>

        <Field className="sm:col-span-2" label={t('projects.fields.technologies')} name="technologies" hint={t('projects.fields.technologiesHint')} value={form.technologies} onChange={(e) => set('technologies', e.target.value)} errors={errors.technologies} />
        <Field label={t('projects.fields.demoUrl')} name="demoUrl" type="url" value={form.demoUrl} onChange={(e) => set('demoUrl', e.target.value)} errors={errors.demoUrl} />
        <Field label={t('projects.fields.repoUrl')} name="repoUrl" type="url" value={form.repoUrl} onChange={(e) => set('repoUrl', e.target.value)} errors={errors.repoUrl} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="featured" checked={form.featured} onChange={(e) => set('featured', e.target.checked)} />
          {t('projects.fields.featured')}
        </label>
        {project.data?.verification && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="showCode" checked={form.showCode} onChange={(e) => set('showCode', e.target.checked)} />
            {t('projects.fields.showCode')}
          </label>
        )}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {isNew ? t('projects.create') : t('projects.save')}
          </button>
          <p aria-live="polite" className="text-sm">
            {save.isSuccess && !isNew ? t('projects.saved') : generalError ?? (save.isError ? t('auth.fixFields') : '')}
          </p>
        </div>
      </form>
      {project.data && <ProjectImages project={project.data} onChanged={changed} />}
    </section>
  );
}

function ProjectImages({ project, onChanged }: { project: Project; onChanged: (project: Project) => void }) {
  const { t } = useTranslation();
  const upload = useMutation({
    mutationFn: ({ file, thumbnail }: { file: File; thumbnail: boolean }) =>
      thumbnail ? endpoints.uploadProjectThumbnail(project.id, file) : endpoints.uploadProjectImage(project.id, file),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: (url: string) => endpoints.deleteProjectImage(project.id, url.split('/').pop()!),
    onSuccess: onChanged,
  });
  const error = upload.error ?? remove.error;
  const message = isApiError(error)
    ? (Object.values(error.fieldErrors).flat()[0] ?? error.problem?.detail ?? t('state.errorBody'))
    : error
      ? t('state.errorBody')
      : '';
  const picker = (thumbnail: boolean) => (
    <input
      type="file"
      accept={IMAGE_TYPES}
      className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-subtle file:px-3 file:py-1.5"
      disabled={upload.isPending}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) upload.mutate({ file, thumbnail });
        e.target.value = '';
      }}
    />
  );
  return (
    <section aria-labelledby="images-title" className="card mt-6 space-y-4 p-6" data-testid="project-images">
      <h2 id="images-title" className="text-lg font-semibold">
        {t('projects.images.title')}
      </h2>
      <p className="text-sm text-muted">{t('projects.images.hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block space-y-2">
          <span className="block text-sm font-medium">{t('projects.images.thumbnail')}</span>
          {project.thumbnailUrl && <img src={project.thumbnailUrl} alt={t('projects.images.currentThumbnail')} className="aspect-video w-full rounded border border-line object-cover" />}
          {picker(true)}
        </label>
        <label className="block space-y-2">
          <span className="block text-sm font-medium">{t('projects.images.add')}</span>
          {picker(false)}
        </label>
      </div>
      <p aria-live="polite" className="text-sm">
        {upload.isPending ? t('projects.images.uploading') : message ? <span className="text-danger">{message}</span> : upload.isSuccess ? t('projects.images.uploaded') : ''}
      </p>
      {project.images.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {project.images.map((url, index) => (
            <li key={url} className="space-y-1">
              <img src={url} alt={t('projects.images.alt', { n: index + 1 })} className="aspect-video w-full rounded border border-line object-cover" />
              <button type="button" className="btn-ghost text-sm text-danger" disabled={remove.isPending} onClick={() => remove.mutate(url)}>
                {t('projects.images.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
