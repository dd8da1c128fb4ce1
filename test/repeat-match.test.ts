// A repeat is the same problem, not just the same category: the pure decision on the text
// (src/decide/repeat.ts). Sentences here are written for the test, not taken from the
// example streams, and cover each rule: places that differ, the same place with another
// problem, synonyms, dialect/MSA/English, and the threshold from escalation.yml.
import { matchRepeat, problemSimilarity, problemText } from '../src/decide/repeat';
import { loadEscalation } from '../src/rules/escalation';

const policy = loadEscalation('rules').repeat.sameProblem;
const one = (earlier: string, now: string) => matchRepeat(now, [{ ref: 'AM-1', texts: [earlier] }], policy);

test('the shipped threshold and place weight come from escalation.yml', () => {
  expect(policy).toEqual({ minSimilarity: 0.35, placeWeight: 2 });
});

test('place words are the names after حي / شارع / street…, without titles like الأمير', () => {
  expect(problemText('حفرة عميقة في شارع الأمير محمد بن سعد قدام مدرسة الأندلس').places).toEqual(
    expect.arrayContaining(['محمد', 'اندلس']),
  );
  expect(problemText('حفرة عميقة في شارع الأمير محمد').places).not.toContain('امير');
  expect(problemText('Bins overflowing on Tahlia Street near Al Faisaliah Mall').places).toEqual(
    expect.arrayContaining(['tahlia', 'faisaliah']),
  );
  // A place name ends at punctuation: what follows is the problem.
  expect(problemText('عند دوار الخليج، الإسفلت متشقق').terms).toContain('اسفلت');
});

test('the same problem told again in other words is a repeat (dialect, MSA, English)', () => {
  expect(
    one(
      'لمبات الشارع عند مسجد الراجحي في حي الربوة طافية من أسبوع',
      'للحين إنارة الشارع اللي عند مسجد الراجحي طافية، الظلام يخوف',
    ).ref,
  ).toBe('AM-1');
  expect(
    one(
      'تراكم النفايات أمام المدرسة المتوسطة في حي العزيزية منذ أيام',
      'الزبالة قدام المدرسة المتوسطة بالعزيزية ما أحد شالها للحين',
    ).ref,
  ).toBe('AM-1');
  expect(
    one(
      'Water pipe leaking on Makkah Road near the Hyatt, the street is flooded',
      'The pipe on Makkah Road is still leaking, nobody has come',
    ).ref,
  ).toBe('AM-1');
});

test('another pothole on another street is a new problem, whatever the shared words', () => {
  const m = one(
    'حفرة كبيرة في شارع الأمير سلطان تخرب السيارات',
    'وفيه حفرة كبيرة ثانية في شارع الأمير فيصل تخرب السيارات',
  );
  expect(m.ref).toBeUndefined();
  expect(m.reason).toMatch(/different place/);
  expect(
    one('Huge pothole on Olaya Street, cars swerve', 'Another huge pothole on Tahlia Street, cars swerve')
      .ref,
  ).toBeUndefined();
});

test('the same place with another problem is a new problem', () => {
  // Same park: the lights vs dry trees; same district: garbage vs construction debris.
  expect(
    one('حديقة حي الورود إنارتها طافية', 'الأشجار في حديقة حي الورود ناشفة ومحد يسقيها').ref,
  ).toBeUndefined();
  expect(
    one('الزبالة ما انشالت في حي النسيم من ثلاثة أيام', 'مخلفات بناء مرمية على الرصيف في حي النسيم').ref,
  ).toBeUndefined();
});

test('when only one tweet names a place, the words decide', () => {
  const a = problemText('تسريب مويه من ماسورة مكسورة في حي الشفا');
  const b = problemText('الماسورة المكسورة للحين تسرب مويه');
  const s = problemSimilarity(a, b, 2);
  expect(s.differentPlaces).toBe(false);
  expect(s.score).toBeGreaterThanOrEqual(policy.minSimilarity);
});

test('the best candidate wins; below the threshold nothing matches; no candidate, no match', () => {
  const m = matchRepeat(
    'الكلاب الضالة عند بوابة المدرسة للحين موجودة',
    [
      { ref: 'AM-2', texts: ['فئران في المطبخ الخلفي لمطعم في حي النخيل'] },
      { ref: 'AM-3', texts: ['كلاب ضالة تتجمع عند بوابة المدرسة الابتدائية كل صباح'] },
    ],
    policy,
  );
  expect(m.ref).toBe('AM-3');
  // A texts list includes tweets already attached to the ticket.
  expect(
    matchRepeat(
      'still no lights on exit 5',
      [{ ref: 'AM-4', texts: ['x', 'Lights on exit 5 are out'] }],
      policy,
    ).ref,
  ).toBe('AM-4');
  const strict = matchRepeat(
    'الحفرة في شارع التخصصي كبرت',
    [{ ref: 'AM-5', texts: ['حفرة في شارع التخصصي قدام البنك، السيارات تنحرف عشان تتفاداها'] }],
    { ...policy, minSimilarity: 0.95 },
  );
  expect(strict.ref).toBeUndefined();
  expect(strict.reason).toMatch(/not the same problem/);
  const none = matchRepeat('أي شيء', [], policy);
  expect(none.ref).toBeUndefined();
  expect(none.score).toBe(0);
});
