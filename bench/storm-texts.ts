// What people tweet when a water main bursts: mostly flooding and outages, a few dangers.
export const STORM_ROUTINE = [
  'الموية طافحة في الشارع عندنا في حي الملقا من ساعة، الله يعافيكم تتحركون',
  'انكسر خط الموية الرئيسي والشارع صار بحيرة، متى بتصلحونه؟',
  'ماسورة مكسورة والماء يطلع بقوة عند دوار الخليج',
  'Water everywhere on Olaya St after the pipe burst, please send a crew',
  'الشوارع غرقانة بالماء في حي النرجس وما نقدر نطلع بالسيارات',
  'The road near King Fahd Rd exit 5 is flooded from the broken water main',
  'تسريب ماء كبير جنب المدرسة والشارع مقفل',
  'مافي موية في البيوت من الصبح بسبب الكسر، وش السالفة؟',
];

export const STORM_URGENT = [
  'غطاء منهل مفتوح والماء يغطيه والأطفال يمشون جنبه، خطر!',
  'أسلاك كهرباء مكشوفة في الماء عند عمود الإنارة، خطر على الناس',
  'سيارات محتجزة في النفق والناس داخلها والماء يرتفع',
  'Open manhole hidden under the flood water next to the school, a child almost fell in',
];
