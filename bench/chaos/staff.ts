// Staff during a chaos run: now and then someone answers a ticket from the console, through the
// same queue function (planStaffReply → the bot's outbox), sometimes submitting the same form
// twice. Each reply has its own text, so the run can count how often X received it.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/store/db';
import { createLogger } from '../../src/log';
import { planStaffReply } from '../../src/queue';
import type { Injected } from './world';

export class StaffDesk {
  /** Texts of the staff replies planned (each must be posted exactly once). */
  readonly planned: string[] = [];

  private constructor(private readonly db: Database) {}

  static async open(mongoUri: string): Promise<StaffDesk> {
    return new StaffDesk(
      await openDatabase(mongoUri, { attempts: 5, log: createLogger({ level: 'error' }) }),
    );
  }

  async act(injected: Injected[]): Promise<void> {
    if (Math.random() > 0.4) return;
    const complaints = injected.filter((t) => t.kind === 'complaint');
    const pick = complaints[Math.floor(Math.random() * complaints.length)];
    if (!pick) return;
    const m = await this.db.models.Mention.findById(pick.id, { ticketRef: 1 })
      .lean()
      .catch(() => null);
    if (!m?.ticketRef) return; // not processed yet
    const text = `تم تحويل بلاغكم ${m.ticketRef} للفرقة المختصة (${this.planned.length + 1})`;
    const actionId = randomBytes(9).toString('base64url');
    const form = { as: 'chaos-staff', text, actionId };
    try {
      await planStaffReply(this.db.store, m.ticketRef, form);
      if (Math.random() < 0.3) await planStaffReply(this.db.store, m.ticketRef, form); // a double submit
    } catch {
      // e.g. the ticket kept changing under the bot: what counts is whether it reached the outbox
    }
    const id = `staff:${m.ticketRef}:${actionId}`;
    if (await this.db.models.Reply.exists({ _id: id }).catch(() => null)) this.planned.push(text);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
