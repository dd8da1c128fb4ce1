// Arabizi: Arabic written in Latin letters with digits for the letters Latin lacks
// (2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 ق/غ, 9 ص/ق: "el share3 kolo 7ofar"). Detected from digits
// inside words plus a lexicon of common Arabizi words, so English with digits ("2 days",
// "24/7", "covid19", "mp3", "2nd") is not mistaken for it; transliterated back to Arabic
// letters so the rules and the model (which know Arabic) can read it.
import { ARABIZI_KNOWN } from './arabizi-words';

// Common Arabizi words (Gulf, Levantine, Egyptian) → Arabic. Only words that are not English
// words: "law", "min", "bas", "ma", "mal", "hum" are left out of detection (see NOT_EVIDENCE).
const LEXICON: Record<string, string> = {
  // function words
  el: 'ال',
  il: 'ال',
  al: 'ال',
  w: 'و',
  wa: 'و',
  ya: 'يا',
  ana: 'انا',
  ena: 'انا',
  e7na: 'احنا',
  ehna: 'احنا',
  '7na': 'حنا',
  enta: 'انت',
  inta: 'انت',
  enti: 'انتي',
  inti: 'انتي',
  ento: 'انتو',
  into: 'انتو',
  entu: 'انتو',
  howa: 'هو',
  huwa: 'هو',
  heya: 'هي',
  hiya: 'هي',
  hom: 'هم',
  mafi: 'ما فيه',
  mafee: 'ما فيه',
  mafeesh: 'ما فيه',
  mafish: 'ما فيه',
  mfi: 'ما فيه',
  fi: 'في',
  fe: 'في',
  fih: 'فيه',
  feeh: 'فيه',
  feh: 'فيه',
  fee: 'في',
  mish: 'مش',
  msh: 'مش',
  mesh: 'مش',
  mo: 'مو',
  mu: 'مو',
  mub: 'موب',
  mb: 'مب',
  leh: 'ليه',
  lesh: 'ليش',
  leish: 'ليش',
  lysh: 'ليش',
  wain: 'وين',
  wen: 'وين',
  wein: 'وين',
  fein: 'فين',
  fen: 'فين',
  shu: 'شو',
  sho: 'شو',
  esh: 'ايش',
  eish: 'ايش',
  wesh: 'وش',
  wsh: 'وش',
  keef: 'كيف',
  kif: 'كيف',
  kaif: 'كيف',
  emta: 'امتى',
  imta: 'امتى',
  mata: 'متى',
  kam: 'كم',
  '3shan': 'عشان',
  ashan: 'عشان',
  '3ashan': 'عشان',
  '3lshan': 'علشان',
  '3la': 'على',
  '3ala': 'على',
  ala: 'على',
  '3an': 'عن',
  ma3: 'مع',
  m3: 'مع',
  ba3d: 'بعد',
  b3d: 'بعد',
  '2abl': 'قبل',
  gabl: 'قبل',
  kol: 'كل',
  kul: 'كل',
  kolo: 'كله',
  kollo: 'كله',
  kulo: 'كله',
  kolha: 'كلها',
  kulha: 'كلها',
  lissa: 'لسه',
  lesa: 'لسه',
  lsa: 'لسا',
  lil7in: 'للحين',
  ll7in: 'للحين',
  ala7in: 'الحين',
  al7in: 'الحين',
  el7in: 'الحين',
  al7een: 'الحين',
  alheen: 'الحين',
  hala2: 'هلأ',
  halla2: 'هلأ',
  ya3ni: 'يعني',
  yani: 'يعني',
  y3ni: 'يعني',
  kaman: 'كمان',
  kman: 'كمان',
  bs: 'بس',
  wala: 'ولا',
  walla: 'والله',
  wallah: 'والله',
  wallahi: 'والله',
  wlh: 'والله',
  yalla: 'يلا',
  yallah: 'يلا',
  khalas: 'خلاص',
  '5alas': 'خلاص',
  '5las': 'خلاص',
  inshallah: 'ان شاء الله',
  insha2allah: 'ان شاء الله',
  mashallah: 'ما شاء الله',
  shukran: 'شكرا',
  shokran: 'شكرا',
  shkran: 'شكرا',
  '4kran': 'شكرا',
  mashkoor: 'مشكور',
  mashkoorin: 'مشكورين',
  ahlan: 'اهلا',
  marhaba: 'مرحبا',
  salam: 'سلام',
  assalamu: 'السلام',
  alaikum: 'عليكم',
  alaykum: 'عليكم',
  '3alaikum': 'عليكم',
  habibi: 'حبيبي',
  '7abibi': 'حبيبي',
  kteer: 'كثير',
  ktir: 'كثير',
  kteir: 'كثير',
  wayed: 'وايد',
  wayid: 'وايد',
  mara: 'مره',
  marra: 'مره',
  shway: 'شوي',
  shwaya: 'شويه',
  zay: 'زي',
  zai: 'زي',
  kida: 'كذا',
  keda: 'كدا',
  kitha: 'كذا',
  kitheh: 'كذا',
  tayeb: 'طيب',
  tayb: 'طيب',
  '6ayeb': 'طيب',
  zain: 'زين',
  zein: 'زين',
  zeen: 'زين',
  kwayes: 'كويس',
  kwayyes: 'كويس',
  abi: 'ابي',
  abgha: 'ابغى',
  abga: 'ابغى',
  '2abi': 'ابي',
  bade: 'بدي',
  biddi: 'بدي',
  '3ayz': 'عايز',
  '3awez': 'عاوز',
  '7aram': 'حرام',
  '3eib': 'عيب',
  '3ayb': 'عيب',
  '3ib': 'عيب',
  ta3ban: 'تعبان',
  t3ban: 'تعبان',
  '6ab3an': 'طبعا',
  '6ab': 'طب',
  sar: 'صار',
  '9ar': 'صار',
  sarli: 'صار لي',
  '9arli': 'صار لي',
  yom: 'يوم',
  youm: 'يوم',
  ayam: 'ايام',
  '2yam': 'ايام',
  usbo3: 'اسبوع',
  esbo3: 'اسبوع',
  osbo3: 'اسبوع',
  shahr: 'شهر',
  sa3a: 'ساعه',
  sa3at: 'ساعات',
  '2esbo3': 'اسبوع',
  sabah: 'صباح',
  saba7: 'صباح',
  masa: 'مساء',
  masa2: 'مساء',
  '5air': 'خير',
  khair: 'خير',
  kheir: 'خير',
  '5eir': 'خير',
  jama3a: 'جماعه',
  '3eed': 'عيد',
  '3id': 'عيد',
  mubarak: 'مبارك',
  mbarak: 'مبارك',
  jum3a: 'جمعه',
  jom3a: 'جمعه',
  ramadan: 'رمضان',
  kareem: 'كريم',
  ma8too3a: 'مقطوعه',
  ma8too3: 'مقطوع',
  ma8to3a: 'مقطوعه',
  maqtoo3a: 'مقطوعه',
  maqtoo3: 'مقطوع',
  mag6oo3a: 'مقطوعه',
  sob7: 'صبح',
  subo7: 'صبح',
  '3ndna': 'عندنا',
  '3indna': 'عندنا',
  lel: 'لل',
  lil: 'لل',
  ll: 'لل',
  ayla: 'ايله',
  ayel: 'ايل',
  ayil: 'ايل',
  so8oo6: 'سقوط',
  su8oo6: 'سقوط',
  soqoot: 'سقوط',
  suqoot: 'سقوط',
  so8o6: 'سقوط',
  '8adeema': 'قديمه',
  '8adeem': 'قديم',
  gadeema: 'قديمه',
  qadeema: 'قديمه',
  inhiyar: 'انهيار',
  in7iyar: 'انهيار',
  '6a7': 'طاح',
  '6a7at': 'طاحت',
  '6aye7': 'طايح',
  '7ad': 'احد',
  a7ad: 'احد',
  // short words the letter-by-letter reading gets wrong (ma is not مه)
  ma: 'ما',
  la: 'لا',
  fel: 'في ال',
  fil: 'في ال',
  bel: 'بال',
  bil: 'بال',
  lama: 'لما',
  men: 'من',
  mn: 'من',
  '3al': 'على',
  '3nd': 'عند',
  '3ind': 'عند',
  '3end': 'عند',
  ma7ad: 'محد',
  ma7ada: 'محد',
  m7d: 'محد',
  ma7d: 'محد',
  ams: 'امس',
  elyom: 'اليوم',
  alyom: 'اليوم',
  elyoum: 'اليوم',
  // municipal matters
  share3: 'شارع',
  sharee3: 'شارع',
  fieran: 'فئران',
  fiaran: 'فئران',
  sharei: 'شارع',
  shawa3: 'شوارع',
  shawari3: 'شوارع',
  '6ari2': 'طريق',
  tari2: 'طريق',
  taree2: 'طريق',
  '6ree2': 'طريق',
  '6ari8': 'طريق',
  '7ay': 'حي',
  '7ai': 'حي',
  '7ara': 'حاره',
  '7ofra': 'حفره',
  '7ufra': 'حفره',
  '7ofar': 'حفر',
  '7ufar': 'حفر',
  '7fr': 'حفر',
  '7ofrah': 'حفره',
  zefta: 'زفته',
  zifta: 'زفته',
  asfalt: 'اسفلت',
  '2sfalt': 'اسفلت',
  nour: 'نور',
  noor: 'نور',
  '2nara': 'اناره',
  enara: 'اناره',
  inara: 'اناره',
  '3amood': 'عمود',
  '3amod': 'عمود',
  kahraba: 'كهرباء',
  kahrba: 'كهرباء',
  ka7raba: 'كهرباء',
  mayah: 'مياه',
  maya: 'مياه',
  moya: 'مويه',
  mooya: 'مويه',
  mooyah: 'مويه',
  mai: 'ماء',
  ma2: 'ماء',
  majari: 'مجاري',
  mjari: 'مجاري',
  maja6ir: 'مجاري',
  bayyara: 'بياره',
  bayara: 'بياره',
  balo3a: 'بالوعه',
  ballo3a: 'بالوعه',
  bal3a: 'بالوعه',
  manhal: 'منهل',
  zbala: 'زباله',
  zibala: 'زباله',
  zbale: 'زباله',
  zebala: 'زباله',
  nafayat: 'نفايات',
  nifayat: 'نفايات',
  '7awya': 'حاويه',
  '7awiya': 'حاويه',
  klab: 'كلاب',
  kilab: 'كلاب',
  kalb: 'كلب',
  '2o6a6': 'قطط',
  '8o6a6': 'قطط',
  fe2ran: 'فئران',
  fi2ran: 'فئران',
  '9ra9eer': 'صراصير',
  sra9eer: 'صراصير',
  '7adee8a': 'حديقه',
  '7adi2a': 'حديقه',
  '7adeeqa': 'حديقه',
  ba8ala: 'بقاله',
  "ma6'3am": 'مطعم',
  ma63am: 'مطعم',
  mat3am: 'مطعم',
  '3imara': 'عماره',
  '3emara': 'عماره',
  mabna: 'مبنى',
  baladiya: 'بلديه',
  baladeya: 'بلديه',
  baladya: 'بلديه',
  amana: 'امانه',
  mosta5dem: 'مستخدم',
  '5arban': 'خربان',
  '5arbana': 'خربانه',
  '5rban': 'خربان',
  kharban: 'خربان',
  '3a6el': 'عاطل',
  '3otl': 'عطل',
  '6afi': 'طافي',
  '6afya': 'طافيه',
  ma8to3: 'مقطوع',
  '2a6e3': 'قاطع',
  mag6oo3: 'مقطوع',
  in8a6a3: 'انقطع',
  '2n8a6a3': 'انقطع',
  tafe7: 'طافح',
  '6af7': 'طفح',
  ghar2an: 'غرقان',
  '8ar2an': 'غرقان',
  "3'ar2an": 'غرقان',
  gharag: 'غرق',
  '8ara8': 'غرق',
  mafto7: 'مفتوح',
  maftoo7: 'مفتوح',
  '7aree8': 'حريق',
  '7ari2': 'حريق',
  '7ree8': 'حريق',
  '3a9': 'عض',
  '3ad': 'عض',
  '3addni': 'عضني',
  '3a99ni': 'عضني',
  "3'az": 'غاز',
  ghaz: 'غاز',
  '5a6ar': 'خطر',
  '5a6eer': 'خطير',
  '5ateer': 'خطير',
  '5tr': 'خطر',
  '5aleeha': 'خليها',
  mushkila: 'مشكله',
  mushkle: 'مشكله',
  moshkela: 'مشكله',
  mshkla: 'مشكله',
  shakwa: 'شكوى',
  balagh: 'بلاغ',
  "bala3'": 'بلاغ',
  mawthaf: 'موظف',
  // staff, service and the app, as residents spell them (issue 13: Arabizi got 2 of 8 topics)
  mwa6af: 'موظف',
  mowa6af: 'موظف',
  mwazaf: 'موظف',
  mowazaf: 'موظف',
  muwazzaf: 'موظف',
  mowathaf: 'موظف',
  mwa6afeen: 'موظفين',
  mowazafeen: 'موظفين',
  mwazafeen: 'موظفين',
  mowathafeen: 'موظفين',
  mudeer: 'مدير',
  modeer: 'مدير',
  mo3amala: 'معامله',
  mu3amala: 'معامله',
  m3amla: 'معامله',
  ta3amol: 'تعامل',
  t3amol: 'تعامل',
  ta3amolo: 'تعامله',
  ta3amolhom: 'تعاملهم',
  sayi2: 'سيئ',
  sayye2: 'سيئ',
  say2: 'سيئ',
  yrd: 'يرد',
  yrid: 'يرد',
  yerid: 'يرد',
  yruddon: 'يردون',
  yrdon: 'يردون',
  yrdoon: 'يردون',
  intithar: 'انتظار',
  entezar: 'انتظار',
  inti6ar: 'انتظار',
  tatbee8: 'تطبيق',
  tatbeeq: 'تطبيق',
  tatbi8: 'تطبيق',
  tatbeq: 'تطبيق',
  mawqe3: 'موقع',
  maw8e3: 'موقع',
  mawge3: 'موقع',
  nitham: 'نظام',
  nizam: 'نظام',
  ni6am: 'نظام',
  yfta7: 'يفتح',
  yefta7: 'يفتح',
  ytfta7: 'يفتح',
  '3ale8': 'عالق',
  m3alla8: 'معلق',
  m3allag: 'معلق',
  dafa3t: 'دفعت',
  daf3: 'دفع',
  rusoom: 'رسوم',
  rsoom: 'رسوم',
  ro5sa: 'رخصه',
  rukhsa: 'رخصه',
  malyana: 'مليانه',
  malyan: 'مليان',
  malyaneh: 'مليانه',
  tanzeef: 'تنظيف',
  tan6eef: 'تنظيف',
  nathafa: 'نظافه',
  na6afa: 'نظافه',
  ree7a: 'ريحه',
  ri7a: 'ريحه',
  re7a: 'ريحه',
  '9ar9oor': 'صرصور',
  '7asharat': 'حشرات',
  '7ashrat': 'حشرات',
  ba3oo9: 'بعوض',
  ba3oud: 'بعوض',
  mal3ab: 'ملعب',
  mamsha: 'ممشى',
  raseef: 'رصيف',
  rasif: 'رصيف',
  ma6ab: 'مطب',
  matab: 'مطب',
  '2esharat': 'اشارات',
  '2ishara': 'اشاره',
  mowa6en: 'مواطن',
  muwa6in: 'مواطن',
  // who or what is at risk, so urgent.yml's signals (harm + person) see Arabizi dangers too
  '3eyal': 'عيال',
  '3yal': 'عيال',
  '3iyal': 'عيال',
  '3eal': 'عيال',
  '3yali': 'عيالي',
  '3eyali': 'عيالي',
  a6fal: 'اطفال',
  atfal: 'اطفال',
  '6ifl': 'طفل',
  '6efl': 'طفل',
  tifl: 'طفل',
  walad: 'ولد',
  wld: 'ولد',
  wildi: 'ولدي',
  waldi: 'ولدي',
  weldi: 'ولدي',
  awlad: 'اولاد',
  wlad: 'اولاد',
  bnti: 'بنتي',
  binti: 'بنتي',
  '6ollab': 'الطلاب',
  '6ullab': 'الطلاب',
  tollab: 'الطلاب',
  sayyara: 'سياره',
  sayara: 'سياره',
  sayyarah: 'سياره',
  sayarah: 'سياره',
  sayyarat: 'سيارات',
  sayarat: 'سيارات',
  '3a99at': 'عضت',
  '3addat': 'عضت',
  '3a9at': 'عضت',
  '3a99ah': 'عضه',
  '3a99aw': 'عضوا',
};

// Lexicon words too common in English (or names) to count as evidence of Arabizi by themselves.
const NOT_EVIDENCE = new Set([
  'ma',
  'la',
  'lama',
  'men',
  'ams',
  'al',
  'w',
  'fee',
  'ala',
  'mai',
  'maya',
  'salam',
  'into',
  'kam',
  'sar',
  'mara',
  'bs',
  'zay',
  'wen',
  'fen',
  'hom',
  'kalb',
  'abi',
  'bade',
  'fe',
  'il',
  'ya',
  'mata',
  'wa',
  'kol',
  'kul',
  'amana',
  'asfalt',
  'shahr',
  'yom',
  'noor',
  'nour',
]);

// English tokens with digits inside (ordinals, units, codes, texting).
const ENGLISH_DIGIT_WORD =
  /^(?:\d+(?:st|nd|rd|th|am|pm|h|hrs?|min|mins|k|km|m|kg|g|gb|mb|x|s|yr|yrs|sec|d|ml|l)|[a-z]+\d+|\d[a-z]|[a-z]\d[a-z]|2day|2nite|2night|2morrow|2moro|4u|4ever|gr8|l8r|w8|b4|h8|m8|sk8|str8)$/;
const ARABIZI_DIGIT = /[2-9]/;

/** Does this Latin word use digits for Arabic letters (7ofra, 3ala, sha3'el, 2na)? */
export function isArabiziDigitWord(w: string): boolean {
  if (!/[a-z]/.test(w) || !ARABIZI_DIGIT.test(w) || ENGLISH_DIGIT_WORD.test(w)) return false;
  // At least two letters, and a digit next to a letter (not only a number glued to a word end).
  return (w.match(/[a-z]/g)?.length ?? 0) >= 2 && /[a-z][2-9]|[2-9][a-z]/.test(w);
}

/** Evidence that lower-cased Latin words are Arabizi: digit-letter words count 2, lexicon words 1. */
export function arabiziScore(words: readonly string[]): number {
  let score = 0;
  for (const w of words) {
    if (isArabiziDigitWord(w)) score += 2;
    else if (Object.hasOwn(LEXICON, w) && !NOT_EVIDENCE.has(w)) score += 1;
  }
  return score;
}

// Letter by letter, for words the lexicon lacks: digraphs first, short vowels inside a word
// dropped (Arabic does not write them), long vowels (aa, ee, oo) and first vowels kept.
const DIGRAPHS: [string, string][] = [
  ["3'", 'غ'],
  ["7'", 'خ'],
  ["6'", 'ظ'],
  ["9'", 'ض'],
  ['sh', 'ش'],
  ['kh', 'خ'],
  ['gh', 'غ'],
  ['th', 'ث'],
  ['dh', 'ذ'],
  ['ch', 'تش'],
  ['aa', 'ا'],
  ['ee', 'ي'],
  ['ii', 'ي'],
  ['oo', 'و'],
  ['ou', 'و'],
  ['uu', 'و'],
  ['ei', 'ي'],
  ['ai', 'اي'],
  ['ay', 'اي'],
];
const LETTERS: Record<string, string> = {
  '2': 'ء',
  '3': 'ع',
  '4': 'ذ',
  '5': 'خ',
  '6': 'ط',
  '7': 'ح',
  '8': 'ق',
  '9': 'ص',
  b: 'ب',
  t: 'ت',
  j: 'ج',
  g: 'ج',
  d: 'د',
  r: 'ر',
  z: 'ز',
  s: 'س',
  f: 'ف',
  q: 'ق',
  k: 'ك',
  l: 'ل',
  m: 'م',
  n: 'ن',
  h: 'ه',
  w: 'و',
  y: 'ي',
  p: 'ب',
  v: 'ف',
  x: 'كس',
  c: 'ك',
};

// The other Arabic letters a Latin letter may stand for (Gulf g is ق, t may be ط …), and the
// long vowel an inner vowel may stand for: tried when the first reading is not a known word.
const ALTERNATIVES: Record<string, string[]> = {
  g: ['ق'],
  t: ['ط'],
  s: ['ص'],
  d: ['ض', 'ظ'],
  z: ['ظ'],
  h: ['ح'],
  '2': ['ا', 'ئ'],
  '6': ['ظ'],
  '8': ['غ'],
  '9': ['ق'],
  th: ['ذ'],
  dh: ['ض', 'ظ'],
  ai: ['ي'],
  ay: ['ي'],
  ei: ['اي'],
};
const LONG: Record<string, string> = { a: 'ا', e: 'ي', i: 'ي', o: 'و', u: 'و' };
const FINAL: Record<string, string[]> = { a: ['ه', 'ا', 'ي'], e: ['ه', 'ي'], i: ['ي'], o: ['و'], u: ['و'] };
// Possessive endings: share3na is شارعنا, bitna بيتنا.
const ENDINGS: [string, string][] = [
  ['na', 'نا'],
  ['ha', 'ها'],
  ['hom', 'هم'],
  ['hum', 'هم'],
  ['kom', 'كم'],
  ['i', 'ي'],
];
const MAX_READINGS = 512;

/** The Arabic readings of a Latin word, the plain letter-by-letter one first. */
function readings(w: string, max = MAX_READINGS): string[] {
  // Shadda is not written in Arabic: a doubled consonant is one letter (m3allag).
  const word = w.replace(/([^aeiou])\1+/g, '$1');
  const slots: string[][] = [];
  for (let i = 0; i < word.length;) {
    const two = word.slice(i, i + 2);
    const d = DIGRAPHS.find(([k]) => k === two);
    if (d) {
      slots.push([d[1], ...(ALTERNATIVES[two] ?? [])]);
      i += 2;
      continue;
    }
    const c = word[i]!;
    if ('aeiou'.includes(c)) {
      if (i === 0) slots.push(['ا']);
      else if (i === word.length - 1) slots.push(FINAL[c]!);
      else slots.push(['', LONG[c]!]);
    } else {
      const letter = LETTERS[c] ?? c;
      slots.push([letter, ...(ALTERNATIVES[c] ?? [])]);
    }
    i++;
  }
  let out = [''];
  for (const options of slots) {
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(prefix + o);
    // Too many readings: keep each slot's first option from here on.
    out = next.length > max ? out.map((p) => p + options[0]!) : next;
  }
  return out;
}

// Longer Latin "words" (a pasted link, a hashtag run together) are read letter by letter only:
// the search over readings is for words, and a long post must stay fast.
const MAX_SEARCHED_LENGTH = 16;

function knownReading(w: string): string | undefined {
  if (w.length > MAX_SEARCHED_LENGTH) return undefined;
  const all = readings(w);
  const known = all.find((r) => ARABIZI_KNOWN.has(r));
  if (known) return known;
  // The construct state: ri7at ghaz is ريحة غاز (ريحه), not a plural.
  if (/[^aeiou](?:at|et)$/.test(w)) {
    const single = readings(w.slice(0, -1)).find((r) => ARABIZI_KNOWN.has(r));
    if (single) return single;
  }
  for (const [ending, arabic] of ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const base = w.slice(0, -ending.length);
    const hit = LEXICON[base] ?? readings(base).find((r) => ARABIZI_KNOWN.has(r));
    if (hit) return hit + arabic;
  }
  return undefined;
}

function transliterateWord(w: string): string {
  const hit = LEXICON[w];
  if (hit !== undefined) return hit;
  // A known word first (al3ab is العاب, not the article + عب), then the article glued to a
  // word: elshare3, al7ay.
  const known = knownReading(w);
  if (known) return known;
  const art = /^(?:el|al|il)(?=[a-z0-9']{3,})/.exec(w);
  if (art) return 'ال' + transliterateWord(w.slice(art[0].length));
  return plainReading(w);
}

/** The letter-by-letter reading: each slot's first option. */
function plainReading(w: string): string {
  return readings(w, 1)[0]!;
}

// English words Arabizi writers mix in (the app, the system, a pothole): kept in English,
// where the English rules and the model know them, instead of read as Arabic letters.
const ENGLISH_MIXED = new Set(
  'app application website site system portal login password otp code error account online link email sms update street road pothole manhole sewage garbage trash light lights traffic signal park playground restaurant cafe shop mall building tower compound villa flat apartment office staff employee manager customer service ticket number call phone mobile whatsapp please pls thanks sorry ok okay sir the is are not no and or but of to in on at for with from my our your this that there still again'.split(
    ' ',
  ),
);

/** Arabizi text in Arabic letters (non-Arabizi parts — handles, links, numbers — kept). */
export function arabiziToArabic(text: string): string {
  return text
    .replace(/[A-Za-z0-9']+/g, (m) => {
      if (/^\d+$/.test(m) || /^https?$/i.test(m)) return m;
      const w = m.toLowerCase();
      if (ENGLISH_MIXED.has(w)) return w; // "el app mo shaghal": the English rules know app
      return /[a-z]/.test(w) ? transliterateWord(w) : m;
    })
    .replace(/(^|\s)(ال|لل|بال)\s+(?=\p{Script=Arabic})/gu, '$1$2') // "el share3" is one Arabic word, الشارع
    .replace(/(^|\s)ال\s+(?=[a-z])/g, '$1'); // "el app": the English word alone
}
