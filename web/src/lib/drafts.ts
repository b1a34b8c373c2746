/** The learner's code per challenge and language, kept in localStorage so a reload never loses it. */
const PREFIX = 'compila.draft';

function key(slug: string, language: string): string {
  return `${PREFIX}:${slug}:${language}`;
}

export function loadDraft(slug: string, language: string): string | null {
  try {
    return localStorage.getItem(key(slug, language));
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, language: string, code: string, starter: string): void {
  try {
    if (code === starter) localStorage.removeItem(key(slug, language));
    else localStorage.setItem(key(slug, language), code);
  } catch {
    // Storage full or blocked: the editor still works, the draft is just not remembered.
  }
}

export function clearDraft(slug: string, language: string): void {
  localStorage.removeItem(key(slug, language));
}

const LANGUAGE_KEY = `${PREFIX}:language`;

export function preferredLanguage(): string | null {
  return localStorage.getItem(LANGUAGE_KEY);
}

export function rememberLanguage(language: string): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}
