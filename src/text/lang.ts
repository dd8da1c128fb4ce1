// The resident's language, the lowest shared notion: text detects it, classification,
// replies and the console read it.

/** The resident's language (src/text/language.ts): Arabic, English, Arabizi (Arabic in Latin
 *  letters), Urdu (either script), Persian, Pashto, Hindi, Bengali, Tagalog, or other. */
export type Lang = 'ar' | 'en' | 'arabizi' | 'ur' | 'fa' | 'ps' | 'hi' | 'bn' | 'tl' | 'other';

/** The languages replies are written in. */
export type ReplyLang = 'ar' | 'en';
