import { deviceAlarmHandler } from './deviceAlarm.js';
import { deviceStatusHandler } from './deviceStatus.js';
import type { Handler } from './handler.js';
import { workerLocationHandler } from './workerLocation.js';
import { workerReportHandler } from './workerReport.js';

// The uplinks the forwarder serves. `devices/+/telemetry` is not here yet:
// it needs the sensor threshold rules (duration, hysteresis) that turn
// readings into alarms, which come with their own issue.
export const HANDLERS: readonly Handler[] = [deviceAlarmHandler, deviceStatusHandler, workerReportHandler, workerLocationHandler];
