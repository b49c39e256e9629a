import { Schema, type Connection, type Model } from 'mongoose';
import type { WorkingCalendar } from '../deadlines/index.js';


/** A department (专业部门 / 责任单位), hanging off a level of the organisation tree. */
export interface Department {
  code: string;
  name: string;
  nameEn?: string;
  level: 'district' | 'street' | 'utility';
  /** The area it hangs off (district or street code). */
  areaCode?: string;
  /** The next level up for escalation (e.g. the street command center). */
  parentCode?: string;
  calendar: WorkingCalendar;
  phone?: string;
}

const CalendarSchema = new Schema<WorkingCalendar>(
  {
    timeZone: { type: String, default: 'Asia/Shanghai' },
    workdays: { type: [Number], default: [1, 2, 3, 4, 5] },
    hours: { type: [{ start: String, end: String, _id: false }], default: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] },
    holidays: { type: [String], default: [] },
    makeupWorkdays: { type: [String], default: [] },
  },
  { _id: false },
);

export const DepartmentSchema = new Schema<Department>(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    nameEn: String,
    level: { type: String, enum: ['district', 'street', 'utility'], required: true },
    areaCode: String,
    parentCode: String,
    calendar: { type: CalendarSchema, default: () => ({}) },
    phone: String,
  },
  { collection: 'departments', timestamps: true },
);

export type DepartmentModel = Model<Department>;
export const departmentModel = (conn: Connection): DepartmentModel =>
  conn.models.Department ?? conn.model<Department>('Department', DepartmentSchema);
