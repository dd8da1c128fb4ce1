// What kind of mention it is: the outcome detectors decide, classification and the queue
// read it.

/** What kind of mention it is (src/outcome/detect.ts): only complaints, inquiries and praise
 *  open tickets; spam, chatter and insult-only tweets get none, referrals get a referral reply. */
export type Outcome = 'complaint' | 'inquiry' | 'praise' | 'spam' | 'chatter' | 'abuse' | 'referral';
