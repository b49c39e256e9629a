import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

const KEY = 'onegrid.lang';
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** zh-CN by default; the English switch is remembered in localStorage. */
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Switches between Chinese and English and remembers the choice. */
export function toggleLanguage(): void {
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem(KEY, next);
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
}

export default i18n;
