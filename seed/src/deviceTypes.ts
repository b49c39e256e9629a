import type { DeviceType } from '@onegrid/backend/models';

/** What the seed needs per sensor type: id prefix, Chinese label, categories its alarms open, share of the fleet, reference thresholds. */
export interface DeviceTypeSpec {
  prefix: string;
  label: string;
  /** Category codes with weights (a well cover may be storm, sewer or water-supply). */
  categories: Record<string, number>;
  share: number;
  /** Defaults from reference/governance.md "Sensor thresholds". */
  thresholds: Record<string, unknown>;
  /** The alarm types it raises and the unit of its reading (for the simulator). */
  alarm: { type: string; unit: string; normal: [number, number]; alarm: [number, number] };
}

export const DEVICE_TYPE_SPECS: Readonly<Record<DeviceType, DeviceTypeSpec>> = {
  'well-cover': {
    prefix: 'wc',
    label: '井盖倾斜传感器',
    categories: { '01003': 6, '01002': 3, '01001': 1 },
    share: 0.3,
    thresholds: { tiltDeg: 10, minDurationS: 2 },
    alarm: { type: 'tilt', unit: 'deg', normal: [0, 3], alarm: [12, 80] },
  },
  'water-level': {
    prefix: 'wl',
    label: '下穿通道水位计',
    categories: { '10003': 1 },
    share: 0.05,
    thresholds: { warnCm: 5, escalateCm: 15, closeRoadCm: 25 },
    alarm: { type: 'water_level', unit: 'cm', normal: [0, 2], alarm: [6, 40] },
  },
  smoke: {
    prefix: 'sm',
    label: '独立式烟感探测器',
    categories: { '10004': 1 },
    share: 0.2,
    thresholds: { alarm: true },
    alarm: { type: 'smoke', unit: 'dB/m', normal: [0, 0.05], alarm: [0.2, 1] },
  },
  hydrant: {
    prefix: 'hy',
    label: '消火栓压力监测',
    categories: { '01060': 1 },
    share: 0.12,
    thresholds: { minPressureMPa: 0.14 },
    alarm: { type: 'low_pressure', unit: 'MPa', normal: [0.2, 0.4], alarm: [0, 0.13] },
  },
  noise: {
    prefix: 'ns',
    label: '噪声监测点',
    categories: { '06028': 1 },
    share: 0.08,
    thresholds: { zoneClass: 2, dayDb: 60, nightDb: 50 },
    alarm: { type: 'noise', unit: 'dB', normal: [40, 58], alarm: [62, 90] },
  },
  'bin-fill': {
    prefix: 'bf',
    label: '垃圾箱满溢传感器',
    categories: { '06042': 1 },
    share: 0.15,
    thresholds: { fillPct: 80 },
    alarm: { type: 'fill', unit: '%', normal: [5, 75], alarm: [81, 100] },
  },
  'air-quality': {
    prefix: 'aq',
    label: '空气质量微站',
    categories: { '10005': 1 },
    share: 0.04,
    thresholds: { aqi: 150 },
    alarm: { type: 'aqi', unit: 'AQI', normal: [20, 120], alarm: [151, 300] },
  },
  elevator: {
    prefix: 'el',
    label: '电梯困人监测',
    categories: { '01076': 1 },
    share: 0.06,
    thresholds: { entrapment: true, responseMinutes: 30 },
    alarm: { type: 'entrapment', unit: 'people', normal: [0, 0], alarm: [1, 4] },
  },
};
