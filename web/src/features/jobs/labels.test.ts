import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { APPLICATION_STATUSES } from '../../api/types';
import { accessActionLabel, applicationStatusLabel, formatMoney, isFinalStatus, jobTypeLabel, pipelineSteps, salaryText, workModelLabel } from './labels';
import { notificationHref } from './NotificationBell';

const t = i18n.getFixedT('pt-BR');
const en = i18n.getFixedT('en');
// Intl puts a no-break space between "R$" and the amount.
const plain = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

describe('salary formatting', () => {
  it('formats whole reais in pt-BR', () => {
    expect(plain(formatMoney(8500, 'pt-BR'))).toBe('R$ 8.500');
    expect(plain(formatMoney(12000.4, 'pt-BR'))).toBe('R$ 12.000');
  });

  it('says a range, a floor, a ceiling or nothing', () => {
    expect(plain(salaryText({ salaryMin: 5000, salaryMax: 8000 }, t, 'pt-BR'))).toBe('R$ 5.000 a R$ 8.000');
    expect(plain(salaryText({ salaryMin: 7000, salaryMax: 7000 }, t, 'pt-BR'))).toBe('R$ 7.000');
    expect(plain(salaryText({ salaryMin: 4000, salaryMax: null }, t, 'pt-BR'))).toBe('A partir de R$ 4.000');
    expect(plain(salaryText({ salaryMin: null, salaryMax: 9000 }, t, 'pt-BR'))).toBe('Até R$ 9.000');
    // A hidden salary reaches other viewers as nulls.
    expect(salaryText({ salaryMin: null, salaryMax: null }, t, 'pt-BR')).toBeNull();
  });

  it('follows the interface language', () => {
    expect(plain(salaryText({ salaryMin: 5000, salaryMax: 8000 }, en, 'en'))).toBe('R$5,000 to R$8,000');
  });
});

describe('status labels', () => {
  it('names every application status in pt-BR and English', () => {
    expect(APPLICATION_STATUSES.map((s) => applicationStatusLabel(t, s))).toEqual([
      'Recebida',
      'Em análise',
      'Entrevista',
      'Proposta',
      'Não selecionada',
      'Retirada',
    ]);
    for (const status of APPLICATION_STATUSES) expect(applicationStatusLabel(en, status)).not.toBe(status);
  });

  it('falls back to the raw label for a status this build does not know', () => {
    expect(applicationStatusLabel(t, 'hired')).toBe('hired');
  });

  it('names job types, work models and company actions', () => {
    expect(jobTypeLabel(t, 'internship')).toBe('Estágio');
    expect(workModelLabel(t, 'onsite')).toBe('Presencial');
    expect(accessActionLabel(t, 'application.status_changed')).toBe('Mudou a situação da sua candidatura');
    expect(accessActionLabel(t, 'candidate.listed')).toBe('Viu você na lista de candidatos de uma vaga');
  });
});

describe('application pipeline', () => {
  it('marks the steps before the current one as done', () => {
    expect(pipelineSteps('interview')).toEqual([
      { step: 'received', state: 'done' },
      { step: 'reviewing', state: 'done' },
      { step: 'interview', state: 'current' },
      { step: 'offer', state: 'todo' },
    ]);
    expect(pipelineSteps('received')[0]).toEqual({ step: 'received', state: 'current' });
  });

  it('marks no step current once the application left the happy path', () => {
    expect(pipelineSteps('rejected').map((s) => s.state)).toEqual(['done', 'todo', 'todo', 'todo']);
  });

  it('knows which statuses are final', () => {
    expect(['offer', 'rejected', 'withdrawn'].every(isFinalStatus)).toBe(true);
    expect(['received', 'reviewing', 'interview'].some(isFinalStatus)).toBe(false);
  });
});

describe('notification links', () => {
  it('keeps paths in this app and ignores anything off-site, protocol-relative links included', () => {
    expect(notificationHref('/candidaturas')).toBe('/candidaturas');
    expect(notificationHref('/vagas/abc')).toBe('/vagas/abc');
    expect(notificationHref('https://evil.example')).toBeNull();
    expect(notificationHref('//evil.example/candidaturas')).toBeNull();
    expect(notificationHref('/\\evil.example')).toBeNull();
    expect(notificationHref(null)).toBeNull();
  });
});
