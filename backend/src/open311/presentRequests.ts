import type { Category, Department, Incident, Models } from '../models/index.js';
import type { Format } from './format.js';
import type { Lang } from './locale.js';
import { presentRequest, type RequestView } from './presentRequest.js';

/** A page of cases as service requests: categories, departments and merged cases' originals looked up once for the page. */
export async function presentRequests(
  models: Pick<Models, 'Category' | 'Department' | 'Incident'>,
  incidents: Incident[],
  options: { lang: Lang; format: Format; extensions: boolean },
): Promise<RequestView[]> {
  const categoryCodes = [...new Set(incidents.map((i) => i.categoryCode))];
  const departmentCodes = [...new Set(incidents.flatMap((i) => (i.assignments ?? []).filter((a) => a.role === 'lead').map((a) => a.departmentCode)))];
  const originalIds = [...new Set(incidents.filter((i) => i.mergedInto).map((i) => String(i.mergedInto)))];
  const [categories, departments, originals] = await Promise.all([
    categoryCodes.length ? models.Category.find({ code: { $in: categoryCodes } }).lean<Category[]>() : [],
    departmentCodes.length ? models.Department.find({ code: { $in: departmentCodes } }, { code: 1, name: 1, nameEn: 1 }).lean<Department[]>() : [],
    originalIds.length ? models.Incident.find({ _id: { $in: originalIds } }, { code: 1 }).lean<Pick<Incident, '_id' | 'code'>[]>() : [],
  ]);
  const rc = {
    categories: new Map(categories.map((c) => [c.code, c])),
    departments: new Map(departments.map((d) => [d.code, d])),
    originals: new Map(originals.map((o) => [String(o._id), o.code])),
    ...options,
  };
  return incidents.map((i) => presentRequest(i, rc));
}
