import type { PublicVerification } from '../../../contracts/certificates.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f4f7f6;color:#1d2b28}
main{max-width:560px;margin:0 auto;padding:20px 16px}
.card{background:#fff;border-radius:14px;box-shadow:0 1px 4px rgba(0,0,0,.08);padding:20px;margin-top:12px}
.banner{border-radius:12px;padding:16px 18px;font-weight:600;font-size:1.15rem}
.ok{background:#e3f4ec;color:#11623f;border:1px solid #9fd8bb}.warn{background:#fff4e0;color:#8a5300;border:1px solid #f2c77a}.bad{background:#fde8e8;color:#9b1c1c;border:1px solid #f3a6a6}
.sub{display:block;font-weight:400;font-size:.9rem;opacity:.85;margin-top:2px}
h1{font-size:1.35rem;margin:.2em 0}.stars{color:#d4a017;font-size:1.6rem;letter-spacing:2px}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:12px 0 0}dt{color:#5b6b67}dd{margin:0;font-weight:500}
img{width:100%;border-radius:10px;margin-top:12px;max-height:280px;object-fit:cover}
footer{font-size:.8rem;color:#6b7a76;text-align:center;margin-top:16px}`;

function page(title: string, body: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}<footer>Hệ thống quản lý Chương trình OCOP · Xác thực nhãn OCOP / OCOP label verification</footer></main></body></html>`;
}

/**
 * The page a consumer reaches by scanning the QR code on a label: plain HTML that works on any
 * phone without JavaScript, saying at once whether the label is genuine and in force.
 */
export function verificationPage(v: PublicVerification | undefined, code: string): string {
  if (!v)
    return page(
      'Không tìm thấy giấy chứng nhận OCOP',
      `<div class="banner bad">Không tìm thấy giấy chứng nhận với mã này<span class="sub">No OCOP certificate has the code ${escape(code)}. The label may not be genuine.</span></div>`,
    );
  const tone = v.inForce ? (v.status === 'valid' || v.status === 'due_for_rerating' ? 'ok' : 'warn') : 'bad';
  const headline = v.inForce ? 'Sản phẩm OCOP chính hãng, giấy chứng nhận còn hiệu lực' : `Giấy chứng nhận ${v.statusLabel.vi.toLowerCase()}`;
  const subline = v.inForce
    ? `Genuine OCOP product; certificate in force (${v.statusLabel.en.toLowerCase()})`
    : `Certificate ${v.statusLabel.en.toLowerCase()}`;
  const stars = '★'.repeat(v.certificate.star) + '☆'.repeat(5 - v.certificate.star);
  return page(
    `${v.product.name} — OCOP ${v.certificate.star} sao`,
    `<div class="banner ${tone}">${escape(headline)}<span class="sub">${escape(subline)}</span></div>
<div class="card">
<h1>${escape(v.product.name)}</h1>
<div class="stars" aria-label="${v.certificate.star} sao">${stars}</div>
${v.product.photoUrl ? `<img src="${escape(v.product.photoUrl)}" alt="${escape(v.product.name)}">` : ''}
<dl>
<dt>Chủ thể</dt><dd>${escape(v.producer.name)}</dd>
<dt>Địa chỉ</dt><dd>${escape(v.producer.commune)}, ${escape(v.producer.province)}</dd>
<dt>Mã sản phẩm</dt><dd>${escape(v.product.ocopCode)}</dd>
<dt>Giấy chứng nhận</dt><dd>${escape(v.certificate.number)}</dd>
<dt>Cơ quan cấp</dt><dd>${escape(v.certificate.issuer)}</dd>
${v.decision ? `<dt>Quyết định</dt><dd>${escape(v.decision.number)}, ${formatDateVn(v.decision.signedOn)}</dd>` : ''}
<dt>Ngày cấp</dt><dd>${formatDateVn(v.certificate.issuedOn)}</dd>
<dt>Hiệu lực đến</dt><dd>${formatDateVn(v.certificate.expiresOn)}</dd>
<dt>Tình trạng</dt><dd>${escape(v.statusLabel.vi)} / ${escape(v.statusLabel.en)}</dd>
</dl></div>`,
  );
}
