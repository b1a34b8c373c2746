import type { TFunction } from 'i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../api/types';

export function jobTypeLabel(t: TFunction, type: string): string {
  return t(`jobs.type.${type}`, { defaultValue: type });
}

export function workModelLabel(t: TFunction, model: string): string {
  return t(`jobs.workModel.${model}`, { defaultValue: model });
}

export function applicationStatusLabel(t: TFunction, status: string): string {
  return t(`applications.status.${status}`, { defaultValue: status });
}

export function jobStatusLabel(t: TFunction, status: string): string {
  return t(`jobs.status.${status}`, { defaultValue: status });
}

/** The steps a candidate sees, in order; a rejected or withdrawn application ends where it stopped. */
export const PIPELINE = ['received', 'reviewing', 'interview', 'offer'] as const;

export type StepState = 'done' | 'current' | 'todo';

/** Each pipeline step's state for an application in `status`. Final statuses outside the happy path mark no step current. */
export function pipelineSteps(status: string): { step: (typeof PIPELINE)[number]; state: StepState }[] {
  const at = PIPELINE.indexOf(status as (typeof PIPELINE)[number]);
  return PIPELINE.map((step, index) => ({
    step,
    state: at < 0 ? (index === 0 ? 'done' : 'todo') : index < at ? 'done' : index === at ? 'current' : 'todo',
  }));
}

/** True once the application can no longer change: the company's answer was final, or the candidate withdrew. */
export function isFinalStatus(status: string): boolean {
  return status === 'offer' || status === 'rejected' || status === 'withdrawn';
}

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** Whole reais in the interface language: "R$ 8.500" (salaries are stored in reais, not cents). */
export function formatMoney(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'BRL', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value);
}

/**
 * The salary line of a job card, or null when there is nothing to show (hidden from this viewer, or not given).
 * The API already blanks a hidden salary for everyone but the company that posted it.
 */
export function salaryText(
  job: { salaryMin: number | null; salaryMax: number | null },
  t: TFunction,
  language: string,
): string | null {
  const { salaryMin: min, salaryMax: max } = job;
  if (min != null && max != null) {
    return min === max ? formatMoney(min, language) : t('jobs.salaryRange', { min: formatMoney(min, language), max: formatMoney(max, language) });
  }
  if (min != null) return t('jobs.salaryFrom', { min: formatMoney(min, language) });
  if (max != null) return t('jobs.salaryUpTo', { max: formatMoney(max, language) });
  return null;
}

/** The action a company took on a candidate's data, for the candidate's access log. */
export function accessActionLabel(t: TFunction, action: string): string {
  return t(`applications.access.${action.replace('.', '_')}`, { defaultValue: action });
}
