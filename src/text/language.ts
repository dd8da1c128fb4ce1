// Language from the script and the letters (DESIGN.md, issue 13): statistical detectors fail
// on 5-word tweets, while letter counts and a few function words are robust. Handles and URLs
// are ASCII noise in an Arabic tweet, so they are ignored; hashtag words count, they are content.
//
// Arabic script is shared by Arabic, Urdu, Persian and Pashto: letters Arabic does not use
// (ٹ ڈ ڑ ں ے ھ ہ; ټ ډ ړ ښ ږ ځ څ) and frequent function words written with the Persian ی / ک
// tell them apart. Latin script is English, Arabizi ("el share3 kolo 7ofar"), Roman Urdu or
// Tagalog: digits inside words standing for letters plus small lexicons of common words;
// English with digits ("2 days", "24/7", "covid19") is not Arabizi.
import type { Lang } from './lang';
import { normalize } from './normalize';
import { stripHandlesAndUrls } from './tokenize';
import { arabiziScore } from './arabizi';
import { isStopWord } from './stopwords';

const ARABIC_LETTERS = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTERS = /(?=\p{L})\p{Script=Latin}/gu;
const DEVANAGARI = /(?=\p{L})\p{Script=Devanagari}/gu;
const BENGALI = /(?=\p{L})\p{Script=Bengali}/gu;
const LETTERS = /\p{L}/gu;
// Letters of Urdu (not Arabic, not Persian) and of Pashto.
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BB\u06BE\u06C1\u06C2\u06C3\u06D2\u06D3]/gu;
const PASHTO_LETTERS = /[\u067C\u0689\u0693\u069A\u0696\u0681\u0685\u06CD\u06D0\u06BC]/gu;

// Function words in their own spelling (Persian ی U+06CC, keheh ک U+06A9, Urdu ہ ے ں): an
// Arabic tweet never contains them.
const URDU_WORDS = new Set(
  'ہے ہیں ہو ہوں کی کے کا کو میں نہیں سے اور یہ وہ بہت پر تھا تھی تھے گیا گئی رہا رہی رہے کر کریں کیا کیوں کوئی ہم آپ جی اس ان والے ساتھ لیے بھی ابھی'.split(
    ' ',
  ),
);
const PERSIAN_WORDS = new Set(
  // Not ما / هم / تا / شد / بود: Arabic words too.
  'است را که این از می برای نیست هست شده خیلی چرا کجا چه شما آنها یک کنید کنم دارد ندارد نمی'.split(' '),
);
// Roman Urdu (Urdu in Latin letters): frequent words that are not English words.
const ROMAN_URDU = new Set(
  'hai hain nahi nahin nhi mein mai ki ka ke ko se aur bohat bahut boht kya kyun kyon yeh ye woh wo hum aap ap tha thi raha rahi gaya gayi karo kijiye kijye krein karein wala wali hoga hogi hota bhai bhi abhi sahib sarak sadak gutter kachra pani bijli masla mashwara shikayat jaldi'.split(
    ' ',
  ),
);
// Roman Urdu words that are also common English words are not counted ("to", "me", "main").
const TAGALOG = new Set(
  'ang ng mga po naman hindi yung kasi lang ako namin natin kami ito iyan wala meron dito doon salamat paki pakiayos ninyo kayo sila talaga sobrang nasira sira daan kalsada tubig basura'.split(
    ' ',
  ),
);

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/** The resident's language: 'ar' (Arabic and Arabizi are both 'ar'/'arabizi'), 'en', 'ur'
 *  (Arabic-script or Roman Urdu), 'fa', 'ps', 'hi' (Devanagari), 'bn', 'tl', or 'other'. */
export function detectLanguage(text: string): Lang {
  // Before normalize(): it folds the Persian ی/ک into Arabic ي/ك, which Urdu/Persian need.
  const raw = stripHandlesAndUrls(String(text).normalize('NFKC').toLowerCase());
  const s = stripHandlesAndUrls(normalize(text));
  const ar = count(s, ARABIC_LETTERS);
  const latin = count(s, LATIN_LETTERS);
  const all = count(s, LETTERS);
  if (all === 0) return 'other';
  // A script "dominates" when it outnumbers the other and holds at least half the letters;
  // an Arabic tweet naming "King Fahd Rd" stays Arabic, a Cyrillic or 50/50 one is 'other'.
  if (ar > latin && ar * 2 >= all) return arabicScript(raw);
  if (latin > ar && latin * 2 >= all) return latinScript(s);
  if (count(s, DEVANAGARI) * 2 >= all) return 'hi';
  if (count(s, BENGALI) * 2 >= all) return 'bn';
  return 'other';
}

const words = (s: string) => s.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

function arabicScript(raw: string): Lang {
  const ws = words(raw);
  const pashto = count(raw, PASHTO_LETTERS);
  const urdu = count(raw, URDU_LETTERS) + 2 * ws.filter((w) => URDU_WORDS.has(w)).length;
  const persian = 2 * ws.filter((w) => PERSIAN_WORDS.has(w)).length;
  if (pashto >= 2 && pashto >= urdu / 2) return 'ps';
  if (urdu >= 2 && urdu >= persian) return 'ur';
  if (persian >= 2) return 'fa';
  return 'ar';
}

function latinScript(s: string): Lang {
  const ws = words(s);
  const english = ws.filter((w) => isStopWord(w) && /^[a-z]+$/.test(w)).length;
  const arabizi = arabiziScore(ws);
  const urdu = ws.filter((w) => ROMAN_URDU.has(w)).length;
  const tagalog = ws.filter((w) => TAGALOG.has(w)).length;
  if (arabizi >= 2 && arabizi > english && arabizi >= urdu) return 'arabizi';
  if (urdu >= 2 && urdu >= english) return 'ur';
  if (tagalog >= 2 && tagalog >= english) return 'tl';
  return 'en';
}
