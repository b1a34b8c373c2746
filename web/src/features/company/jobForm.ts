import type { Job, JobRequest } from '../../api/types';
import { splitList } from '../jobs/jobsQuery';

/** The job editor's state: text inputs as typed, turned into a request only on save. */
export interface JobFormValues {
  title: string;
  description: string;
  requirements: string;
  technologies: string;
  stack: string;
  level: string;
  type: string;
  workModel: string;
  location: string;
  salaryMin: string;
  salaryMax: string;
  salaryVisible: boolean;
  status: string;
  /** `yyyy-mm-dd` from a date input, or empty. */
  expiresOn: string;
}

export const EMPTY_JOB_FORM: JobFormValues = {
  title: '',
  description: '',
  requirements: '',
  technologies: '',
  stack: 'backend',
  level: 'junior',
  type: 'clt',
  workModel: 'remote',
  location: '',
  salaryMin: '',
  salaryMax: '',
  salaryVisible: true,
  status: 'active',
  expiresOn: '',
};

function money(text: string): number | null {
  const digits = text.replace(/[^\d]/g, '');
  return digits ? Number.parseInt(digits, 10) : null;
}

/** A date input's day, closing at the end of that day in the company's time zone. */
export function expiresAtFromDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}

export function dayFromIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function toJobRequest(values: JobFormValues): JobRequest {
  return {
    title: values.title.trim(),
    description: values.description,
    requirements: splitList(values.requirements, /\n/),
    technologies: splitList(values.technologies),
    stack: values.stack,
    level: values.level,
    type: values.type,
    workModel: values.workModel,
    location: values.location.trim() || null,
    salaryMin: money(values.salaryMin),
    salaryMax: money(values.salaryMax),
    salaryVisible: values.salaryVisible,
    status: values.status,
    expiresAt: expiresAtFromDay(values.expiresOn),
  };
}

export function formFromJob(job: Job): JobFormValues {
  return {
    title: job.title,
    description: job.description,
    requirements: job.requirements.join('\n'),
    technologies: job.technologies.join(', '),
    stack: job.stack,
    level: job.level,
    type: job.type,
    workModel: job.workModel,
    location: job.location ?? '',
    salaryMin: job.salaryMin == null ? '' : String(job.salaryMin),
    salaryMax: job.salaryMax == null ? '' : String(job.salaryMax),
    salaryVisible: job.salaryVisible,
    status: job.status,
    expiresOn: dayFromIso(job.expiresAt),
  };
}

/** The whole job as a PUT body with some fields changed (closing or publishing from the list keeps everything else). */
export function jobRequestFrom(job: Job, changes: Partial<JobRequest>): JobRequest {
  return {
    title: job.title,
    description: job.description,
    requirements: job.requirements,
    technologies: job.technologies,
    stack: job.stack,
    level: job.level,
    type: job.type,
    workModel: job.workModel,
    location: job.location,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    salaryVisible: job.salaryVisible,
    status: job.status,
    // The server accepts an unchanged expiry even once it has passed.
    expiresAt: job.expiresAt,
    ...changes,
  };
}
