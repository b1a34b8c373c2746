import type { TFunction } from 'i18next';

export const LANGUAGE_NAMES: Record<string, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  go: 'Go',
  csharp: 'C#',
};

export function languageName(id: string): string {
  return LANGUAGE_NAMES[id] ?? id;
}

export function stackLabel(t: TFunction, stack: string): string {
  return t(`stack.${stack}`, { defaultValue: stack });
}

export function levelLabel(t: TFunction, level: string): string {
  return t(`level.${level}`, { defaultValue: level });
}
