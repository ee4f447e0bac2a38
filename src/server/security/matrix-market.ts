import { SMALL_PDF } from '../../../test/support/evaluation.js';
import { multipart } from '../../../test/support/multipart.js';
import { TODAY } from './fixtures.js';
import { A_REG, REGISTRY, type Entry } from './matrix-entry.js';

/**
 * The authorization matrix's entries for the market routes (records from fixtures-market.ts).
 * Sales points and events are activity records of province 82 in commune 30037: the province's
 * office and all its commune officers read them, the office and the officer of 30037 change them
 * (officer Y, who reads them, may be told 403). Listings follow their product: whoever sees A1.
 */

/** Those who change A's commune's activity records and A's products' market records. */
const KEEPERS_A = ['officerX', 'admin', 'ministry'] as const;
/** Those who read province 82's activity records. */
const READERS_82 = ['officerX', 'officerY', 'admin', 'ministry'] as const;
/** Lists of activity records: each office and officer sees its own province's (another province's office an empty list). */
const LISTERS = [...READERS_82, 'otherAdmin'] as const;

const salesPointBody = { kind: 'ocop_point', name: 'Điểm bán sản phẩm OCOP mới', placement: 'in_province', communeCode: '30037' };
const eventBody = (subjectId: string, productId: string) => ({
  name: 'Tuần lễ văn hóa – du lịch Đồng Tháp',
  kind: 'culture_tourism_week',
  startsOn: '2027-04-01',
  endsOn: '2027-04-05',
  placement: 'in_province',
  communeCode: '30037',
  participants: [{ subjectId, productIds: [productId] }],
});
const photo = () => ({ multipart: multipart({}, { name: 'anh.png', data: SMALL_PDF }) });

export const MARKET_MATRIX: Record<string, Entry> = {
  // Sales points.
  'GET /api/v1/sales-points': { path: () => '/api/v1/sales-points', ok: LISTERS },
  'GET /api/v1/sales-points/export': { path: () => '/api/v1/sales-points/export?format=csv', ok: LISTERS },
  // Another province's office is told its commune is not in its province.
  'POST /api/v1/sales-points': { path: () => '/api/v1/sales-points', body: () => salesPointBody, ok: KEEPERS_A, refusal: 400 },
  'GET /api/v1/sales-points/:id': { path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}`, ok: READERS_82 },
  'PUT /api/v1/sales-points/:id': {
    path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}`,
    body: () => salesPointBody,
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
  'DELETE /api/v1/sales-points/:id': { path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}`, ok: KEEPERS_A, insiders: ['officerY'] },
  'POST /api/v1/sales-points/:id/products': {
    path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}/products`,
    body: (w) => ({ productIds: [w.ids.productA2] }),
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
  'DELETE /api/v1/sales-points/:id/products/:productId': {
    path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}/products/${w.ids.productA1}`,
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
  // The producer answers for itself; the office and A's commune officer record its signed paper.
  'PUT /api/v1/sales-points/:id/products/:productId/consent': {
    path: (w) => `/api/v1/sales-points/${w.activity.salesPoint}/products/${w.ids.productA1}/consent`,
    body: () => ({ consent: 'given', consentOn: TODAY }),
    ok: A_REG,
  },
  'GET /api/v1/products/:id/sales-points': { path: (w) => `/api/v1/products/${w.ids.productA1}/sales-points`, ok: A_REG },

  // Listings: whoever sees the product; a producer proposes e-commerce pages of its own.
  'GET /api/v1/listings/ecommerce': { path: () => '/api/v1/listings/ecommerce', ok: REGISTRY },
  'GET /api/v1/listings/ecommerce/export': { path: () => '/api/v1/listings/ecommerce/export?format=csv', ok: REGISTRY },
  'POST /api/v1/listings/ecommerce': {
    path: () => '/api/v1/listings/ecommerce',
    body: (w) => ({ productId: w.ids.productA1, platform: 'lazada', url: 'https://www.lazada.vn/products/hat-sen-say-i100.html' }),
    ok: A_REG,
    refusal: 400,
  },
  'PUT /api/v1/listings/ecommerce/:id': {
    path: (w) => `/api/v1/listings/ecommerce/${w.activity.listingProposal}`,
    body: () => ({ platform: 'tiki', url: 'https://tiki.vn/hat-sen-say-p654321.html' }),
    ok: A_REG,
  },
  'DELETE /api/v1/listings/ecommerce/:id': { path: (w) => `/api/v1/listings/ecommerce/${w.activity.listingProposal}`, ok: A_REG },
  'POST /api/v1/listings/ecommerce/:id/review': {
    path: (w) => `/api/v1/listings/ecommerce/${w.activity.listingProposal}/review`,
    body: () => ({ decision: 'approved' }),
    ok: KEEPERS_A,
  },
  'GET /api/v1/listings/distribution': { path: () => '/api/v1/listings/distribution', ok: REGISTRY },
  'GET /api/v1/listings/distribution/export': { path: () => '/api/v1/listings/distribution/export?format=csv', ok: REGISTRY },
  'POST /api/v1/listings/distribution': {
    path: () => '/api/v1/listings/distribution',
    body: (w) => ({ productId: w.ids.productA1, chain: 'WinMart', channel: 'supermarket' }),
    ok: KEEPERS_A,
    refusal: 400,
  },
  'PUT /api/v1/listings/distribution/:id': {
    path: (w) => `/api/v1/listings/distribution/${w.activity.distributionListing}`,
    body: () => ({ chain: 'Co.opmart', channel: 'supermarket', stores: 20 }),
    ok: KEEPERS_A,
  },
  'DELETE /api/v1/listings/distribution/:id': { path: (w) => `/api/v1/listings/distribution/${w.activity.distributionListing}`, ok: KEEPERS_A },
  'GET /api/v1/products/:id/where-to-buy': { path: (w) => `/api/v1/products/${w.ids.productA1}/where-to-buy`, ok: A_REG },

  // Trade events.
  'GET /api/v1/trade-events': { path: () => '/api/v1/trade-events', ok: LISTERS },
  'GET /api/v1/trade-events/export': { path: () => '/api/v1/trade-events/export?format=csv', ok: LISTERS },
  // Another province's office is told the commune and the participant are not in its province.
  'POST /api/v1/trade-events': {
    path: () => '/api/v1/trade-events',
    body: (w) => eventBody(w.ids.subjectA, w.ids.productA1),
    ok: KEEPERS_A,
    refusal: 400,
  },
  'GET /api/v1/trade-events/:id': { path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}`, ok: READERS_82 },
  'PUT /api/v1/trade-events/:id': {
    path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}`,
    body: (w) => eventBody(w.ids.subjectA, w.ids.productA1),
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
  'DELETE /api/v1/trade-events/:id': { path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}`, ok: KEEPERS_A, insiders: ['officerY'] },
  'POST /api/v1/trade-events/:id/photos': {
    path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}/photos`,
    body: photo,
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
  'GET /api/v1/trade-events/:id/photos/:photoId': {
    path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}/photos/${w.activity.tradeEventPhoto}?size=thumb`,
    ok: READERS_82,
  },
  'DELETE /api/v1/trade-events/:id/photos/:photoId': {
    path: (w) => `/api/v1/trade-events/${w.activity.tradeEvent}/photos/${w.activity.tradeEventPhoto}`,
    ok: KEEPERS_A,
    insiders: ['officerY'],
  },
};
