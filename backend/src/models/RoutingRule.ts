import { Schema, type Connection, type Model } from 'mongoose';

/** An override of a category's lead and co-departments for one community or one grid cell (the more specific wins). */
export interface RoutingRule {
  categoryCode: string;
  scope: 'community' | 'grid';
  /** Community code (12 digits) or grid cell code (15 digits). */
  areaCode: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  note?: string;
}

export const RoutingRuleSchema = new Schema<RoutingRule>(
  {
    categoryCode: { type: String, required: true },
    scope: { type: String, enum: ['community', 'grid'], required: true },
    areaCode: { type: String, required: true },
    leadDepartmentCode: { type: String, required: true },
    coDepartmentCodes: { type: [String], default: [] },
    note: String,
  },
  { collection: 'routingrules', timestamps: true },
);
RoutingRuleSchema.index({ categoryCode: 1, scope: 1, areaCode: 1 }, { unique: true });

export type RoutingRuleModel = Model<RoutingRule>;
export const routingRuleModel = (conn: Connection): RoutingRuleModel =>
  conn.models.RoutingRule ?? conn.model<RoutingRule>('RoutingRule', RoutingRuleSchema);
