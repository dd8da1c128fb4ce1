// Dialect words → one shared (mostly MSA) spelling, so a Saudi tweet and a Levantine or MSA
// training example that say the same thing share features. Light stemming cannot do this:
// ابغى / بدي / أريد ("I want") or فلوس / مصاري / أموال ("money") share no letters.
// Covers the most common Gulf (Saudi), Levantine and Egyptian function words and everyday
// verbs/nouns — general dialect knowledge, not words picked for one dataset.
import { normalize } from './normalize';

const GROUPS: Record<string, string> = {
  // canonical: variants (written naturally; normalised at load)
  اريد: 'ابي ابغى ابغا ابغي ابا بدي ودي عاوز عايز بغيت ابيه ابغاه اود',
  نريد: 'نبي نبغى نبغا نبغي بدنا ودنا عاوزين عايزين',
  تريد: 'تبي تبغى تبغا تبغي بدك ودك عاوزه عايزه',
  يريد: 'يبي يبغى يبغا يبغي بده وده',
  ماذا: 'وش ايش اش شو شنو شنهو',
  لماذا: 'ليش ليه لويش علاش',
  اين: 'وين فين وينه وينها',
  كيف: 'شلون كيفك ازاي اشلون',
  متى: 'امتى متى ايمتى امتا اماتى',
  // Not هلا: in Saudi speech it is "hello" (هلا والله), not the Levantine "now" (هلأ).
  الان: 'الحين هلق هلأ دحين الحينه هسه هسا توني',
  مازال: 'للحين لسا لسه لساتني',
  اعمل: 'اسوي افعل نسوي',
  عملت: 'سويت فعلت',
  يعمل: 'يسوي يفعل يشتغل شغال',
  استطيع: 'اقدر بقدر اقدرش',
  تستطيع: 'تقدر بتقدر',
  نستطيع: 'نقدر بنقدر',
  يستطيع: 'يقدر بيقدر',
  وجدت: 'لقيت',
  اعطني: 'عطني اعطيني',
  تعمل: 'تسوي تفعل',
  اموال: 'فلوس مصاري مصريات نقود بيزات',
  بطاقة: 'كرت كارت',
  ليس: 'مو موب مب مش مهوب',
  جيد: 'زين منيح كويس',
  كثير: 'وايد كتير',
  شيء: 'شي اشي حاجه',
  ايضا: 'كمان برضو برضه',
  هكذا: 'كذا هيك كدا كذي',
  // Water: the stemmer cuts مويه to مو, which is also the negation "not" (issue 13).
  // Gulf ماي is water too; the stemmer cut it to ما "not" (the same collision as مويه).
  مياه: 'ماء مويه موية مويا مايه ماي', // not ميه: also "a hundred" (ميه ريال)
  // Municipal everyday words whose Saudi and MSA spellings share no stem (rules and the model
  // then see one word): garbage, cats, flies, mosquitoes, rats, asphalt.
  قمامه: 'زباله زبايل',
  قطط: 'قطوه قطاوه قطو قطاطيه',
  ذباب: 'دبان ذبان',
  بعوض: 'ناموس',
  فئران: 'فيران فار',
  اسفلت: 'زفلته زفلت سفلته سفلت',
};

const MAP = new Map<string, string>();
for (const [canonical, variants] of Object.entries(GROUPS)) {
  const to = normalize(canonical);
  for (const v of variants.split(' ')) MAP.set(normalize(v), to);
}

/** The shared spelling of a normalised dialect word (also after a leading و/ف "and/so"), or the token. */
export function fromDialect(token: string): string {
  const hit = MAP.get(token);
  if (hit) return hit;
  const first = token[0];
  if ((first === 'و' || first === 'ف') && token.length > 2) {
    const rest = MAP.get(token.slice(1));
    if (rest) return rest;
  }
  return token;
}
