import { describe, expect, it } from 'vitest';
import { basemapStyle, drawingOrder } from './basemapStyle';
import { markerStyle, STATUS_COLOR } from './markerStyle';
import { tooltipText } from './tooltips';

describe('incident marker style', () => {
  it('colours by status and sizes by severity', () => {
    const critical = markerStyle('reported', 'critical');
    const minor = markerStyle('reported', 'minor');
    expect(critical.fillColor).toBe(STATUS_COLOR.reported);
    expect(critical.radius).toBeGreaterThan(minor.radius);
    expect(markerStyle('dispatched', 'minor').fillColor).not.toBe(critical.fillColor);
  });

  it('rings and enlarges the selected marker', () => {
    const plain = markerStyle('accepted', 'major');
    const selected = markerStyle('accepted', 'major', true);
    expect(selected.radius).toBeGreaterThan(plain.radius);
    expect(selected.color).not.toBe(plain.color);
  });

  it('fades finished cases and falls back for unknown values', () => {
    expect(markerStyle('closed', 'minor').fillOpacity).toBeLessThan(markerStyle('reported', 'minor').fillOpacity);
    expect(markerStyle('unknown', 'unknown')).toMatchObject({ fillColor: '#5f6368', radius: 7 });
  });
});

describe('basemap', () => {
  it('styles the seed layers: water filled blue, main roads wider than minor ones, blocks filled', () => {
    expect(basemapStyle('water')).toMatchObject({ fill: true, fillColor: '#aecbfa' });
    expect(basemapStyle('main-roads').weight).toBeGreaterThan(basemapStyle('minor-roads').weight);
    expect(basemapStyle('minor-roads').fill).toBe(false);
    expect(basemapStyle('blocks').fill).toBe(true);
    expect(basemapStyle('railways')).toMatchObject({ fill: false });
  });

  it('draws layers by order, then id', () => {
    const layers = [{ id: 'main-roads', order: 40 }, { id: 'water', order: 10 }, { id: 'b', order: 20 }, { id: 'a', order: 20 }];
    expect(drawingOrder(layers).map((l) => l.id)).toEqual(['water', 'a', 'b', 'main-roads']);
  });
});

describe('tooltips', () => {
  it('names a grid cell by name and code, and copes with missing properties', () => {
    expect(tooltipText({ name: '东一网格', code: '110101001001001' })).toBe('东一网格 · 110101001001001');
    expect(tooltipText({ code: '110101001001001' })).toBe('110101001001001');
    expect(tooltipText(null)).toBe('');
  });
});

describe('positions', () => {
  it('draws only incidents with a real position', async () => {
    const { hasPosition } = await import('./mapIncident');
    expect(hasPosition({ lng: 116.4, lat: 39.9 })).toBe(true);
    expect(hasPosition({ lng: Number.NaN, lat: 39.9 })).toBe(false);
    expect(hasPosition({ lng: 0, lat: 0 })).toBe(false);
    expect(hasPosition({ lng: 200, lat: 10 })).toBe(false);
  });
});
