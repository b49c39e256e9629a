import type { Department } from '@onegrid/backend/models';
import { OFFICE_CALENDAR, ROUND_THE_CLOCK_CALENDAR } from './calendars.js';
import type { AreaSeed } from './geography.js';

/** The district command center (区城市运行管理中心): the top of the escalation ladder, 24/7. */
export const DISTRICT_COMMAND_CODE = 'ZHZX';

/** Department codes used by categories and routing (市政 SZ receives well-cover alarms). */
export const DEPT = {
  CG: 'CG',
  SZ: 'SZ',
  HW: 'HW',
  YL: 'YL',
  SW: 'SW',
  JT: 'JT',
  GA: 'GA',
  XF: 'XF',
  ZJ: 'ZJ',
  SJ: 'SJ',
  HB: 'HB',
  GS: 'GS',
  GD: 'GD',
  RQ: 'RQ',
} as const;
export type DeptCode = (typeof DEPT)[keyof typeof DEPT];

interface DepartmentRow {
  code: DeptCode;
  name: string;
  nameEn: string;
  level: Department['level'];
  roundTheClock: boolean;
  phone: string;
}

/** The professional departments (专业部门) and utilities (公用事业单位) of the district. */
export const DEPARTMENT_ROWS: readonly DepartmentRow[] = [
  { code: 'CG', name: '城管执法局', nameEn: 'Urban Management Enforcement', level: 'district', roundTheClock: false, phone: '0571-12319' },
  { code: 'SZ', name: '市政设施管理中心', nameEn: 'Municipal Facilities', level: 'district', roundTheClock: false, phone: '0571-85100001' },
  { code: 'HW', name: '环境卫生管理中心', nameEn: 'Sanitation', level: 'district', roundTheClock: false, phone: '0571-85100002' },
  { code: 'YL', name: '园林绿化管理中心', nameEn: 'Parks and Greening', level: 'district', roundTheClock: false, phone: '0571-85100003' },
  { code: 'SW', name: '水务局', nameEn: 'Water Affairs', level: 'district', roundTheClock: false, phone: '0571-85100004' },
  { code: 'JT', name: '交通运输局', nameEn: 'Transport', level: 'district', roundTheClock: false, phone: '0571-85100005' },
  { code: 'GA', name: '公安分局', nameEn: 'Public Security', level: 'district', roundTheClock: true, phone: '110' },
  { code: 'XF', name: '消防救援大队', nameEn: 'Fire and Rescue', level: 'district', roundTheClock: true, phone: '119' },
  { code: 'ZJ', name: '住房和城乡建设局', nameEn: 'Housing and Construction', level: 'district', roundTheClock: false, phone: '0571-85100006' },
  { code: 'SJ', name: '市场监督管理局', nameEn: 'Market Regulation', level: 'district', roundTheClock: false, phone: '12315' },
  { code: 'HB', name: '生态环境分局', nameEn: 'Ecology and Environment', level: 'district', roundTheClock: false, phone: '12369' },
  { code: 'GS', name: '自来水公司', nameEn: 'Water Supply Company', level: 'utility', roundTheClock: true, phone: '0571-96390' },
  { code: 'GD', name: '供电公司', nameEn: 'Power Supply Company', level: 'utility', roundTheClock: true, phone: '95598' },
  { code: 'RQ', name: '燃气公司', nameEn: 'Gas Company', level: 'utility', roundTheClock: true, phone: '0571-96777' },
];

/** The department code of a street's command center (街道综合指挥中心). */
export function streetCommandCode(streetCode: string): string {
  return `ZX${streetCode}`;
}

/**
 * Every department of the place: the district command center (24/7), the
 * professional departments and utilities (office calendar with 2026 holidays
 * and make-up days, or 24/7 for emergency services and utilities; escalation
 * goes to the district command center) and one command center per street
 * (24/7, escalating to the district).
 */
export function buildDepartments(areas: readonly AreaSeed[]): Department[] {
  const district = areas.find((a) => a.level === 'district')!;
  const rows: Department[] = [
    { code: DISTRICT_COMMAND_CODE, name: `${district.name}城市运行管理中心`, nameEn: `${district.nameEn} Operations Command Center`, level: 'district', areaCode: district.code, calendar: ROUND_THE_CLOCK_CALENDAR, phone: '12345' },
    ...DEPARTMENT_ROWS.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      level: d.level,
      areaCode: district.code,
      parentCode: DISTRICT_COMMAND_CODE,
      calendar: d.roundTheClock ? ROUND_THE_CLOCK_CALENDAR : OFFICE_CALENDAR,
      phone: d.phone,
    })),
  ];
  for (const street of areas.filter((a) => a.level === 'street')) {
    rows.push({
      code: streetCommandCode(street.code),
      name: `${street.name}综合指挥中心`,
      nameEn: `${street.nameEn} Command Center`,
      level: 'street',
      areaCode: street.code,
      parentCode: DISTRICT_COMMAND_CODE,
      calendar: ROUND_THE_CLOCK_CALENDAR,
    });
  }
  return rows;
}
