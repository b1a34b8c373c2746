import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from '../../api/types';
import { levelLabel, stackLabel } from '../challenges/labels';
import { jobTypeLabel, salaryText, workModelLabel } from './labels';

/** A job in a list: company, title, salary when visible, work model and technologies. */
export function JobCard({ job, children }: { job: Job; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const salary = salaryText(job, t, i18n.language);
  return (
    <li className="card flex flex-col p-5" data-testid="job-card" data-job-id={job.id}>
      <p className="text-sm text-muted">{job.company.name}</p>
      <h2 className="mt-1 text-lg font-semibold">
        <Link to={`/vagas/${job.id}`} className="hover:underline">
          {job.title}
        </Link>
      </h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <span className="chip">{workModelLabel(t, job.workModel)}</span>
        <span className="chip">{jobTypeLabel(t, job.type)}</span>
        <span className="chip">{levelLabel(t, job.level)}</span>
        <span className="chip">{stackLabel(t, job.stack)}</span>
      </div>
      <p className="mt-2 text-sm">
        {salary ? <span data-testid="job-salary">{salary}</span> : <span className="text-muted">{t('jobs.salaryHidden')}</span>}
        {job.location && <span className="text-muted"> · {job.location}</span>}
      </p>
      {children}
      <div className="mt-auto flex flex-wrap gap-1 pt-4">
        {job.technologies.slice(0, 6).map((tech) => (
          <span key={tech} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-xs">
            {tech}
          </span>
        ))}
      </div>
    </li>
  );
}
