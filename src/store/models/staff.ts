// A staff member who may sign in to the console. _id is the name folded to lower case, so
// "Sara" and "sara" are one account; `name` keeps the spelling shown in ticket history.
import { Schema, type InferSchemaType } from 'mongoose';

export const staffSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    /** scrypt$N$r$p$salt$hash (see src/console/auth/password.ts); never the password. */
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    lastSignInAt: { type: Date },
    /** 'agent' or 'supervisor' (src/console/auth/roles.ts); absent = supervisor (accounts made before roles). */
    role: { type: String, enum: ['agent', 'supervisor'] },
  },
  { collection: 'staff', versionKey: false },
);

export type StaffDoc = InferSchemaType<typeof staffSchema>;
