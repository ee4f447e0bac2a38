import { describe, expect, it } from 'vitest';
import { webUrlProblem } from './index.js';

describe('the link of a communication item', () => {
  it.each([
    ['https://baodongthap.vn/kinh-te/ocop-123.aspx', null],
    ['http://thdt.vn/video/ocop?id=7#phut-12', null],
    ['  https://www.facebook.com/ocopdongthap/posts/1  ', null],
    ['https://báođồngtháp.vn/bai-viet', null],
    ['https://portal.dongthap.gov.vn:8443/ocop', null],
    ['baodongthap.vn/kinh-te', 'Đường dẫn không hợp lệ; nhập đầy đủ, bắt đầu bằng https://.'],
    ['', 'Đường dẫn không hợp lệ; nhập đầy đủ, bắt đầu bằng https://.'],
    ['ftp://baodongthap.vn/tap-tin', 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.'],
    ['javascript:alert(1)', 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.'],
    ['mailto:ocop@dongthap.gov.vn', 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.'],
    ['https://admin:matkhau@baodongthap.vn/', 'Đường dẫn không được chứa tên đăng nhập, mật khẩu.'],
    ['https://localhost/ocop', 'Đường dẫn phải có tên miền của một trang web.'],
    ['http://192.168.1.10/ocop', 'Đường dẫn phải có tên miền của một trang web.'],
    ['https://intranet/ocop', 'Đường dẫn phải có tên miền của một trang web.'],
  ])('%s → %s', (url, expected) => {
    expect(webUrlProblem(url)?.vi ?? null).toBe(expected);
  });

  it('says why in English too', () => {
    expect(webUrlProblem('ftp://baodongthap.vn')).toEqual({
      vi: 'Đường dẫn phải bắt đầu bằng https:// hoặc http://.',
      en: 'The link must start with https:// or http://.',
    });
  });
});
