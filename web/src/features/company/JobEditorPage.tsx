import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { JOB_TYPES, LEVELS, STACKS, WORK_MODELS } from '../../api/types';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { ErrorState, Loading } from '../../components/States';
import { TextAreaField } from '../../components/TextAreaField';
import { usePageTitle } from '../../lib/usePageTitle';
import { levelLabel, stackLabel } from '../challenges/labels';
import { jobStatusLabel, jobTypeLabel, workModelLabel } from '../jobs/labels';
import { EMPTY_JOB_FORM, formFromJob, toJobRequest, type JobFormValues } from './jobForm';
import { fieldErrorsOf, ProblemMessage } from './ProblemMessage';

/** Creates (`/empresa/vagas/nova`) or edits (`/empresa/vagas/:id/editar`) a job; the server's messages sit on each field. */
export default function JobEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const editing = Boolean(id);
  usePageTitle(editing ? t('company.editor.editTitle') : t('company.editor.newTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const job = useQuery({ queryKey: queryKeys.job(id ?? ''), queryFn: () => endpoints.job(id!), enabled: editing });
  const [values, setValues] = useState<JobFormValues>(EMPTY_JOB_FORM);
  useEffect(() => {
    if (job.data) setValues(formFromJob(job.data));
  }, [job.data]);
  const save = useMutation({
    mutationFn: () => (editing ? endpoints.updateJob(id!, toJobRequest(values)) : endpoints.createJob(toJobRequest(values))),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.job(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myJobs });
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      navigate('/empresa', { state: { saved: saved.title } });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const text = (name: keyof JobFormValues) => ({
    value: values[name] as string,
    errors: errors[name === 'expiresOn' ? 'expiresAt' : name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.target.value }),
  });

  if (editing && job.isPending) return <Loading />;
  if (editing && job.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      </div>
    );

  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <Link className="link text-sm" to="/empresa">
        {t('company.back')}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">{editing ? t('company.editor.editTitle') : t('company.editor.newTitle')}</h1>
      <form
        noValidate
        className="card mt-6 grid gap-4 p-5 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="sm:col-span-2">
          <ProblemMessage error={save.error} testId="job-form-error" />
        </div>
        <Field className="sm:col-span-2" label={t('company.editor.jobTitle')} required maxLength={200} {...text('title')} />
        <TextAreaField
          className="sm:col-span-2"
          label={t('company.editor.description')}
          hint={t('company.editor.descriptionHint')}
          required
          rows={8}
          maxLength={20000}
          {...text('description')}
        />
        <Field
          className="sm:col-span-2"
          label={t('company.editor.technologies')}
          hint={t('company.editor.technologiesHint')}
          required
          {...text('technologies')}
        />
        <TextAreaField
          className="sm:col-span-2"
          label={t('company.editor.requirements')}
          hint={t('company.editor.requirementsHint')}
          {...text('requirements')}
        />
        <SelectWithErrors
          id="job-stack"
          label={t('company.editor.stack')}
          value={values.stack}
          errors={errors.stack}
          onChange={(stack) => setValues({ ...values, stack })}
          options={STACKS.map((s) => ({ value: s, label: stackLabel(t, s) }))}
        />
        <SelectWithErrors
          id="job-level"
          label={t('company.editor.level')}
          value={values.level}
          errors={errors.level}
          onChange={(level) => setValues({ ...values, level })}
          options={LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
        />
        <SelectWithErrors
          id="job-type"
          label={t('company.editor.type')}
          value={values.type}
          errors={errors.type}
          onChange={(type) => setValues({ ...values, type })}
          options={JOB_TYPES.map((m) => ({ value: m, label: jobTypeLabel(t, m) }))}
        />
        <SelectWithErrors
          id="job-work-model"
          label={t('company.editor.workModel')}
          value={values.workModel}
          errors={errors.workModel}
          onChange={(workModel) => setValues({ ...values, workModel })}
          options={WORK_MODELS.map((m) => ({ value: m, label: workModelLabel(t, m) }))}
        />
        <Field className="sm:col-span-2" label={t('company.editor.location')} maxLength={200} {...text('location')} />
        <Field label={t('company.editor.salaryMin')} inputMode="numeric" {...text('salaryMin')} />
        <Field label={t('company.editor.salaryMax')} inputMode="numeric" {...text('salaryMax')} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            className="size-4"
            checked={values.salaryVisible}
            onChange={(e) => setValues({ ...values, salaryVisible: e.target.checked })}
          />
          {t('company.editor.salaryVisible')}
        </label>
        <SelectWithErrors
          id="job-status"
          label={t('company.editor.status')}
          value={values.status}
          errors={errors.status}
          onChange={(status) => setValues({ ...values, status })}
          options={['active', 'draft', ...(editing ? ['closed'] : [])].map((s) => ({ value: s, label: jobStatusLabel(t, s) }))}
        />
        <Field label={t('company.editor.expiresOn')} type="date" hint={t('company.editor.expiresHint')} {...text('expiresOn')} />
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {save.isPending ? t('company.saving') : editing ? t('company.editor.save') : t('company.editor.create')}
          </button>
          <Link className="btn-secondary" to="/empresa">
            {t('company.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

function SelectWithErrors({ errors, ...props }: Parameters<typeof Select>[0] & { errors?: string[] }) {
  return (
    <div>
      <Select {...props} />
      {errors?.length ? (
        <ul className="mt-1 text-sm text-danger">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
