import sharp from 'sharp';
import type { Client, Response, TestApp } from '../../../test/support/app.js';
import { multipart } from '../../../test/support/multipart.js';
import type { World } from './fixtures.js';

const expectStatus = (res: Response, status: number, what: string) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * The market records the authorization matrix probes, made through the API as the office, the
 * commune's officer and producer A would; returned by name into `world.activity`:
 * - salesPoint: a point in commune 30037 carrying product A1 (producer A consented);
 * - ecommerceListing: A1's Shopee page recorded by the commune's officer (approved);
 * - listingProposal: A1's Tiki page proposed by producer A (awaiting review);
 * - distributionListing: A1 on the shelves of a supermarket chain;
 * - tradeEvent, tradeEventPhoto: a fair held in 30037 that producer A took part in, with a photo.
 */
export async function buildMarketRecords(_t: TestApp, w: World): Promise<Record<string, string>> {
  const { admin, officerX, producerA } = w.clients;
  const { productA1, subjectA } = w.ids;

  const salesPoint = expectStatus(
    await admin.post('/api/v1/sales-points', {
      kind: 'ocop_point',
      name: 'Điểm giới thiệu và bán sản phẩm OCOP Tháp Mười',
      placement: 'in_province',
      communeCode: '30037',
      locationType: 'market_mall',
      openedOn: '2027-01-10',
      checklist: { location: true, signage: true },
    }),
    201,
    'sales point',
  ).id as string;
  expectStatus(await admin.post(`/api/v1/sales-points/${salesPoint}/products`, { productIds: [productA1] }), 200, 'carried product');
  expectStatus(await producerA.put(`/api/v1/sales-points/${salesPoint}/products/${productA1}/consent`, { consent: 'given' }), 200, 'consent');

  const ecommerceListing = expectStatus(
    await officerX.post('/api/v1/listings/ecommerce', { productId: productA1, platform: 'shopee', url: 'https://shopee.vn/hat-sen-say-thap-muoi-i.100.200' }),
    201,
    'e-commerce listing',
  ).id as string;
  const listingProposal = expectStatus(
    await producerA.post('/api/v1/listings/ecommerce', { productId: productA1, platform: 'tiki', url: 'https://tiki.vn/hat-sen-say-p123456.html' }),
    201,
    'listing proposal',
  ).id as string;
  const distributionListing = expectStatus(
    await admin.post('/api/v1/listings/distribution', { productId: productA1, chain: 'Co.opmart', channel: 'supermarket', stores: 12, since: '2026-05-01' }),
    201,
    'chain listing',
  ).id as string;

  const tradeEvent = expectStatus(
    await admin.post('/api/v1/trade-events', {
      name: 'Hội chợ OCOP Đồng Tháp năm 2027',
      kind: 'fair',
      startsOn: '2027-05-10',
      endsOn: '2027-05-14',
      placement: 'in_province',
      communeCode: '30037',
      booths: 120,
      visitors: 15000,
      revenueVnd: 950_000_000,
      participants: [{ subjectId: subjectA, productIds: [productA1], booths: 2, revenueVnd: 35_000_000 }],
    }),
    201,
    'trade event',
  ).id as string;
  const tradeEventPhoto = (await upload(admin, `/api/v1/trade-events/${tradeEvent}/photos`)).photos[0].id as string;

  return { salesPoint, ecommerceListing, listingProposal, distributionListing, tradeEvent, tradeEventPhoto };
}

async function upload(c: Client, url: string) {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#e76f51' } })
    .png()
    .toBuffer();
  const body = multipart({}, { name: 'hoi-cho.png', data: png });
  return expectStatus(await c.request('POST', url, body.payload, { headers: body.headers }), 201, 'event photo');
}
