// Issue 13, languages, through the real pipeline (X emulator over HTTP + FerretDB): a danger
// told in Roman Urdu, Tagalog or Hindi opens an urgent ticket (priority 1, escalated) in its
// category with the reply in English; an Arabizi complaint mixing English words is answered
// in Arabic; a Persian complaint lands in its category. The sentences are new: neither
// dev-set lines nor training examples.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';

const h = useBotHarness('languages');

test('dangers in other languages are urgent tickets, answered in the language the resident reads', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const cases = {
    romanUrdu: {
      text: 'gali ka gutter khula hai, ek bacha andar gir gaya',
      category: 'water_sewage',
      urgent: true,
    },
    tagalog: {
      text: 'May live wire na nakalaylay sa poste sa tapat ng paaralan',
      category: 'lighting',
      urgent: true,
    },
    hindi: { text: 'आवारा कुत्तों ने मेरे बेटे को काट लिया', category: 'animals_pests', urgent: true },
    persian: { text: 'زباله های کوچه ما یک هفته است جمع نشده', category: 'waste', urgent: false },
    arabizi: {
      text: 'el app ma yefta7 w kil ma asawi login yetla3 error',
      category: 'digital_services',
      urgent: false,
    },
  };
  const ids: Record<string, string> = {};
  let n = 0;
  for (const [k, c] of Object.entries(cases))
    ids[k] = h.emu.injectMention({ text: c.text, author: `resident_lang_${++n}` }).id;
  const M = h.rt.db.models;
  await tickUntil(h.rt, async () => (await M.Mention.countDocuments({ status: 'processed' })) === n);
  await tickUntil(h.rt, () => h.emu.posts().length === n);

  for (const [k, c] of Object.entries(cases)) {
    const m = (await M.Mention.findById(ids[k]).lean())!;
    const t = (await M.Ticket.findById(m.ticketRef).lean())!;
    expect({ k, category: t.category, urgent: t.urgent, priority: t.urgent ? t.priority : null }).toEqual({
      k,
      category: c.category,
      urgent: c.urgent,
      priority: c.urgent ? 1 : null,
    });
    const [reply] = h.emu.posts().filter((p) => p.inReplyToId === ids[k]);
    expect(reply!.text).toContain(t._id);
    // Arabizi readers read Arabic; Urdu, Tagalog, Hindi and Persian readers get English.
    if (k === 'arabizi') expect(reply!.text).toMatch(/[\u0600-\u06FF]/);
    else expect(reply!.text).not.toMatch(/[\u0600-\u06FF]/);
  }
}, 90_000);
