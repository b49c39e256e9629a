import { Schema, type Connection, type Model } from 'mongoose';

/** A department's working calendar; deadlines are counted in this working time. */
export interface WorkingCalendar {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  workdays: number[];
  /** Working periods of a working day, local time `HH:mm`. A 24/7 department has [{start:'00:00', end:'24:00'}]. */
  hours: { start: string; end: string }[];
  /** Public holidays `YYYY-MM-DD` (not worked even on a workday). */
  holidays: string[];
  /** Make-up working days `YYYY-MM-DD` (调休: worked even on a weekend). */
  makeupWorkdays: string[];
}

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
