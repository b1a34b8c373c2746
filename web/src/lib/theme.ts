export type Theme = 'light' | 'dark';
const KEY = 'compila.theme';

export function currentTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
  localStorage.setItem(KEY, theme);
  window.dispatchEvent(new CustomEvent('compila:theme', { detail: theme }));
}
