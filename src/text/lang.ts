// The resident's language, the lowest shared notion: text detects it, classification,
// replies and the console read it.

/** The resident's language (src/text/language.ts): Arabic, English, Arabizi (Arabic in Latin
 *  letters), Urdu (either script), Persian, Pashto, Hindi, Bengali, Tagalog, or other. */
export type Lang = 'ar' | 'en' | 'arabizi' | 'ur' | 'fa' | 'ps' | 'hi' | 'bn' | 'tl' | 'other';

/** The two languages every reply template has. */
export type BaseLang = 'ar' | 'en';

/** A language replies are written in: a language code, 'ar' and 'en' always, any other
 *  (e.g. 'ur') where the pack's templates carry it (issue 13). */
export type ReplyLang = string;

/** Texts in the base languages and any others: `{ ar, en, ur? … }`. */
export type InLangs<T> = Record<BaseLang, T> & { [lang: string]: T | undefined };

/** The text in `lang`, else English (the language every template has besides Arabic). */
export const inLang = <T>(t: InLangs<T>, lang: ReplyLang): T => t[lang] ?? t.en;

/** The language a reply in `lang` is written in: `lang` when these texts have it, else English. */
export const writtenIn = (t: InLangs<unknown>, lang: ReplyLang): ReplyLang =>
  t[lang] !== undefined ? lang : 'en';
