import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ptBR } from './pt-BR';
import { en } from './en';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type AppLanguage = (typeof LANGUAGES)[number];
const KEY = 'compila.language';

export function initialLanguage(): AppLanguage {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  // pt-BR for everyone until they pick English in the header: the platform is made for Brazil.
  return saved === 'en' ? 'en' : 'pt-BR';
}

export function setLanguage(language: AppLanguage): void {
  localStorage.setItem(KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'pt-BR',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
