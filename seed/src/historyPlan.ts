import type { Rng } from './random.js';

/** How a past case goes (weights of the demo history). */
export type Outcome = 'on_time' | 'late' | 'returned' | 'postponed' | 'reopened' | 'rejected';

export const OUTCOME_WEIGHTS: Readonly<Record<Outcome, number>> = {
  on_time: 66,
  late: 11,
  returned: 6,
  postponed: 5,
  reopened: 4,
  rejected: 5,
};

/** Which channel past cases came in on. */
export const SOURCE_WEIGHTS = { device: 22, worker: 48, resident: 25, operator: 5 } as const;
export type HistorySource = keyof typeof SOURCE_WEIGHTS;

/** What grid workers report most (event categories with weights). */
export const WORKER_CATEGORIES: Readonly<Record<string, number>> = {
  '06010': 14, '06012': 10, '06036': 9, '09009': 9, '09006': 8, '07001': 8, '06013': 5, '06001': 4, '09005': 6, '09001': 5,
  '03005': 3, '01037': 4, '04002': 3, '04013': 2, '08002': 2, '02017': 2, '06011': 3, '01004': 2,
};

/** What residents complain about (12345-style). */
export const RESIDENT_CATEGORIES: Readonly<Record<string, number>> = {
  '06028': 18, '08001': 12, '09009': 12, '06010': 10, '09012': 6, '06042': 8, '01037': 6, '06013': 6, '08004': 5, '09006': 6, '03001': 3, '01076': 2, '10002': 2,
};

/** What an operator enters from phone calls. */
export const OPERATOR_CATEGORIES: Readonly<Record<string, number>> = { '02014': 3, '01003': 2, '06013': 3, '10001': 1, '04001': 1, '05002': 1 };

/** Short descriptions per category for the texts of past cases. */
export const DESCRIPTIONS: Readonly<Record<string, string[]>> = {
  '06010': ['路边有一堆生活垃圾无人清理', '绿化带内有暴露垃圾'],
  '06012': ['路面有大面积油污', '人行道落叶和泥土未清扫'],
  '06036': ['楼道口堆放杂物影响通行', '小区门口乱堆建筑材料'],
  '09009': ['机动车占用人行道停放', '消防通道旁有车辆乱停'],
  '09006': ['早市摊贩占道经营', '水果摊占用人行道'],
  '07001': ['电线杆上张贴小广告', '墙面喷涂办证小广告'],
  '06028': ['夜间广场舞音响声音过大', '楼下商铺音响噪声扰民'],
  '08001': ['工地夜间施工噪声扰民', '凌晨仍在浇筑混凝土'],
  '06042': ['垃圾箱满溢周边散落垃圾', '垃圾站满溢有异味'],
};

/** When in the day a case is reported (hour weights, local time). */
export const HOUR_WEIGHTS: readonly number[] = [1, 0.5, 0.3, 0.3, 0.4, 0.8, 2, 4, 7, 9, 9, 8, 6, 7, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1.5];

/** A time of day in minutes after local midnight, drawn by HOUR_WEIGHTS. */
export function minuteOfDay(rng: Rng): number {
  const total = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);
  let r = rng.next() * total;
  for (let h = 0; h < 24; h++) {
    r -= HOUR_WEIGHTS[h];
    if (r < 0) return h * 60 + rng.int(0, 59);
  }
  return 23 * 60;
}
