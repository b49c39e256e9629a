import type { Connection } from 'mongoose';
import { areaModel } from './Area.js';
import { basemapLayerModel } from './BasemapLayer.js';
import { categoryModel } from './Category.js';
import { departmentModel } from './Department.js';
import { deviceModel } from './Device.js';
import { gridCellModel } from './GridCell.js';
import { incidentModel } from './Incident.js';
import { open311ClientModel } from './Open311Client.js';
import { routingRuleModel } from './RoutingRule.js';
import { userModel } from './User.js';
import { checkpointModel, counterModel, eventModel, leaseModel } from './busCollections.js';

/** Binds every model to one connection (tests use one connection per database). */
export function createModels(conn: Connection) {
  return {
    Area: areaModel(conn),
    GridCell: gridCellModel(conn),
    Department: departmentModel(conn),
    Category: categoryModel(conn),
    RoutingRule: routingRuleModel(conn),
    User: userModel(conn),
    Device: deviceModel(conn),
    Incident: incidentModel(conn),
    Event: eventModel(conn),
    Counter: counterModel(conn),
    Checkpoint: checkpointModel(conn),
    Lease: leaseModel(conn),
    BasemapLayer: basemapLayerModel(conn),
    Open311Client: open311ClientModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

// What other folders use from this one.
export type { Area } from './Area.js';
export type { BasemapLayer } from './BasemapLayer.js';
export { ATTRIBUTE_DATATYPES, SEVERITIES } from './Category.js';
export type { AttributeDatatype, Category, CategoryAttribute, Severity } from './Category.js';
export type { Department } from './Department.js';
export { DEVICE_TYPES } from './Device.js';
export type { Device, DeviceType } from './Device.js';
export type { GridCell } from './GridCell.js';
export { FINAL_STATUSES, INCIDENT_SOURCES, INCIDENT_STATUSES, OPEN_STATUSES } from './Incident.js';
export type { Assignment, ClockStage, Incident, IncidentSource, IncidentStatus, Open311Facts, StageClock, TimelineEntry } from './Incident.js';
export type { Open311Client } from './Open311Client.js';
export type { RoutingRule } from './RoutingRule.js';
export type { User } from './User.js';
