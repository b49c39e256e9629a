import { Schema, type Connection, type Model } from 'mongoose';

import { SEVERITIES, type Severity } from '../contracts/index.js';

export { SEVERITIES, type Severity };

/** Per-stage limits in working minutes of the responsible department's calendar. */
export interface StageDeadlines {
  accept: number;
  dispatch: number;
  handle: number;
  verify: number;
}

/** Datatypes of an extra question, as GeoReport v2 names them. */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

/**
 * An extra question a category asks of whoever reports it (Open311 publishes
 * these as the service definition's attributes). `variable: false` marks an
 * informational line that takes no answer.
 */
export interface CategoryAttribute {
  code: string;
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  /** The question, shown to the reporter. */
  description: string;
  descriptionEn?: string;
  /** A hint on the expected format (e.g. "centimetres"). */
  datatypeDescription?: string;
  order: number;
  /** The allowed answers of a list datatype. */
  values?: { key: string; name: string; nameEn?: string }[];
}

/**
 * An incident category (部件 component / 事项 event), 5-digit code = 2-digit
 * major + 3-digit minor (see reference/governance.md). Everything that varies
 * by category lives here as data: severity, deadlines, routing, fusion.
 */
export interface Category {
  code: string;
  kind: 'component' | 'event';
  /** 2-digit major class code. */
  major: string;
  /** Major/minor level: a major class row has level 'major' and no parent. */
  level: 'major' | 'minor';
  parentCode?: string;
  name: string;
  nameEn: string;
  defaultSeverity: Severity;
  /** Trusted sensor alarms at or above this severity are accepted automatically. */
  autoAcceptSeverity?: Severity;
  deadlines: StageDeadlines;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  /** Fusion window: a new report of this category within this distance and time of an open incident is a duplicate. */
  fusion: { distanceM: number; windowHours: number };
  /** True for a city's local extension of the national directory. */
  local: boolean;
  /** True when residents and outside apps (the web form's list, Open311 services) may report it. */
  publicIntake?: boolean;
  /** Extra questions asked when reporting it (Open311 service definition). */
  attributes?: CategoryAttribute[];
}

const CategoryAttributeSchema = new Schema<CategoryAttribute>(
  {
    code: { type: String, required: true, match: /^[A-Za-z0-9_-]{1,64}$/ },
    variable: { type: Boolean, default: true },
    datatype: { type: String, enum: ATTRIBUTE_DATATYPES, required: true },
    required: { type: Boolean, default: false },
    description: { type: String, required: true },
    descriptionEn: String,
    datatypeDescription: String,
    order: { type: Number, default: 1 },
    values: { type: [{ key: { type: String, required: true }, name: { type: String, required: true }, nameEn: String, _id: false }], default: undefined },
  },
  { _id: false },
);

export const CategorySchema = new Schema<Category>(
  {
    code: { type: String, required: true, unique: true, match: /^\d{2}(\d{3})?$/ },
    kind: { type: String, enum: ['component', 'event'], required: true },
    major: { type: String, required: true },
    level: { type: String, enum: ['major', 'minor'], required: true },
    parentCode: String,
    name: { type: String, required: true },
    nameEn: { type: String, required: true },
    defaultSeverity: { type: String, enum: SEVERITIES, default: 'minor' },
    autoAcceptSeverity: { type: String, enum: SEVERITIES },
    deadlines: {
      accept: { type: Number, default: 30 },
      dispatch: { type: Number, default: 30 },
      handle: { type: Number, default: 8 * 60 },
      verify: { type: Number, default: 4 * 60 },
    },
    leadDepartmentCode: { type: String, required: true },
    coDepartmentCodes: { type: [String], default: [] },
    fusion: { distanceM: { type: Number, default: 50 }, windowHours: { type: Number, default: 24 } },
    local: { type: Boolean, default: false },
    publicIntake: { type: Boolean, default: false },
    attributes: { type: [CategoryAttributeSchema], default: undefined },
  },
  { collection: 'categories', timestamps: true },
);

export type CategoryModel = Model<Category>;
export const categoryModel = (conn: Connection): CategoryModel =>
  conn.models.Category ?? conn.model<Category>('Category', CategorySchema);
