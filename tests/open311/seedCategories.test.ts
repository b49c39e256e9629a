import { describe, expect, it } from 'vitest';
import { RESIDENT_CATEGORIES } from '../../frontend/src/features/track/model/complaint.js';
import { ATTRIBUTE_DATATYPES } from '@onegrid/backend/models';
import { presentDefinition } from '@onegrid/backend/open311';
import { buildCategories } from '../../seed/src/categories.js';
import { CATEGORY_QUESTIONS, PUBLIC_CATEGORY_CODES } from '../../seed/src/categoryQuestions.js';

describe('the demo district’s Open311 services (seed data)', () => {
  const categories = buildCategories();

  it('opens to the public exactly the categories of the residents’ web form, all minor categories', () => {
    expect([...PUBLIC_CATEGORY_CODES].sort()).toEqual([...RESIDENT_CATEGORIES].sort());
    const open = categories.filter((c) => c.publicIntake);
    expect(open.map((c) => c.code).sort()).toEqual([...PUBLIC_CATEGORY_CODES].sort());
    expect(open.every((c) => c.level === 'minor')).toBe(true);
  });

  it('gives a few public categories well-formed questions: unique codes and orders, list answers with unique keys, both languages', () => {
    expect(Object.keys(CATEGORY_QUESTIONS).length).toBeGreaterThanOrEqual(2);
    for (const [code, questions] of Object.entries(CATEGORY_QUESTIONS)) {
      const category = categories.find((c) => c.code === code);
      expect(category?.publicIntake, code).toBe(true);
      expect(category?.attributes).toBe(questions);
      expect(new Set(questions.map((q) => q.code)).size).toBe(questions.length);
      expect(new Set(questions.map((q) => q.order)).size).toBe(questions.length);
      for (const q of questions) {
        expect(ATTRIBUTE_DATATYPES).toContain(q.datatype);
        expect(q.descriptionEn, `${code}/${q.code}`).toBeTruthy();
        if (q.datatype.endsWith('valuelist')) {
          expect(q.values!.length).toBeGreaterThanOrEqual(2);
          expect(new Set(q.values!.map((v) => v.key)).size).toBe(q.values!.length);
          expect(q.values!.every((v) => v.nameEn)).toBe(true);
        } else expect(q.values).toBeUndefined();
        if (!q.variable) expect(q.required).toBe(false);
      }
      expect(presentDefinition(category!, 'en').attributes.map((a) => a.order)).toEqual([...questions.map((q) => q.order)].sort((a, b) => a - b));
    }
  });
});
