import { useTranslation } from 'react-i18next';
import { setLanguage, type AppLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as AppLanguage;
  const next: AppLanguage = current === 'en' ? 'pt-BR' : 'en';
  return (
    <button
      type="button"
      className="icon-btn text-xs font-semibold"
      onClick={() => setLanguage(next)}
      aria-label={t('language.switchTo')}
      title={t('language.switchTo')}
    >
      {next === 'en' ? 'EN' : 'PT'}
    </button>
  );
}
