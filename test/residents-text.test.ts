// Issue 13: language by script and letters, Arabizi, and the lexicon collisions fixed.
import { detectLanguage, termsOf, tokenize } from '../src/text';
import { arabiziToArabic, isArabiziDigitWord } from '../src/text/arabizi';

const terms = (s: string) => termsOf(tokenize(s));

test.each([
  ['el share3 kolo 7ofar', 'arabizi'],
  ['wallah el zbala ma tshalat men osbo3', 'arabizi'],
  ['The road has been closed for 2 days, 24/7 noise', 'en'],
  ['covid19 vaccine center, 3rd floor, 5pm', 'en'],
  ['سڑک پر بہت بڑا گڑھا ہے', 'ur'],
  ['sarak pe bohat gadhay hain', 'ur'],
  ['خیابان ما خراب است و آب گرفته', 'fa'],
  ['सड़क पर गड्ढा है', 'hi'],
  ['রাস্তায় গর্ত', 'bn'],
  ['Ang daan sa amin ay sira po', 'tl'],
  ['ما فيه إنارة في الشارع من أسبوع', 'ar'],
  ['الموظف ما رد علي وما قدرت أسجل', 'ar'],
])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

test('English words with digits are not Arabizi', () => {
  for (const w of ['covid19', 'mp3', '2nd', '5pm', '4g', 'b2b', '2day'])
    expect(isArabiziDigitWord(w)).toBe(false);
  for (const w of ['7ofra', '3ala', '7ay', '2na']) expect(isArabiziDigitWord(w)).toBe(true);
});

test('Arabizi is transliterated to Arabic', () => {
  expect(arabiziToArabic('el share3 kolo 7ofar')).toBe('الشارع كله حفر');
});

test('موية/مويه is water, not the negation مو', () => {
  expect(terms('الموية مقطوعة')).toEqual(terms('المياه مقطوعة'));
  expect(terms('مويه')).not.toContain(terms('مو')[0]);
});

test('no dialect mapping of 1-2 letter stems: مشي and شوي keep their meaning', () => {
  expect(terms('مشي')).not.toEqual(terms('مش'));
  expect(terms('شوي')).not.toEqual(terms('شو'));
});

test('مطعمين (vaccinated) is not مطعم (restaurant); طريقة is not طريق', () => {
  expect(terms('مطعمين')).not.toEqual(terms('مطعم'));
  expect(terms('الطريقة')).not.toEqual(terms('الطريق'));
});
