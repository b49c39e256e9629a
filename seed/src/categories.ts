import type { Category, RoutingRule, Severity } from '@onegrid/backend/models';
import { OFFICE_DAY_MINUTES as DAY } from './calendars.js';
import { CATEGORY_QUESTIONS, PUBLIC_CATEGORY_CODES } from './categoryQuestions.js';
import { streetCommandCode, type DeptCode } from './organisation.js';

const H = 60;

interface MajorRow {
  code: string;
  kind: Category['kind'];
  name: string;
  nameEn: string;
  lead: DeptCode;
}

/** Major classes (大类): 部件 components 01–05, 事项 events 06–10 (reference/governance.md). */
export const MAJORS: readonly MajorRow[] = [
  { code: '01', kind: 'component', name: '市政公用设施', nameEn: 'Public utilities', lead: 'SZ' },
  { code: '02', kind: 'component', name: '交通设施', nameEn: 'Traffic facilities', lead: 'JT' },
  { code: '03', kind: 'component', name: '市容环卫设施', nameEn: 'Sanitation facilities', lead: 'HW' },
  { code: '04', kind: 'component', name: '园林绿化设施', nameEn: 'Parks and greenery', lead: 'YL' },
  { code: '05', kind: 'component', name: '其他设施', nameEn: 'Other facilities', lead: 'ZJ' },
  { code: '06', kind: 'event', name: '市容环境类', nameEn: 'City appearance and environment', lead: 'CG' },
  { code: '07', kind: 'event', name: '宣传广告类', nameEn: 'Advertising', lead: 'CG' },
  { code: '08', kind: 'event', name: '施工管理类', nameEn: 'Construction management', lead: 'ZJ' },
  { code: '09', kind: 'event', name: '街面秩序类', nameEn: 'Street order', lead: 'CG' },
  { code: '10', kind: 'event', name: '其他事项类', nameEn: 'Other events', lead: 'CG' },
];

interface MinorRow {
  code: string;
  name: string;
  nameEn: string;
  lead: DeptCode;
  co?: DeptCode[];
  severity: Severity;
  /** Handling limit (处置时限) in the lead's working minutes. */
  handle: number;
  /** Sensor categories: trusted alarms at or above this severity are accepted and dispatched at once. */
  autoAccept?: Severity;
  /** Tighter accept/dispatch limits (minutes, command center 24/7) for emergencies. */
  fast?: boolean;
  fusion?: { distanceM: number; windowHours: number };
  local?: boolean;
}

/**
 * Minor classes (小类) with default severity, handling limit, lead and
 * co-departments. Events 01–05 ("‹部件›异常") share their component's code, so
 * one row stands for both. Local extensions (not in the national directory)
 * carry `local`.
 */
export const MINORS: readonly MinorRow[] = [
  { code: '01001', name: '供水井盖', nameEn: 'Water-supply manhole cover', lead: 'GS', co: ['SZ'], severity: 'major', handle: 6 * H, autoAccept: 'major', fast: true, fusion: { distanceM: 30, windowHours: 24 } },
  { code: '01002', name: '污水井盖', nameEn: 'Sewer manhole cover', lead: 'SZ', co: ['SW'], severity: 'major', handle: 6 * H, autoAccept: 'major', fast: true, fusion: { distanceM: 30, windowHours: 24 } },
  { code: '01003', name: '雨水井盖', nameEn: 'Storm-drain manhole cover', lead: 'SZ', severity: 'major', handle: 6 * H, autoAccept: 'major', fast: true, fusion: { distanceM: 30, windowHours: 24 } },
  { code: '01004', name: '雨水箅子', nameEn: 'Storm-drain grate', lead: 'SZ', severity: 'minor', handle: DAY },
  { code: '01037', name: '路灯', nameEn: 'Street light', lead: 'SZ', co: ['GD'], severity: 'minor', handle: 2 * DAY },
  { code: '01054', name: '充电桩', nameEn: 'EV charging post', lead: 'GD', severity: 'minor', handle: 2 * DAY },
  { code: '01060', name: '消火栓', nameEn: 'Fire hydrant', lead: 'XF', co: ['GS'], severity: 'major', handle: 24 * H, autoAccept: 'major', local: true },
  { code: '01076', name: '公用电梯', nameEn: 'Public elevator', lead: 'SJ', co: ['ZJ', 'XF'], severity: 'critical', handle: 4 * H, autoAccept: 'major', fast: true, fusion: { distanceM: 10, windowHours: 2 } },
  { code: '02001', name: '停车场', nameEn: 'Car park', lead: 'JT', severity: 'minor', handle: 3 * DAY },
  { code: '02006', name: '过街天桥', nameEn: 'Pedestrian bridge', lead: 'SZ', co: ['JT'], severity: 'major', handle: 2 * DAY },
  { code: '02014', name: '交通信号灯', nameEn: 'Traffic light', lead: 'GA', co: ['JT'], severity: 'major', handle: 4 * H, fast: true },
  { code: '02017', name: '交通护栏', nameEn: 'Traffic barrier', lead: 'JT', severity: 'minor', handle: 2 * DAY },
  { code: '03001', name: '公共厕所', nameEn: 'Public toilet', lead: 'HW', severity: 'minor', handle: DAY },
  { code: '03005', name: '垃圾箱', nameEn: 'Litter bin', lead: 'HW', severity: 'minor', handle: 4 * H },
  { code: '03006', name: '户外广告', nameEn: 'Outdoor advertisement', lead: 'CG', severity: 'minor', handle: 5 * DAY },
  { code: '04001', name: '古树名木', nameEn: 'Heritage tree', lead: 'YL', severity: 'major', handle: 2 * DAY },
  { code: '04002', name: '行道树', nameEn: 'Street tree', lead: 'YL', severity: 'minor', handle: 2 * DAY },
  { code: '04013', name: '绿地', nameEn: 'Green space', lead: 'YL', severity: 'minor', handle: 5 * DAY },
  { code: '05002', name: '公房地下室', nameEn: 'Public-housing basement', lead: 'ZJ', severity: 'minor', handle: 5 * DAY },
  { code: '05009', name: '文物古迹', nameEn: 'Cultural relic', lead: 'ZJ', severity: 'major', handle: 5 * DAY },
  { code: '06001', name: '私搭乱建', nameEn: 'Illegal structure', lead: 'CG', co: ['ZJ'], severity: 'major', handle: 4 * H },
  { code: '06010', name: '暴露垃圾', nameEn: 'Exposed rubbish', lead: 'CG', co: ['HW'], severity: 'minor', handle: 4 * H },
  { code: '06011', name: '积存垃圾渣土', nameEn: 'Accumulated refuse and spoil', lead: 'HW', severity: 'minor', handle: 4 * DAY },
  { code: '06012', name: '道路不洁', nameEn: 'Dirty road', lead: 'HW', severity: 'minor', handle: 5 * H },
  { code: '06013', name: '道路破损', nameEn: 'Damaged road', lead: 'SZ', severity: 'major', handle: 2 * DAY },
  { code: '06028', name: '噪声扰民', nameEn: 'Noise nuisance', lead: 'HB', co: ['GA'], severity: 'minor', handle: DAY, autoAccept: 'major', fusion: { distanceM: 100, windowHours: 2 } },
  { code: '06036', name: '乱堆杂物', nameEn: 'Piled clutter', lead: 'CG', severity: 'minor', handle: DAY },
  { code: '06042', name: '垃圾站（箱）满溢', nameEn: 'Overflowing bin or station', lead: 'HW', severity: 'minor', handle: 2 * H, autoAccept: 'minor', fusion: { distanceM: 20, windowHours: 12 } },
  { code: '07001', name: '非法小广告', nameEn: 'Illegal flyers', lead: 'CG', severity: 'warning', handle: 2 * DAY },
  { code: '07003', name: '违规户外广告', nameEn: 'Non-compliant outdoor advert', lead: 'CG', severity: 'minor', handle: 5 * DAY },
  { code: '08001', name: '施工扰民', nameEn: 'Construction nuisance', lead: 'ZJ', co: ['HB'], severity: 'minor', handle: DAY },
  { code: '08002', name: '施工占道', nameEn: 'Construction blocking the road', lead: 'JT', co: ['CG'], severity: 'minor', handle: DAY },
  { code: '08004', name: '工地扬尘', nameEn: 'Construction dust', lead: 'HB', co: ['CG', 'ZJ'], severity: 'major', handle: DAY, fusion: { distanceM: 100, windowHours: 4 } },
  { code: '09001', name: '无照经营游商', nameEn: 'Unlicensed hawker', lead: 'CG', co: ['SJ'], severity: 'minor', handle: 4 * H },
  { code: '09005', name: '店外经营', nameEn: 'Business outside the shop', lead: 'CG', severity: 'minor', handle: 4 * H },
  { code: '09006', name: '占道经营', nameEn: 'Trading on the road', lead: 'CG', severity: 'minor', handle: 4 * H },
  { code: '09009', name: '机动车乱停放', nameEn: 'Illegal parking', lead: 'GA', co: ['JT'], severity: 'minor', handle: 2 * H },
  { code: '09012', name: '占用消防通道', nameEn: 'Blocked fire lane', lead: 'XF', co: ['GA'], severity: 'major', handle: 2 * H, fast: true },
  { code: '10001', name: '道路积雪结冰', nameEn: 'Snow or ice on the road', lead: 'SZ', co: ['HW'], severity: 'major', handle: 4 * H, fast: true },
  { code: '10002', name: '架空线缆脱落', nameEn: 'Fallen overhead cable', lead: 'GD', co: ['SZ'], severity: 'major', handle: 4 * H, fast: true },
  { code: '10003', name: '道路积水', nameEn: 'Road flooding', lead: 'SW', co: ['SZ', 'JT'], severity: 'major', handle: 2 * H, autoAccept: 'major', fast: true, fusion: { distanceM: 150, windowHours: 6 }, local: true },
  { code: '10004', name: '烟感火警', nameEn: 'Smoke alarm', lead: 'XF', co: ['GA'], severity: 'critical', handle: H, autoAccept: 'major', fast: true, fusion: { distanceM: 30, windowHours: 2 }, local: true },
  { code: '10005', name: '空气质量超标', nameEn: 'Poor air quality', lead: 'HB', severity: 'minor', handle: DAY, autoAccept: 'major', fusion: { distanceM: 300, windowHours: 6 }, local: true },
];

/**
 * The category tree as Category documents: majors (with their lead as a
 * fallback) then minors, each with per-stage limits in working minutes:
 * accept and dispatch on the command center's 24/7 clock (10 min for
 * emergencies, else 30), handling in the lead's calendar, on-site check 4 h.
 */
export function buildCategories(): Category[] {
  const majors = MAJORS.map<Category>((m) => ({
    code: m.code,
    kind: m.kind,
    major: m.code,
    level: 'major',
    name: m.name,
    nameEn: m.nameEn,
    defaultSeverity: 'minor',
    deadlines: { accept: 30, dispatch: 30, handle: 2 * DAY, verify: 4 * H },
    leadDepartmentCode: m.lead,
    coDepartmentCodes: [],
    fusion: { distanceM: 50, windowHours: 24 },
    local: false,
  }));
  const minors = MINORS.map<Category>((m) => {
    const major = MAJORS.find((x) => x.code === m.code.slice(0, 2))!;
    return {
      code: m.code,
      kind: major.kind,
      major: major.code,
      level: 'minor',
      parentCode: major.code,
      name: m.name,
      nameEn: m.nameEn,
      defaultSeverity: m.severity,
      ...(m.autoAccept ? { autoAcceptSeverity: m.autoAccept } : {}),
      deadlines: { accept: m.fast ? 10 : 30, dispatch: m.fast ? 10 : 30, handle: m.handle, verify: m.fast ? 2 * H : 4 * H },
      leadDepartmentCode: m.lead,
      coDepartmentCodes: m.co ?? [],
      fusion: m.fusion ?? { distanceM: 50, windowHours: 24 },
      local: m.local ?? false,
      publicIntake: PUBLIC_CATEGORY_CODES.includes(m.code),
      ...(CATEGORY_QUESTIONS[m.code] ? { attributes: CATEGORY_QUESTIONS[m.code] } : {}),
    };
  });
  return [...majors, ...minors];
}

/**
 * Routing overrides (data, not code): in the first community, exposed rubbish
 * goes to sanitation with enforcement helping and road trading to the street's
 * own command center; in its first cell (a market), overflowing bins also call
 * enforcement.
 */
export function buildRoutingRules(firstCommunity: { code: string; streetCode: string }, firstCellCode: string): RoutingRule[] {
  return [
    { categoryCode: '06010', scope: 'community', areaCode: firstCommunity.code, leadDepartmentCode: 'HW', coDepartmentCodes: ['CG'], note: '社区环卫一体化：暴露垃圾由环卫主办' },
    { categoryCode: '09006', scope: 'community', areaCode: firstCommunity.code, leadDepartmentCode: streetCommandCode(firstCommunity.streetCode), coDepartmentCodes: ['CG', 'SJ'], note: '街道综合执法：占道经营由街道主办' },
    { categoryCode: '06042', scope: 'grid', areaCode: firstCellCode, leadDepartmentCode: 'HW', coDepartmentCodes: ['CG'], note: '农贸市场网格：满溢联办' },
  ];
}
