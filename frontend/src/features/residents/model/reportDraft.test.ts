import { describe, expect, it } from 'vitest';
import { groupCategories, localName, placeLine } from './names';
import { buildReport, EMPTY_DRAFT } from './reportDraft';

const pin = { lng: 120.1234567, lat: 30.2 };

describe('buildReport', () => {
  it('needs a pin in the district, a category and a description', () => {
    expect(buildReport(EMPTY_DRAFT, null, false, 'm-1')).toEqual({ ok: false, invalid: ['pin', 'categoryCode', 'description'] });
    expect(buildReport({ ...EMPTY_DRAFT, categoryCode: '06010', description: 'x' }, pin, false, 'm-1')).toEqual({ ok: false, invalid: ['pin'] });
  });

  it('sends no contact when anonymous, even if fields were typed before switching', () => {
    const r = buildReport({ ...EMPTY_DRAFT, categoryCode: '06010', description: ' 垃圾 ', name: '张三', phone: '13812341234', anonymous: true }, pin, true, 'm-1');
    expect(r).toEqual({ ok: true, body: { messageId: 'm-1', categoryCode: '06010', description: '垃圾', lng: 120.123457, lat: 30.2 } });
  });

  it('asks for consent when a name or phone is given, and checks the phone', () => {
    const draft = { ...EMPTY_DRAFT, categoryCode: '06010', description: 'x', anonymous: false, phone: '138-1234-1234' };
    expect(buildReport(draft, pin, true, 'm')).toEqual({ ok: false, invalid: ['consent'] });
    expect(buildReport({ ...draft, phone: 'call me' }, pin, true, 'm')).toEqual({ ok: false, invalid: ['phone', 'consent'] });
    expect(buildReport({ ...draft, consent: true }, pin, true, 'm')).toMatchObject({ ok: true, body: { phone: '138-1234-1234' } });
  });
});

describe('names', () => {
  it('picks the English name in English when there is one', () => {
    expect(localName({ name: '暴露垃圾', nameEn: 'Exposed rubbish' }, 'en')).toBe('Exposed rubbish');
    expect(localName({ name: '暴露垃圾' }, 'en')).toBe('暴露垃圾');
    expect(localName({ name: '暴露垃圾', nameEn: 'Exposed rubbish' }, 'zh-CN')).toBe('暴露垃圾');
  });

  it('writes the place as cell · community · street, leaving out unknown names', () => {
    expect(placeLine({ gridCode: '1', gridName: 'A1', communityName: '北河沿社区', communityNameEn: 'Beiheyan', streetName: '东华门街道' }, 'en', 'Cell')).toBe('Cell A1 · Beiheyan · 东华门街道');
    expect(placeLine({ gridCode: '110101001001007' }, 'zh-CN', '网格')).toBe('网格 7');
    expect(placeLine({ gridCode: '330106001002003', gridName: '东湖社区第3网格', communityName: '东湖社区' }, 'zh-CN', '网格')).toBe('东湖社区第3网格 · 东湖社区');
    expect(placeLine({ gridCode: '330106001002003', gridName: '东湖社区第3网格', communityName: '东湖社区', communityNameEn: 'Donghu' }, 'en', 'Grid cell')).toBe('Grid cell 3 · Donghu');
  });

  it('groups categories under their major class', () => {
    const g = groupCategories([{ code: '06010', major: '06' }, { code: '01003', major: '01' }, { code: '06001', major: '06' }], [{ code: '06' }]);
    expect(g.map((x) => [x.major, x.group?.code, x.items.map((i) => i.code)])).toEqual([
      ['01', undefined, ['01003']],
      ['06', '06', ['06010', '06001']],
    ]);
  });
});
