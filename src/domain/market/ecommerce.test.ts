import { describe, expect, it } from 'vitest';
import { checkListingPlatform, earlierListingUrlForms, normaliseListingUrl, platformOfHost } from './ecommerce.js';

const kept = (input: string) => {
  const n = normaliseListingUrl(input);
  return n.ok ? n.url : `refused: ${n.message.en}`;
};

describe('normaliseListingUrl', () => {
  it.each([
    // http and https are one page, on every host; https is kept.
    ['http://tiki.vn/tra-tim-sen-p789', 'https://tiki.vn/tra-tim-sen-p789'],
    ['http://senthapmuoi.vn/san-pham/hat-sen', 'https://senthapmuoi.vn/san-pham/hat-sen'],
    ['https://senthapmuoi.vn/san-pham/hat-sen', 'https://senthapmuoi.vn/san-pham/hat-sen'],
    ['senthapmuoi.vn/san-pham/hat-sen/', 'https://senthapmuoi.vn/san-pham/hat-sen'],
    ['http://senthapmuoi.vn:8080/shop', 'https://senthapmuoi.vn:8080/shop'],
    // The marketplaces' mobile hosts are their main host.
    ['https://m.tiki.vn/tra-tim-sen-p789', 'https://tiki.vn/tra-tim-sen-p789'],
    ['http://mobile.tiki.vn/tra-tim-sen-p789?spid=5', 'https://tiki.vn/tra-tim-sen-p789?spid=5'],
    ['m.lazada.vn/products/tra-tim-sen-i9.html', 'https://lazada.vn/products/tra-tim-sen-i9.html'],
    ['https://www.Lazada.vn/products/tra-tim-sen-i9.html?utm_source=zalo', 'https://lazada.vn/products/tra-tim-sen-i9.html'],
    ['https://m.tiktok.com/@senthapmuoi', 'https://tiktok.com/@senthapmuoi'],
    // Shopee's two forms of a product page are one, its parameters dropped.
    ['https://shopee.vn/product/123/456', 'https://shopee.vn/product/123/456'],
    ['https://shopee.vn/Hat-sen-say-Thap-Muoi-i.123.456', 'https://shopee.vn/product/123/456'],
    ['http://m.shopee.vn/hat-sen-i.123.456?sp_atk=abc&xptdk=def&d_id=1', 'https://shopee.vn/product/123/456'],
    ['https://shopee.vn/H%E1%BA%A1t-sen-s%E1%BA%A5y-i.123.456/', 'https://shopee.vn/product/123/456'],
    ['https://www.shopee.vn/product/123/456?utm_campaign=x#reviews', 'https://shopee.vn/product/123/456'],
    // Other pages keep their other parameters, sorted.
    ['https://shopee.vn/senthapmuoi?page=2&sortBy=pop', 'https://shopee.vn/senthapmuoi?page=2&sortBy=pop'],
    ['https://example.vn/p?b=2&a=1&fbclid=x', 'https://example.vn/p?a=1&b=2'],
  ])('%s → %s', (input, canonical) => {
    expect(kept(input)).toBe(canonical);
  });

  it.each([
    // Different products, shops or pages stay apart.
    ['https://shopee.vn/product/123/456', 'https://shopee.vn/product/123/457'],
    ['https://shopee.vn/hat-sen-i.123.456', 'https://shopee.vn/hat-sen-i.124.456'],
    ['https://shopee.vn/senthapmuoi', 'https://shopee.vn/product/123/456'],
    ['https://tiki.vn/tra-tim-sen-p789', 'https://tiki.vn/tra-tim-sen-p790'],
    // "m." is only dropped on a known marketplace: elsewhere it may be another site.
    ['https://m.senthapmuoi.vn/hat-sen', 'https://senthapmuoi.vn/hat-sen'],
    ['https://mall.shopee.vn/x', 'https://shopee.vn/x'],
    ['https://example.vn/p?id=1', 'https://example.vn/p?id=2'],
  ])('%s and %s stay distinct', (a, b) => {
    expect(kept(a)).not.toBe(kept(b));
  });

  it.each([
    ['ftp://shopee.vn/abc', 'The URL must start with https://.'],
    ['http://192.168.1.10/shop', 'The URL must name a website by its domain.'],
    ['https://user:pw@shopee.vn/abc', 'The URL must not carry a user name or password.'],
    ['   ', 'Enter the product page URL.'],
  ])('refuses %s', (input, message) => {
    expect(kept(input)).toBe(`refused: ${message}`);
  });

  it('names the platform of a mobile host, and checks it against the platform recorded', () => {
    expect(platformOfHost('m.shopee.vn')).toBe('shopee');
    expect(normaliseListingUrl('m.tiki.vn/abc')).toMatchObject({ ok: true, platform: 'tiki' });
    expect(checkListingPlatform('tiki', kept('https://m.tiki.vn/abc'))).toBeNull();
    expect(checkListingPlatform('lazada', kept('https://m.tiki.vn/abc'))?.en).toBe('The URL belongs to Tiki, not Lazada.');
  });
});

describe('earlierListingUrlForms', () => {
  it('gives the forms the earlier rules may have stored the same page in', () => {
    expect(earlierListingUrlForms('https://senthapmuoi.vn/hat-sen')).toEqual(['http://senthapmuoi.vn/hat-sen']);
    expect(earlierListingUrlForms('http://senthapmuoi.vn/hat-sen')).toEqual(['http://senthapmuoi.vn/hat-sen']);
    expect(earlierListingUrlForms('tiki.vn/abc')).toEqual(['http://tiki.vn/abc', 'https://m.tiki.vn/abc', 'https://mobile.tiki.vn/abc']);
    expect(earlierListingUrlForms('https://shopee.vn/hat-sen-i.1.2?d_id=3')).toEqual([
      'http://shopee.vn/product/1/2',
      'https://m.shopee.vn/product/1/2',
      'https://mobile.shopee.vn/product/1/2',
      'https://shopee.vn/hat-sen-i.1.2?d_id=3',
    ]);
    expect(earlierListingUrlForms('https://senthapmuoi.vn')).toEqual(['http://senthapmuoi.vn']);
    expect(earlierListingUrlForms('not a url')).toEqual([]);
  });
});
