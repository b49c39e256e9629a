import { describe, expect, it } from 'vitest';
import type { Device } from '../models/index.js';
import { inTreeOrder, presentDevice } from './presenters.js';

describe('inTreeOrder', () => {
  it('puts each major class before its minors, components before events, codes ascending', () => {
    const rows = [
      { code: '06010', kind: 'event', parentCode: '06' },
      { code: '01003', kind: 'component', parentCode: '01' },
      { code: '06', kind: 'event' },
      { code: '01001', kind: 'component', parentCode: '01' },
      { code: '02', kind: 'component' },
      { code: '01', kind: 'component' },
      { code: '02014', kind: 'component', parentCode: '02' },
      { code: '06001', kind: 'event', parentCode: '06' },
    ] as const;
    expect(inTreeOrder([...rows]).map((r) => `${r.kind[0]}${r.code}`)).toEqual(['c01', 'c01001', 'c01003', 'c02', 'c02014', 'e06', 'e06001', 'e06010']);
  });

  it('keeps rows whose parent is missing, as roots', () => {
    const rows = [
      { code: '10001', kind: 'event' as const, parentCode: '10' },
      { code: '09', kind: 'event' as const },
    ];
    expect(inTreeOrder(rows).map((r) => r.code)).toEqual(['09', '10001']);
  });
});

describe('presentDevice', () => {
  it('never includes the token hash', () => {
    const device = { deviceId: 'd1', type: 'smoke', name: 'x', tokenHash: 'scrypt$secret', lng: 1, lat: 2, categoryCode: '01003', status: 'online', demo: true } as Device;
    const shown = presentDevice(device);
    expect(JSON.stringify(shown)).not.toContain('secret');
    expect(shown).not.toHaveProperty('tokenHash');
    expect(shown).toMatchObject({ deviceId: 'd1', lng: 1, lat: 2, status: 'online' });
  });
});
