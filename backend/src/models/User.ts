import { Schema, type Connection, type Model } from 'mongoose';
import { ROLES, type Role } from '../kernel/index.js';

/** A person who logs in. Passwords are stored as scrypt hashes (`scrypt$N$r$p$salt$hash`). */
export interface User {
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  departmentCode?: string;
  gridCodes: string[];
  phone?: string;
  active: boolean;
  /** True for the fixed demo accounts; refused when NODE_ENV=production. */
  demo: boolean;
}

export const UserSchema = new Schema<User>(
  {
    username: { type: String, required: true, unique: true, match: /^[a-z0-9][a-z0-9._-]{1,63}$/ },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String, required: true },
    departmentCode: { type: String, index: true },
    gridCodes: { type: [String], default: [], index: true },
    phone: String,
    active: { type: Boolean, default: true },
    demo: { type: Boolean, default: false },
  },
  { collection: 'users', timestamps: true },
);

export type UserModel = Model<User>;
export const userModel = (conn: Connection): UserModel => conn.models.User ?? conn.model<User>('User', UserSchema);
