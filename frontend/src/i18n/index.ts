import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

const KEY = 'onegrid.lang';
export const LANGUAGES = ['zh-CN', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

function stored(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** zh-CN by default; the English switch is remembered in localStorage. */
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: stored(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

/** Switches between Chinese and English and remembers the choice. */
export function toggleLanguage(): void {
  const next: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem(KEY, next);
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
}

export default i18n;
