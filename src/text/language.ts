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
import { lexiconHits } from './glossary';

const ARABIC_LETTERS = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTERS = /(?=\p{L})\p{Script=Latin}/gu;
const DEVANAGARI = /(?=\p{L})\p{Script=Devanagari}/gu;
const BENGALI = /(?=\p{L})\p{Script=Bengali}/gu;
const LETTERS = /\p{L}/gu;
// Letters only Urdu writes (ٹ ڈ ڑ ں ے ۓ): one is enough. ہ ھ ۃ also appear when an Arabic
// keyboard app offers them, so they count half.
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BB\u06D2\u06D3]/gu;
const URDU_WEAK_LETTERS = /[\u06BE\u06C1\u06C2\u06C3]/gu;
const PASHTO_LETTERS = /[\u067C\u0689\u0693\u069A\u0696\u0681\u0685\u06CD\u06D0\u06BC]/gu;
// Letters of Persian and Urdu that Arabic does not use (پ چ ژ گ, keheh ک, Persian ی).
const NON_ARABIC_LETTERS = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/gu;
const PERSIAN_ONLY_LETTERS = /[\u0698]/gu;
const NOT_ARABIC_WORD =
  /[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06BB\u06BE\u06C1\u06D2\u06D3]/u;

// Function words in their own spelling (Persian ی U+06CC, keheh ک U+06A9, Urdu ہ ے ں): an
// Arabic tweet never contains them.
const URDU_WORDS = new Set(
  'ہے ہیں ہو ہوں ہوا ہوئی ہوئے کی کے کا کو میں نہیں سے اور یہ وہ بہت پر تھا تھی تھے گیا گئی گئے رہا رہی رہے کر کریں کرے کیا کیوں کوئی کچھ ہم ہمارے ہماری ہمارا آپ جی اس ان والے والا والی ساتھ لیے بھی ابھی تک جب پاس سامنے دن'.split(
    ' ',
  ),
);
const PERSIAN_WORDS = new Set(
  // Not ما / هم / تا / شد / بود: Arabic words too.
  'است را که این از در با می برای نیست هست هستند شده نشده خیلی چرا کجا چه شما آنها یک کنید کنم کند کنند دارد ندارد داریم نداریم میکند میکنند نمیکند میشود نمیشود اند ها های ایم'.split(
    ' ',
  ),
);
// Arabic function words (normalised): an Arabic tweet typed on a Persian keyboard (ی, ک)
// still reads as Arabic.
const ARABIC_WORDS = new Set(
  'في من على علي عن الى الي الي هذا هذه ما لا لم لن كل مع عند فيه فيها وش ايش ليش اللي الي يا والله حق حقت عشان مو مب'.split(
    ' ',
  ),
);
// Roman Urdu / Roman Hindi function words that are not English words ("to", "me", "main",
// "par", "sab" left out).
const ROMAN_URDU = new Set(
  'hai hain hay nahi nahin nhi mein mai ki ka ke ko se aur bohat bahut boht bhot bht kya kyun kyon yeh ye woh wo hum aap ap tha thi raha rahi rahe gaya gayi gaye gai karo kijiye kijye krein karein karen karain kar wala wali wale hoga hogi hota hoti hua hui hue huwa bhai bhi abhi sahib jaldi koi kuch hamare hamara hamari humare mere mera meri apna apne samne saamne liye tak kab kahan kaise kripya kripaya dein diya hoon hun'.split(
    ' ',
  ),
);
const TAGALOG = new Set(
  'ang ng mga po naman hindi yung kasi lang ako namin natin kami ito iyan yan wala walang meron dito doon diyan salamat paki pakiayos ninyo kayo sila talaga sobrang sa na nang pa din rin ba may mayroon ngayon kanina kahapon bukas araw gabi linggo ating aming niya nila siya rito ano bakit paano kailan saan'.split(
    ' ',
  ),
);
// Everyday English of complaints, so an English tweet with one Urdu-looking word stays English.
const ENGLISH_WORDS = new Set(
  'street road light lights water garbage trash pipe leak leaking broken fix fixed not working since days day week weeks month months near our my please pls sir madam hello thanks thank help park building dog dogs still no yet again there here problem issue gutter phone call hospital license expiry dustbin footpath sewerage band chat municipality'.split(
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
  if (ar > latin && ar * 2 >= all) return arabicScript(raw, s);
  if (latin > ar && latin * 2 >= all) return latinScript(s);
  if (count(s, DEVANAGARI) * 2 >= all) return 'hi';
  if (count(s, BENGALI) * 2 >= all) return 'bn';
  return 'other';
}

const words = (s: string) => s.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
const ARABIC_WORD = /^\p{Script=Arabic}+$/u;

function arabicScript(raw: string, normalized: string): Lang {
  const ws = words(raw).filter((w) => ARABIC_WORD.test(w));
  const pashto = count(raw, PASHTO_LETTERS);
  // Municipal words of the lexicons count too, when spelled with a letter Arabic lacks
  // (خراب is Arabic as well as Urdu; کچرا is not).
  const foreign = ws.filter((w) => NOT_ARABIC_WORD.test(w));
  const urdu =
    2 * count(raw, URDU_LETTERS) +
    count(raw, URDU_WEAK_LETTERS) +
    2 * ws.filter((w) => URDU_WORDS.has(w)).length +
    lexiconHits('ur', foreign);
  const persian =
    2 * ws.filter((w) => PERSIAN_WORDS.has(w)).length +
    2 * count(raw, PERSIAN_ONLY_LETTERS) +
    lexiconHits('fa', foreign);
  const other = count(raw, NON_ARABIC_LETTERS);
  const nws = words(normalized);
  const arabic =
    2 * nws.filter((w) => ARABIC_WORDS.has(w)).length + nws.filter((w) => /^ال\p{L}{2,}/u.test(w)).length;
  if (pashto >= 2 && pashto >= urdu / 2) return 'ps';
  // An Arabic tweet with a stray Persian-keyboard letter (چ for the Gulf "ch") stays Arabic.
  if (arabic > urdu + persian && arabic >= other) return 'ar';
  if (urdu >= 2 && urdu >= persian) return 'ur';
  if (persian >= 2) return 'fa';
  // Letters Arabic does not use and no Arabic function words: Urdu, the larger community.
  if (other >= 2 || (other >= 1 && urdu + persian >= 1)) return persian > urdu ? 'fa' : 'ur';
  return 'ar';
}

function latinScript(s: string): Lang {
  const ws = words(s);
  const english = ws.filter((w) => (isStopWord(w) && /^[a-z]+$/.test(w)) || ENGLISH_WORDS.has(w)).length;
  const arabizi = arabiziScore(ws);
  const nonEnglish = ws.filter((w) => !ENGLISH_WORDS.has(w) && !isStopWord(w));
  const urdu =
    ws.filter((w) => ROMAN_URDU.has(w)).length +
    lexiconHits(
      'ur',
      nonEnglish.filter((w) => !TAGALOG.has(w)),
    );
  const tagalog =
    ws.filter((w) => TAGALOG.has(w)).length +
    lexiconHits(
      'tl',
      nonEnglish.filter((w) => !ROMAN_URDU.has(w)),
    );
  if (arabizi >= 2 && arabizi > english && arabizi >= urdu && arabizi >= tagalog) return 'arabizi';
  if (urdu >= 2 && urdu >= english && urdu >= tagalog) return 'ur';
  if (tagalog >= 2 && tagalog >= english) return 'tl';
  // One word of evidence in a tweet of one or two words ("shukran", "kachra!").
  if (ws.length <= 2 && english === 0) {
    if (arabizi >= 1) return 'arabizi';
    if (urdu >= 1) return 'ur';
    if (tagalog >= 1) return 'tl';
  }
  return 'en';
}
