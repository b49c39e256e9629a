import type { Category, CategoryAttribute, Models } from '../models/index.js';
import { type Lang, pick } from './locale.js';

/** The categories Open311 offers as services: minor categories marked `publicIntake`, by code. */
export async function publicCategories(models: Pick<Models, 'Category'>): Promise<Category[]> {
  return models.Category.find({ publicIntake: true, level: 'minor' }).sort({ code: 1 }).lean<Category[]>();
}

/** One public category by service code, or null (unknown, a major class, or not open to the public). */
export async function publicCategory(models: Pick<Models, 'Category'>, code: string): Promise<Category | null> {
  return models.Category.findOne({ code, publicIntake: true, level: 'minor' }).lean<Category>();
}

/** True when the category asks questions with answers (`metadata` of the service list). */
export function hasMetadata(c: Pick<Category, 'attributes'>): boolean {
  return (c.attributes ?? []).length > 0;
}

/** The service list entry of a category: `group` is its major class, `type` realtime (a case exists as soon as the POST is answered). */
export function presentService(c: Category, majors: Map<string, Category>, lang: Lang) {
  const major = majors.get(c.major);
  const groupName = major ? pick(lang, major.name, major.nameEn) : c.major;
  return {
    service_code: c.code,
    service_name: pick(lang, c.name, c.nameEn),
    description: `${groupName} · ${pick(lang, c.name, c.nameEn)}`,
    metadata: hasMetadata(c),
    type: 'realtime',
    keywords: [c.name, c.nameEn, c.code].filter(Boolean).join(', '),
    group: groupName,
  };
}

/** The service definition's attribute, in the specification's element order. */
export function presentAttribute(a: CategoryAttribute, lang: Lang) {
  const list = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatypeDescription ?? null,
    order: a.order,
    description: pick(lang, a.description, a.descriptionEn),
    ...(list ? { values: (a.values ?? []).map((v) => ({ key: v.key, name: pick(lang, v.name, v.nameEn) })) } : {}),
  };
}

/** `GET services/{code}`: the category's questions by `order` (an empty list when it asks none). */
export function presentDefinition(c: Category, lang: Lang) {
  const attributes = [...(c.attributes ?? [])].sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  return { service_code: c.code, attributes: attributes.map((a) => presentAttribute(a, lang)) };
}

/** The major classes (for `group`), by code. */
export async function majorsByCode(models: Pick<Models, 'Category'>): Promise<Map<string, Category>> {
  const majors = await models.Category.find({ level: 'major' }).lean<Category[]>();
  return new Map(majors.map((m) => [m.code, m]));
}

/** The handling promise of a category, as the `service_notice` of its requests. */
export function serviceNotice(c: Pick<Category, 'deadlines'>, lang: Lang): string {
  const hours = Math.round((c.deadlines.handle / 60) * 10) / 10;
  return lang === 'en' ? `Handled within ${hours} working hours of dispatch.` : `派遣后 ${hours} 个工作小时内处置。`;
}
