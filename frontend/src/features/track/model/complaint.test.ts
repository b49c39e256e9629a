import { describe, expect, it } from 'vitest';
import { buildComplaint, type ComplaintForm } from './complaint';

const form = (over: Partial<ComplaintForm> = {}): ComplaintForm => ({ categoryCode: '06010', description: ' 路口垃圾堆积 ', address: '', lng: '116.4012', lat: '39.9008', name: '', phone: '', ...over });

describe('complaint form', () => {
  it('builds the public complaint body with numeric coordinates and no empty optionals', () => {
    expect(buildComplaint(form(), 'msg-12345678')).toEqual({ ok: true, body: { messageId: 'msg-12345678', categoryCode: '06010', description: '路口垃圾堆积', lng: 116.4012, lat: 39.9008 } });
  });

  it('keeps optional contact details when given', () => {
    const r = buildComplaint(form({ name: '张三', phone: '138 1234 5678', address: '东街 3 号' }), 'msg-12345678');
    expect(r).toMatchObject({ ok: true, body: { name: '张三', phone: '138 1234 5678', address: '东街 3 号' } });
  });

  it('lists every wrong field', () => {
    expect(buildComplaint(form({ description: ' ', lng: '', lat: '95', phone: 'abc', categoryCode: '6010' }), 'msg-12345678')).toEqual({
      ok: false,
      invalid: ['categoryCode', 'description', 'lng', 'lat', 'phone'],
    });
  });
});
