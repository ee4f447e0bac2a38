import { describe, expect, it } from 'vitest';
import { layout, wordsByLang, type PageContext, type PageMeta } from './html.js';

const context: PageContext = { lang: 'vi', origin: 'https://ocop.example.vn', provinceName: 'Đồng Tháp' };
const meta: PageMeta = { title: 'Bánh phồng tôm <Sa Đéc>', description: 'Sản phẩm OCOP 4★', path: '/kiem-tra', current: 'verify', noindex: true };

describe('layout', () => {
  it('writes the same page from fixed words encoded once as from one string', () => {
    const words = wordsByLang((lang) => ({ producer: lang === 'vi' ? '<dt>Chủ thể</dt><dd>' : '<dt>Producer</dt><dd>' }));
    const parts = layout(context, meta, [words.vi.producer, 'Hợp tác xã Tân Phú Đông', '</dd>', '', words.vi.producer, '😀 & ✓']);
    const whole = layout(context, meta, '<dt>Chủ thể</dt><dd>Hợp tác xã Tân Phú Đông</dd><dt>Chủ thể</dt><dd>😀 & ✓');
    expect(parts.equals(whole)).toBe(true);
    const text = parts.toString('utf8');
    expect(text).toContain('<title>Bánh phồng tôm &lt;Sa Đéc&gt;</title>');
    expect(text).toContain('<meta name="robots" content="noindex">');
    expect(text).toContain('hreflang="en" href="/kiem-tra?lang=en">English</a>');
    expect(text.endsWith('</footer></body></html>')).toBe(true);
  });

  it('writes pages larger than its buffer, and never changes a page once written', () => {
    const first = layout(context, meta, 'Trang đầu');
    const copy = Buffer.from(first);
    layout({ ...context, lang: 'en' }, meta, 'Another page');
    expect(first.equals(copy)).toBe(true);
    const long = 'Sản phẩm OCOP của Đồng Tháp. '.repeat(10_000);
    const large = layout(context, meta, [long, long]);
    expect(large.toString('utf8')).toContain(`${long}${long}</div></main>`);
    expect(large.length).toBeGreaterThan(2 * Buffer.byteLength(long));
    expect(first.equals(copy)).toBe(true);
  });
});
