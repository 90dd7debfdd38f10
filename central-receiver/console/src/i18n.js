// Labels in English, French and Dutch. Each page registers its own strings; the language is the
// user's choice (kept in this browser), else the browser's first supported language, else English.

export const LANGUAGES = ['en', 'fr', 'nl'];
export const LANGUAGE_NAMES = { en: 'English', fr: 'Français', nl: 'Nederlands' };
const dictionaries = { en: {}, fr: {}, nl: {} };
let current = initial();

function initial() {
  const saved = localStorage.getItem('anpr.language');
  if (LANGUAGES.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const code = String(l).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(code)) return code;
  }
  return 'en';
}

/** Adds strings: { en: {key: text}, fr: {...}, nl: {...} }. Every key must exist in all three. */
export function register(strings) {
  for (const l of LANGUAGES) Object.assign(dictionaries[l], strings[l] || {});
}

/** The text of {@code key} in the current language, with {name} placeholders filled from vars. */
export function t(key, vars) {
  let s = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
  return s;
}

export function language() {
  return current;
}

export function setLanguage(l) {
  if (!LANGUAGES.includes(l)) return;
  current = l;
  localStorage.setItem('anpr.language', l); // a preference, not a secret
  document.documentElement.lang = l;
}

/** Keys present in English but missing in another language (the browser tests check it is empty). */
export function missingKeys() {
  const out = [];
  for (const key of Object.keys(dictionaries.en)) {
    for (const l of LANGUAGES) if (!(key in dictionaries[l])) out.push(l + ':' + key);
  }
  return out;
}
