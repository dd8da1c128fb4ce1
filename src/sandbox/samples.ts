// Sample citizen tweets for the built-in sandbox: what a municipality's mentions look like
// on an ordinary day (Saudi dialect, MSA, English; a few threads, retweets and urgent cases).

export interface SampleTweet {
  author: string;
  authorName: string;
  text: string;
  /** Index (in this list) of an earlier sample this one replies to, in its thread. */
  replyTo?: number;
  /** Index of an earlier sample this one retweets. */
  retweetOf?: number;
}

export const SANDBOX_SAMPLES: SampleTweet[] = [
  {
    author: 'abu_faisal88',
    authorName: 'أبو فيصل',
    text: 'السلام عليكم فيه حفرة كبيرة في شارع التخصصي قدام محطة البنزين، كسرت جنط سيارتي 😡 متى تنصلح؟',
  },
  {
    author: 'noura_alq',
    authorName: 'نورة',
    text: 'أعمدة الإنارة في حديقة حي النرجس طافية من أسبوع والمكان صار مظلم مره والعوايل يخافون يجون',
  },
  {
    author: 'sam_riyadh',
    authorName: 'Sam',
    text: 'The garbage containers on Olaya St near the mall have not been emptied for 4 days. The smell is unbearable.',
  },
  {
    author: 'm_alharbi',
    authorName: 'محمد الحربي',
    text: 'عاجل 🚨 غطاء منهل مفتوح في حي الملقا جنب المدرسة الابتدائية والأطفال يمرون عنده كل يوم! #أمانة',
  },
  {
    author: 'abu_faisal88',
    authorName: 'أبو فيصل',
    text: 'وللحين ما أحد جاء، الحفرة كبرت مع المطر',
    replyTo: 0,
  },
  {
    author: 'hind_1990',
    authorName: 'هند',
    text: 'طفح مجاري في حي السويدي من يومين والريحة واصلة للبيوت، الله يعافيكم تتحركون',
  },
  {
    author: 'khalid_dev',
    authorName: 'Khalid',
    text: 'Can’t log in to the Balady app, the OTP never arrives. Tried 5 times since yesterday.',
  },
  {
    author: 'um_saud',
    authorName: 'أم سعود',
    text: 'كلاب ضالة في حي العارض هجمت على ولد جيراننا الصبح، الوضع خطير الله يحفظكم',
  },
  {
    author: 'fahad_q',
    authorName: 'فهد',
    text: 'ما هي ساعات الدوام في فرع البلدية بحي الروضة؟ وهل أحتاج موعد مسبق؟',
  },
  {
    author: 'reem_designs',
    authorName: 'ريم',
    text: 'شكرًا أمانة المدينة على سرعة الاستجابة، تم ردم الحفرة خلال يومين 👏🌹',
  },
  {
    author: 'crypto_gains_4u',
    authorName: 'Crypto Gains',
    text: 'Earn 500% in 3 days!! DM now for the best crypto signals 🚀🚀',
  },
  {
    author: 'salem_77',
    authorName: 'سالم',
    text: 'مبنى قديم في حي البطحاء جداره متشقق ومايل وممكن يطيح على المارة في أي لحظة 😨',
  },
  {
    author: 'laila_m',
    authorName: 'Laila',
    text: 'Got food poisoning after eating at a shawarma place on Prince Sultan Rd. My whole family is sick.',
  },
  {
    author: 'ahmad_s',
    authorName: 'أحمد',
    text: 'الموظف في البلدية ما رد على الجوال أسبوع كامل، وإذا رحت يقول راجعنا بكره 🙄',
  },
  { author: 'noura_alq', authorName: 'نورة', text: 'صار لها أسبوعين والإنارة ما تصلحت', replyTo: 1 },
  {
    author: 'traffic_fan',
    authorName: 'متابع',
    text: 'RT @m_alharbi: عاجل 🚨 غطاء منهل مفتوح في حي الملقا',
    retweetOf: 3,
  },
  {
    author: 'bader_k',
    authorName: 'بدر',
    text: 'مخلفات بناء مرمية في الأرض الفضاء جنب بيتنا في حي القيروان من شهر، صارت مكب',
  },
  {
    author: 'sara_k',
    authorName: 'Sara',
    text: 'The playground in Al Wurud park has broken swings and sharp edges, a kid got hurt yesterday.',
  },
  {
    author: 'yousef_a',
    authorName: 'يوسف',
    text: 'تسريب ماء قوي من ماسورة في شارع العليا والماء ماشي في الشارع من الفجر',
  },
  {
    author: 'majed_1',
    authorName: 'ماجد',
    text: 'فيه صراصير وفئران في المطعم اللي عند دوار الخليج، شفتها بعيني 🤢',
  },
  { author: 'hessa_n', authorName: 'حصة', text: 'كيف أطلع رخصة بلدية لمحل تجاري؟ وش المستندات المطلوبة؟' },
  {
    author: 'omar_t',
    authorName: 'Omar',
    text: 'Street lights on King Fahd Rd exit 5 are all off, it is pitch dark and dangerous for drivers.',
  },
  {
    author: 'abdullah_z',
    authorName: 'عبدالله',
    text: 'السيول غرقت النفق عند تقاطع التحلية وفيه سيارات عالقة والناس داخلها!! #أمطار_الرياض',
  },
  {
    author: 'nawaf_r',
    authorName: 'نواف',
    text: 'بناء مخالف بدون ترخيص قاعد يبني دور ثالث وسد الشارع بالسقالات',
  },
  {
    author: 'dana_h',
    authorName: 'Dana',
    text: 'Paid the municipal fee twice on the portal and no refund yet, application still stuck at review.',
  },
  {
    author: 'turki_f',
    authorName: 'تركي',
    text: 'مطب جديد في شارع الأمير محمد بدون لوحات ولا دهان، السيارات تطير فوقه بالليل',
  },
  {
    author: 'ghada_s',
    authorName: 'غادة',
    text: 'الحمامات العامة في ممشى حي الياسمين مقفلة دايم ومافي نظافة',
  },
  {
    author: 'employee_watch',
    authorName: 'مواطن',
    text: 'موظف طلب مني مبلغ عشان يمشي معاملتي بسرعة، هذي رشوة واضحة!',
  },
  {
    author: 'sam_riyadh',
    authorName: 'Sam',
    text: 'Still full and overflowing today, please send a truck.',
    replyTo: 2,
  },
  { author: 'rashed_b', authorName: 'راشد', text: 'الله يعطيكم العافية على تنظيف الحديقة، صارت تجنن 💚' },
];
