import { describe, expect, it } from 'vitest';
import { buildActionBody, fieldsFor } from './actionForm';

describe('action bodies', () => {
  it('sends only the version for a plain click', () => {
    expect(fieldsFor('accept')).toEqual([]);
    expect(buildActionBody('accept', 3, {})).toEqual({ ok: true, body: { version: 3 } });
  });

  it('requires a reason for a rejection', () => {
    expect(buildActionBody('reject', 1, { reason: '  ' })).toEqual({ ok: false, missing: ['reason'] });
    expect(buildActionBody('reject', 1, { reason: ' 重复上报 ' })).toEqual({ ok: true, body: { version: 1, reason: '重复上报' } });
  });

  it('dispatches by routing when no lead department is chosen', () => {
    expect(buildActionBody('dispatch', 2, { leadDepartmentCode: '' })).toEqual({ ok: true, body: { version: 2 } });
    expect(buildActionBody('dispatch', 2, { leadDepartmentCode: 'SZ' })).toEqual({ ok: true, body: { version: 2, leadDepartmentCode: 'SZ' } });
  });

  it('parses numbers and rejects non-positive ones', () => {
    expect(buildActionBody('postpone', 0, { reason: 'rain', extraMinutes: '120' })).toEqual({ ok: true, body: { version: 0, reason: 'rain', extraMinutes: 120 } });
    expect(buildActionBody('postpone', 0, { reason: 'rain', extraMinutes: '-5' })).toEqual({ ok: false, missing: ['extraMinutes'] });
  });

  it('accepts only the listed choices', () => {
    expect(buildActionBody('verify', 4, { result: 'passed' })).toEqual({ ok: true, body: { version: 4, result: 'passed' } });
    expect(buildActionBody('verify', 4, { result: 'maybe' })).toEqual({ ok: false, missing: ['result'] });
  });
});
