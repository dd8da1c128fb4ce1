// What the citizens do during a chaos run: clear complaints (each must get exactly one
// acknowledgement), follow-ups in their threads and retweets (neither may get one).
import type { Emulator } from '../../src/x/emulator';

const COMPLAINTS = [
  'حفرة كبيرة في شارع التخصصي قدام المدرسة خربت الكفر',
  'أعمدة الإنارة طافية في حي النرجس من أسبوع',
  'الزبالة متكدسة عند الحاويات في حي الملقا والريحة قوية',
  'طفح مجاري في حي السويدي من يومين',
  'The street lights on Olaya St are all off since Sunday',
  'Garbage has not been collected in Al Yasmin for five days',
  'مطب عالي بدون دهان في شارع الأمير محمد',
  'تسريب ماء من ماسورة في شارع العليا من الفجر',
  'الحديقة في حي الورود ألعابها مكسرة وخطيرة على الأطفال',
  'There is a huge pothole on King Fahd Rd exit 5 that damaged my tyre',
];

export interface Injected {
  id: string;
  kind: 'complaint' | 'follow-up' | 'retweet';
  /** A follow-up's complaint: its thread gets at most one status reply per window. */
  parentId?: string;
}

export class Citizens {
  readonly injected: Injected[] = [];
  private n = 0;

  constructor(private readonly emu: Emulator) {}

  /** A burst of activity: mostly new complaints, some follow-ups and retweets. */
  act(count: number): void {
    for (let i = 0; i < count; i++) {
      const complaints = this.injected.filter((t) => t.kind === 'complaint');
      const r = Math.random();
      if (r < 0.12 && complaints.length) {
        const parent = complaints[Math.floor(Math.random() * complaints.length)]!;
        const t = this.emu.injectMention({
          text: 'وللحين ما تصلح شي؟ متى بتجون',
          author: `citizen_${parent.id.slice(-4)}`,
          inReplyToId: parent.id,
        });
        this.injected.push({ id: t.id, kind: 'follow-up', parentId: parent.id });
      } else if (r < 0.2 && complaints.length) {
        const orig = complaints[Math.floor(Math.random() * complaints.length)]!;
        const t = this.emu.injectMention({
          text: 'RT',
          author: `fan_${this.n}`,
          isRetweet: true,
          retweetOfId: orig.id,
        });
        this.injected.push({ id: t.id, kind: 'retweet' });
      } else {
        const text = `${COMPLAINTS[this.n % COMPLAINTS.length]} (${this.n + 1})`;
        const t = this.emu.injectMention({ text, author: `citizen_${String(this.n).padStart(4, '0')}` });
        this.injected.push({ id: t.id, kind: 'complaint' });
      }
      this.n++;
    }
  }
}
