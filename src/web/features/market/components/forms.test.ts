import { describe, expect, it } from 'vitest';
import { DistributionListingInput, SalesPointInput, TradeEventInput } from '../../../../contracts/market.js';
import type { SalesPoint } from '../api/sales-points.js';
import type { TradeEvent } from '../api/trade-events.js';
import { distributionFormValues, previewListingUrl, toDistributionInput } from './listing-forms.js';
import { salesPointFormValues, toSalesPointInput } from './sales-point-form.js';
import { toTradeEventInput, tradeEventFormValues } from './trade-event-form.js';

const POINT: SalesPoint = {
  id: '0b7f3c52-6a51-4a8a-9f0e-1d2c3b4a5f60',
  provinceCode: '82',
  kind: 'ocop_point',
  name: 'Điểm bán OCOP Sa Đéc',
  operator: 'HTX Hoa Sa Đéc',
  address: '12 Nguyễn Sinh Sắc',
  placement: 'in_province',
  communeCode: '30037',
  communeName: 'Phường Sa Đéc',
  otherProvinceCode: null,
  otherProvinceName: null,
  latitude: 10.2931,
  longitude: 105.7593,
  locationType: 'tourism',
  openedOn: '2024-03-15',
  status: 'active',
  closedOn: null,
  phone: null,
  checklist: { location: true, signage: true, staff: false, retired_code: true },
  checklistMet: 2,
  checklistTotal: 10,
  note: null,
  externalCode: null,
  products: [],
  otherProductCount: 0,
  updatedAt: '2026-01-05T08:00:00.000Z',
};

describe('sales point form', () => {
  it('starts a new point in the province, open, with the given commune and nothing checked', () => {
    const values = salesPointFormValues(undefined, '30037');
    expect(values).toMatchObject({ kind: 'ocop_point', placement: 'in_province', communeCode: '30037', status: 'active', latitude: '', longitude: '' });
    expect(Object.values(values.checklist).every((met) => !met)).toBe(true);
    expect(Object.keys(values.checklist)).toHaveLength(10);
  });

  it('gives back a saved point as the same input, keeping only the checklist codes of today', () => {
    const input = SalesPointInput.parse(toSalesPointInput(salesPointFormValues(POINT)));
    expect(input).toMatchObject({
      name: 'Điểm bán OCOP Sa Đéc',
      operator: 'HTX Hoa Sa Đéc',
      phone: null,
      communeCode: '30037',
      otherProvinceCode: null,
      latitude: 10.2931,
      longitude: 105.7593,
      locationType: 'tourism',
      openedOn: '2024-03-15',
      closedOn: null,
    });
    expect(input.checklist).toEqual({
      location: true,
      products_ocop: false,
      products_local: false,
      products_origin: false,
      products_traceable: false,
      signage: true,
      display: false,
      staff: false,
      digital: false,
      safety: false,
    });
  });

  it('sends only the place its placement asks for, and no coordinates once cleared', () => {
    const values = { ...salesPointFormValues(POINT), placement: 'other_province' as const, otherProvinceCode: '79', latitude: '', longitude: '' };
    expect(toSalesPointInput(values)).toMatchObject({
      placement: 'other_province',
      communeCode: null,
      otherProvinceCode: '79',
      latitude: null,
      longitude: null,
    });
    const abroad = toSalesPointInput({ ...values, placement: 'abroad' });
    expect([abroad.communeCode, abroad.otherProvinceCode]).toEqual([null, null]);
  });

  it('sends a closing date only for a closed point', () => {
    const values = { ...salesPointFormValues(POINT), closedOn: '2025-12-31' };
    expect(toSalesPointInput(values).closedOn).toBeNull();
    expect(toSalesPointInput({ ...values, status: 'closed' }).closedOn).toBe('2025-12-31');
  });
});

const EVENT: TradeEvent = {
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  provinceCode: '82',
  name: 'Hội chợ OCOP Đồng Tháp 2025',
  kind: 'fair',
  startsOn: '2025-11-20',
  endsOn: '2025-11-24',
  placement: 'other_province',
  place: 'Nhà văn hóa Thanh niên',
  communeCode: null,
  communeName: null,
  otherProvinceCode: '79',
  country: null,
  organiser: 'Sở Công Thương',
  booths: 40,
  visitors: 12000,
  revenueVnd: 1_250_000_000,
  contracts: null,
  note: null,
  externalCode: null,
  participants: [
    {
      subjectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      subjectName: 'HTX Hoa Sa Đéc',
      booths: 2,
      revenueVnd: null,
      products: [{ productId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', productName: 'Bánh phồng tôm' }],
    },
  ],
  otherParticipantCount: 0,
  photos: [],
  updatedAt: '2026-01-05T08:00:00.000Z',
};

describe('trade event form', () => {
  it('gives back a saved event as the same input, participants with their products', () => {
    const input = TradeEventInput.parse(toTradeEventInput(tradeEventFormValues(EVENT)));
    expect(input).toMatchObject({
      startsOn: '2025-11-20',
      endsOn: '2025-11-24',
      otherProvinceCode: '79',
      communeCode: null,
      country: null,
      booths: 40,
      visitors: 12000,
      revenueVnd: 1_250_000_000,
      contracts: null,
    });
    expect(input.participants).toEqual([
      { subjectId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', productIds: ['2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'], booths: 2, revenueVnd: null },
    ]);
  });

  it('sends a country only abroad, and empty figures as absent', () => {
    const values = { ...tradeEventFormValues(undefined), country: 'Nhật Bản', revenueVnd: '', visitors: 300 };
    expect(toTradeEventInput(values)).toMatchObject({ country: null, revenueVnd: null, visitors: 300 });
    expect(toTradeEventInput({ ...values, placement: 'abroad', communeCode: '30037' })).toMatchObject({ country: 'Nhật Bản', communeCode: null });
  });

  it('refuses through the contract a participant nobody chose', () => {
    const values = { ...tradeEventFormValues(EVENT), participants: [{ subjectId: null, productIds: [], booths: '', revenueVnd: '' }] };
    const result = TradeEventInput.safeParse(toTradeEventInput(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['participants.0.subjectId']);
  });
});

describe('listing forms', () => {
  it('previews the URL the server will keep, and a platform its host contradicts', () => {
    expect(previewListingUrl('  ', 'shopee')).toBeNull();
    expect(previewListingUrl('http://www.Shopee.vn/banh-phong-tom-i.1.2/?utm_source=zalo#top', 'shopee')).toEqual({
      url: 'https://shopee.vn/product/1/2',
      problem: null,
    });
    expect(previewListingUrl('https://tiki.vn/p/123', 'shopee')?.problem?.vi).toBe('Đường dẫn thuộc Tiki, không phải Shopee.');
    expect(previewListingUrl('ftp://example.com/x', null)).toEqual({
      url: null,
      problem: { vi: 'Đường dẫn phải bắt đầu bằng https://.', en: 'The URL must start with https://.' },
    });
  });

  it('sends a chain listing without stores as absent, and a count as a number', () => {
    const values = distributionFormValues(undefined, '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e');
    const input = DistributionListingInput.parse({ ...toDistributionInput(values), chain: 'Co.opmart' });
    expect(input).toMatchObject({ channel: 'supermarket', stores: null, active: true, since: null, note: null });
    expect(toDistributionInput({ ...values, stores: 12 }).stores).toBe(12);
  });
});
