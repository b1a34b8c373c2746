import type { TFunction } from 'i18next';
import { languageName } from '../challenges/labels';

/** A skill kind from the API (language, technology, stack) in the reader's language. */
export const skillKindLabel = (t: TFunction, kind: string) => t(`portfolio.skills.kinds.${kind}`, { defaultValue: kind });

/** A skill's name: languages and stacks have display names; technologies are shown as the catalog spells them. */
export function skillName(t: TFunction, kind: string, name: string): string {
  if (kind === 'language') return languageName(name);
  if (kind === 'stack') return t(`stack.${name}`, { defaultValue: name });
  return name;
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}
