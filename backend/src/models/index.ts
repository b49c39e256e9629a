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
