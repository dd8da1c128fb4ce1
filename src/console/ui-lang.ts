// The console's two interface languages, apart from the message tables that use them.

export type UiLang = 'ar' | 'en';

export const UI_LANGS: readonly UiLang[] = ['ar', 'en'];

export const isUiLang = (v: unknown): v is UiLang => v === 'ar' || v === 'en';
