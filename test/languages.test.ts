// Issue 13, languages: residents' tweets in Urdu (both scripts), Persian, Pashto, Hindi (both
// scripts), Bengali, Tagalog, Arabizi, English with digits and Arabic + English mixes go
// through the shipped rules + model and decide() as the bot runs them: the right category,
// a danger to life urgent like its Arabic twin, and the reply in a language the resident
// reads (agency.yml replyLanguages). The sentences are new: neither dev-set lines nor
// training examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRules, type ActiveRules } from '../src/policy/runtime';
import { loadRulePack } from '../src/pack/load';
import { createClassifier } from '../src/classify/classifier';
import { judge } from '../bench/judge';
import { chooseReplyLang } from '../src/reply';
import { createLogger } from '../src/log';
import { detectLanguage } from '../src/text';
import { glossesFor } from '../src/text/glossary';
import { tokenize } from '../src/text/tokenize';
import { arabiziToArabic } from '../src/text/arabizi';

const RULES = path.resolve(__dirname, '..', 'rules');
const NOW = new Date('2026-12-02T07:30:00Z'); // a Wednesday, 10:30 in Riyadh
const { pack } = loadRulePack(RULES);
let rules: ActiveRules;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-languages-'));
  rules = await buildRules(pack!, dataDir, createLogger({ level: 'error' }));
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(text: string) {
  const j = judge(rules, text, NOW);
  return { category: j.decision.category, urgent: j.urgent, reply: j.replyLang };
}

// [text, category, urgent, reply language]
const COMPLAINTS: [string, string, boolean, string][] = [
  // Urdu (Arabic script)
  ['ہماری گلی کا گٹر کئی دنوں سے بند ہے اور پانی باہر آ رہا ہے', 'water_sewage', false, 'en'],
  ['مسجد کے پاس کچرے کا ڈھیر لگا ہوا ہے', 'waste', false, 'en'],
  ['رات کو گلی میں کوئی لائٹ نہیں جلتی', 'lighting', false, 'en'],
  ['میرے بچے کو کتے نے کاٹ لیا ہے', 'animals_pests', true, 'en'],
  ['ہوٹل کا کھانا کھا کر الٹیاں شروع ہو گئیں', 'public_health', true, 'en'],
  ['عمارت کی دیوار میں بڑی دراڑیں ہیں، گرنے کا خطرہ ہے', 'buildings', true, 'en'],
  ['بجلی کا کھمبا ٹیڑھا ہو گیا ہے اور تاریں نیچے لٹک رہی ہیں', 'lighting', true, 'en'],
  ['ایپ میں ادائیگی نہیں ہو رہی', 'digital_services', false, 'en'],
  // Roman Urdu / Roman Hindi
  ['gali ka gutter band hai aur ganda pani ghar mein aa raha hai', 'water_sewage', false, 'en'],
  ['bijli ka khamba gir gaya hai sadak par', 'lighting', true, 'en'],
  ['hamari gali ki battiyan 2 hafte se band hain', 'lighting', false, 'en'],
  ['ek bacha khule gutter mein gir gaya', 'water_sewage', true, 'en'],
  ['imarat ki deewar mein daraar hai gir sakti hai', 'buildings', true, 'en'],
  ['mulazim ne badtameezi ki aur file wapas kar di', 'staff_conduct', false, 'en'],
  // Hindi (Devanagari)
  ['गली में कचरे का ढेर लगा है', 'waste', false, 'en'],
  ['सड़क पर खुला मैनहोल है, कोई गिर सकता है', 'water_sewage', true, 'en'],
  ['पुरानी इमारत की छत गिरने वाली है', 'buildings', true, 'en'],
  ['नाली जाम है और बदबू आ रही है', 'water_sewage', false, 'en'],
  // Bengali
  ['রাস্তায় বড় বড় গর্ত, গাড়ি চলতে পারে না', 'roads', false, 'en'],
  ['ড্রেনের ঢাকনা নেই, শিশু পড়ে যেতে পারে', 'water_sewage', true, 'en'],
  ['কুকুর কামড়েছে আমার ছেলেকে', 'animals_pests', true, 'en'],
  // Tagalog
  ['Ang basura sa kanto hindi pa nakukuha ng isang linggo', 'waste', false, 'en'],
  ['Kinagat ng aso ang anak ko kanina', 'animals_pests', true, 'en'],
  ['Tumatagas ang tubo ng tubig sa labas ng bahay namin', 'water_sewage', false, 'en'],
  ['Bastos ang empleyado sa munisipyo', 'staff_conduct', false, 'en'],
  // Persian, Pashto
  ['لوله آب ترکیده و آب در خیابان جاری است', 'water_sewage', false, 'en'],
  ['سیم برق لخت روی زمین افتاده', 'lighting', true, 'en'],
  ['سگ ولگرد پسرم را گاز گرفت', 'animals_pests', true, 'en'],
  ['زموږ سړک کې کندې دي او موټرې ماتېږي', 'roads', false, 'en'],
  // Arabizi: read in Arabic letters, answered in Arabic
  ['el anwar 6afya min osboo3', 'lighting', false, 'ar'],
  ['el nifayat mtraakma 3nd el 7awya', 'waste', false, 'ar'],
  ['el manhal maftoo7 w el atfal yel3aboon 7oolah', 'water_sewage', true, 'ar'],
  ['fi silk kahraba makshoof jamb el bait', 'lighting', true, 'ar'],
  // English with digits, Arabic + English
  ['Garbage bins on 3rd street not emptied for 10 days', 'waste', false, 'en'],
  ['Manhole open near building 12, kids play there', 'water_sewage', true, 'en'],
  ['الـ app ما يفتح من امس وكل ما ادخل يطلع error', 'digital_services', false, 'ar'],
];

test.each(COMPLAINTS)('%s → %s', (text, category, urgent, reply) => {
  expect(run(text)).toEqual({ category, urgent, reply });
});

test('a danger told in any language is urgent through the staff signals alone, like its Arabic twin', () => {
  const signalsOnly = createClassifier({ pack: pack!, threshold: 0.55 });
  const dangers = [
    'ننگی تار سے بچے کو کرنٹ لگ سکتا ہے', // Urdu: a bare wire, a child may get a shock
    'nangi taar latak rahi hai khambe se', // Roman Urdu: a bare wire hanging from a pole
    'May live wire na nakalaylay sa poste', // Tagalog
    'बच्चा बारिश के पानी में डूब गया', // Hindi: a child drowned in the rain water
    'آتش سوزی در ساختمان ما', // Persian: fire in our building
    'purani building ki chhat gir gayi, log zakhmi hain', // Roman Urdu: a roof fell, people hurt
  ];
  for (const t of dangers) expect([t, signalsOnly.classify(t).urgent]).toEqual([t, true]);
  // The same words without a danger stay ordinary.
  for (const t of ['گلی کی بتیاں بند ہیں', 'kachra 3 din se nahi uthaya', 'Walang ilaw sa kalye namin'])
    expect([t, signalsOnly.classify(t).urgent]).toEqual([t, false]);
});

test('the language is read from script, letters and function words', () => {
  const cases: [string, string][] = [
    ['گٹر ابل رہا ہے', 'ur'],
    ['سڑک خراب', 'ur'], // one Urdu letter (ڑ) is enough
    ['کچرا', 'ur'],
    ['آب نداریم', 'fa'],
    ['زموږ کوڅه کې کثافات دي', 'ps'],
    ['وش السالفة يا بلدية؟ الحفرة للحين', 'ar'],
    ['چذي الشارع خربان من سنة', 'ar'], // a Gulf چ does not make it Urdu
    ['الشارع فی حفره کبیره', 'ar'], // Arabic typed on a Persian keyboard
    ['الـ street light عند بيتنا طافي من week', 'ar'],
    ['shukran', 'arabizi'],
    ['el zbaleh ma7ada shalha', 'arabizi'],
    ['3 days no water in 2nd street', 'en'],
    ['kachra 5 din se para hai', 'ur'],
    ['street light kharab hai', 'ur'],
    ['Walang ilaw sa kalye namin', 'tl'],
    ['सड़क पर गड्ढा है', 'hi'],
    ['রাস্তায় গর্ত', 'bn'],
    ['@mujib 🚮🚮🚮 #زبالة', 'ar'],
    ['@mujib 😡😡 https://t.co/abc', 'other'],
  ];
  for (const [t, lang] of cases) expect([t, detectLanguage(t)]).toEqual([t, lang]);
});

test('glosses: Arabic words for the foreign municipal words, two-word names and word pairs', () => {
  const g = (lang: Parameters<typeof glossesFor>[0], t: string) => glossesFor(lang, tokenize(t));
  expect(g('ur', 'مین ہول کھلا ہے')).toEqual(['منهل', 'مفتوح']);
  expect(g('ur', 'gutter ka dhakkan nahi hai')).toEqual(['منهل', 'غطاء', 'بدون غطاء']);
  expect(g('ur', 'gaddhe')).toEqual(g('ur', 'gadhay')); // doubled letters and a final -ay
  expect(g('bn', 'রাস্তায়')).toEqual(['شارع']); // a Bengali case ending
  expect(g('tl', 'asong gala')).toEqual(['كلاب', 'ضاله']); // the Tagalog linker -ng
  expect(g('ur', 'کھانا کھا کر بیمار')).toContain('تسمم');
  // Spellings vary: the consonants of a Roman Urdu word, a final ا or ہ in Urdu script.
  expect(g('ur', 'kchra')).toEqual(g('ur', 'kachra'));
  expect(g('ur', 'کچرہ')).toEqual(g('ur', 'کچرا'));
  // English words mixed into Roman Urdu are not read as its words (green/girne, post/poste).
  expect(g('ur', 'green post land train rest billing')).toEqual([]);
  // Urdu اور is "and" (Pashto اور is "fire"): the detected language's lexicon comes first.
  expect(g('ur', 'اور')).toEqual([]);
  expect(g('ps', 'اور')).toEqual(['حريق']);
  // Arabic and English are never glossed.
  expect(g('ar', 'خراب')).toEqual([]);
  expect(g('en', 'kachra')).toEqual([]);
});

test('Arabizi readings: a known Arabic word among the vowel and letter variants', () => {
  expect(arabiziToArabic('el anwar 6afya')).toBe('الانوار طافيه');
  expect(arabiziToArabic('gdam bitna')).toBe('قدام بيتنا');
  expect(arabiziToArabic('share3na')).toBe('شارعنا');
  expect(arabiziToArabic('m3allag')).toBe('معلق');
});

test('the agency chooses the reply language of each detected language', () => {
  const agency = rules.policy.agency;
  expect(
    ['ar', 'arabizi', 'en', 'ur', 'fa', 'ps', 'hi', 'bn', 'tl'].map((l) => chooseReplyLang(l, agency)),
  ).toEqual(['ar', 'ar', 'en', 'en', 'en', 'en', 'en', 'en', 'en']);
  // A pack whose agency.yml answers Urdu in Arabic (replyLanguages: { ur: ar }).
  expect(chooseReplyLang('ur', { ...agency, replyLanguages: { ...agency.replyLanguages, ur: 'ar' } })).toBe(
    'ar',
  );
  // Nothing to read (only emoji and handles): the agency's default language.
  expect(chooseReplyLang('other', agency)).toBe(agency.defaultLanguage);
});
