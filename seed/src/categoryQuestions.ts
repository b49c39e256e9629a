import type { CategoryAttribute } from '@onegrid/backend/models';

/**
 * The categories residents and outside apps may report (the web form's list;
 * Open311 publishes them as services). Sensor-only categories (smoke alarm,
 * air quality…) and the other internal ones stay off it.
 */
export const PUBLIC_CATEGORY_CODES: readonly string[] = ['06010', '06012', '06013', '06028', '06001', '06042', '08001', '08004', '09006', '09009', '09012', '01003', '01037', '04002'];

/** Extra questions of a few demo categories (data on the category; Open311 serves them as service definitions). */
export const CATEGORY_QUESTIONS: Readonly<Record<string, CategoryAttribute[]>> = {
  // 道路破损 damaged road
  '06013': [
    { code: 'safety_notice', variable: false, datatype: 'string', required: false, order: 1, description: '路面塌陷或有深坑危及安全时，请同时拨打 110。', descriptionEn: 'If the road has caved in or a deep hole endangers people, also call 110.' },
    {
      code: 'damage_size',
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      order: 2,
      description: '破损面积有多大？',
      descriptionEn: 'How large is the damage?',
      values: [
        { key: 'small', name: '小于一块地砖', nameEn: 'Smaller than a paving slab' },
        { key: 'medium', name: '约一平方米', nameEn: 'About one square metre' },
        { key: 'large', name: '超过一平方米', nameEn: 'More than one square metre' },
      ],
    },
    { code: 'depth_cm', variable: true, datatype: 'number', required: false, order: 3, description: '大约多深（厘米）？', descriptionEn: 'About how deep (cm)?', datatypeDescription: 'centimetres' },
  ],
  // 行道树 street tree
  '04002': [
    {
      code: 'tree_problem',
      variable: true,
      datatype: 'multivaluelist',
      required: true,
      order: 1,
      description: '树木有什么问题？（可多选）',
      descriptionEn: 'What is wrong with the tree? (one or more)',
      values: [
        { key: 'fallen', name: '倒伏', nameEn: 'Fallen' },
        { key: 'leaning', name: '倾斜', nameEn: 'Leaning' },
        { key: 'broken_branch', name: '断枝', nameEn: 'Broken branch' },
        { key: 'pests', name: '病虫害', nameEn: 'Pests' },
      ],
    },
  ],
  // 噪声扰民 noise nuisance
  '06028': [
    {
      code: 'noise_time',
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: '噪声通常在什么时候？',
      descriptionEn: 'When is the noise usually heard?',
      values: [
        { key: 'day', name: '白天（6–22 时）', nameEn: 'Daytime (6 am–10 pm)' },
        { key: 'night', name: '夜间（22–6 时）', nameEn: 'At night (10 pm–6 am)' },
      ],
    },
    { code: 'noise_source', variable: true, datatype: 'string', required: false, order: 2, description: '噪声来源（如工地、商铺、娱乐场所）', descriptionEn: 'Where the noise comes from (building site, shop, venue…)' },
  ],
};
