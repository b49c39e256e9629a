import type { CategoryView, DepartmentView } from '@onegrid/backend/contracts';

type Category = Pick<CategoryView, 'code' | 'name' | 'nameEn'>;
type Department = Pick<DepartmentView, 'code' | 'name' | 'nameEn'>;

/** A category's name in the UI language, or its code when the directory is not loaded. */
export function categoryName(categories: Map<string, Category> | undefined, code: string, language: string): string {
  const c = categories?.get(code);
  if (!c) return code;
  return language.startsWith('en') && c.nameEn ? c.nameEn : c.name;
}

/** A department's name in the UI language, or its code when the directory is not loaded. */
export function departmentName(departments: Department[] | undefined, code: string, language: string): string {
  const d = departments?.find((x) => x.code === code);
  if (!d) return code;
  return language.startsWith('en') && d.nameEn ? d.nameEn : d.name;
}
