import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../contracts/certificates.js';
import type { DossierFiling } from '../../contracts/evaluation.js';
import { findSet, listScorableCriteria, walkCriteria, type CriteriaSet } from '../../domain/criteria/index.js';
import { bestChoices, loadShippedVersion } from '../../domain/criteria/test-support.js';
import { docxText } from '../../../test/support/documents.js';
import { certificatePdf } from './certificates/certificate.pdf.js';
import { decisionDocx } from './certificates/decision.docx.js';
import { resultLettersDocx, type ResultLettersInput } from './certificates/result-letters.docx.js';
import { revocationDocx } from './certificates/revocation.docx.js';
import type { FormsInput } from './dossiers/filings.service.js';
import { dossierFormDocx } from './dossiers/forms.docx.js';

/**
 * The official documents of the procedure (Decision 26/2026/QĐ-TTg) as the platform writes them,
 * rendered from hand-built records and read back: no database needed.
 */

const PROVINCE = 'Tỉnh Đồng Tháp';
const COMMUNE = 'Phường Sa Đéc';
const SUBJECT = 'Hợp tác xã Quýt hồng Lai Vung';
const PRODUCT = 'Quýt hồng Lai Vung';
const CODE = '82-29905-001-2026';
const VICE_CHAIR = { signerTitle: 'Phó Chủ tịch', signer: 'Trần Trí Quang' };
const ids = {
  dossier: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a01',
  product: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a02',
  sheet: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a03',
  evidenceFile: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a04',
  evidenceLink: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a05',
  certificate: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a06',
  decision: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a07',
};
const SHA = '9f2c4b7e1a0d3c5b8e6f7a9d2c4b1e0f3a5c7d9e2b4f6a8c0e1d3b5f7a9c2e4d';

// ——— Fixtures ———————————————————————————————————————————————————————————————

const set: CriteriaSet = findSet(loadShippedVersion('qd26'), 1)!;
const criteria = listScorableCriteria(set);
/** The best option everywhere but on 4.1 (distribution area), where the producer takes the lowest. */
const choices: Record<string, number> = (() => {
  const c = bestChoices(set);
  const distribution = criteria.find((x) => x.code === '4.1')!;
  const lowest = distribution.options.reduce((best, o, i) => (o.points < distribution.options[best]!.points ? i : best), 0);
  return { ...c, '4.1': lowest };
})();
const pointsOf = (code: string) => criteria.find((x) => x.code === code)!.options[choices[code]!]!.points;
const selfTotal = criteria.reduce((s, c) => s + pointsOf(c.code), 0);
const partOf = new Map<string, string>();
walkCriteria(set, (node, part) => partOf.set(node.code, part));
const partPoints = (part: string) => criteria.filter((c) => partOf.get(c.code) === part).reduce((s, c) => s + pointsOf(c.code), 0);

function formsInput(
  over: { dossier?: Partial<FormsInput['dossier']>; approval?: FormsInput['approval']; councilResult?: FormsInput['councilResult'] } = {},
): FormsInput {
  const filing: DossierFiling = {
    id: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a08',
    dossierId: ids.dossier,
    seq: 1,
    filedOn: '2026-09-07',
    registration: {
      representativeName: 'Võ Văn Phúc',
      representativePosition: 'Giám đốc',
      address: 'Ấp Tân Hòa, phường Sa Đéc, tỉnh Đồng Tháp',
      phone: '0277 3861 234',
      email: 'htxquythong@example.vn',
    },
    product: {
      name: PRODUCT,
      ocopCode: CODE,
      criteriaSetNumber: 1,
      description: 'Quýt hồng tươi trồng theo VietGAP, vỏ mỏng, màu đỏ cam',
      ingredients: null,
      packaging: 'Hộp giấy carton 5 kg',
      netContent: '5 kg',
      barcode: '8936012345678',
      qualityDeclarationNo: '01/HTXQH/2026',
    },
    subject: {
      name: SUBJECT,
      legalForm: 'HTX',
      taxCode: '1402000123',
      address: 'Ấp Tân Hòa, phường Sa Đéc, tỉnh Đồng Tháp',
      phone: '0277 3861 234',
      email: 'htxquythong@example.vn',
      representativeName: 'Võ Văn Phúc',
      representativeGender: 'male',
      representativeEthnicity: 'Kinh',
      foundedOn: '2015-03-12',
      communeName: COMMUNE,
      provinceName: PROVINCE,
    },
    selfAssessment: {
      id: ids.sheet,
      productId: ids.product,
      legalBasis: '26/2026/QĐ-TTg',
      versionSlug: 'qd26-2026',
      setNumber: 1,
      setName: set.name,
      status: 'completed',
      total: selfTotal,
      star: 5,
      completedAt: '2026-09-05T08:00:00.000Z',
      createdAt: '2026-08-20T08:00:00.000Z',
      updatedAt: '2026-09-05T08:00:00.000Z',
      productName: PRODUCT,
      ocopCode: CODE,
      subjectName: SUBJECT,
      case: null,
      choices,
      notes: { '1.1': 'Quýt hồng từ vùng trồng 45 ha của các thành viên hợp tác xã.' },
      generalNote: null,
      evidence: [
        {
          id: ids.evidenceFile,
          criterionCode: '1.1',
          kind: 'file',
          url: `/api/v1/dossiers/${ids.dossier}/filings/x/evidence/${ids.evidenceFile}`,
          filename: 'hop-dong-lien-ket-vung-trong.pdf',
          mimeType: 'application/pdf',
          bytes: 182_311,
          createdAt: '2026-09-07T00:00:00.000Z',
        },
        {
          id: ids.evidenceLink,
          criterionCode: '4.3',
          kind: 'link',
          url: 'https://quythonglaivung.example.vn',
          filename: null,
          mimeType: null,
          bytes: null,
          createdAt: '2026-09-07T00:00:00.000Z',
        },
      ],
      progress: {
        answered: criteria.length,
        of: criteria.length,
        missing: [],
        total: selfTotal,
        maxTotal: 100,
        parts: [],
        groups: [],
        bandStar: 5,
        case: null,
      },
      result: null,
      canEdit: false,
    },
    evidenceHashes: { [ids.evidenceFile]: SHA },
  };
  return {
    dossier: {
      id: ids.dossier,
      kind: 'first',
      state: 'submitted',
      samples: 5,
      submittedOn: '2026-09-07',
      communeAssessment: null,
      forwarding: null,
      roundName: 'Đợt 2 năm 2026',
      ...over.dossier,
    },
    filing,
    set,
    papers: [
      {
        type: 'business_registration',
        label: 'Giấy chứng nhận đăng ký kinh doanh / hợp tác xã',
        required: true,
        status: 'ok',
        documents: [{ title: 'Giấy chứng nhận đăng ký hợp tác xã', number: '1402000123', issuedOn: '2015-03-12', validUntil: null }],
      },
      {
        type: 'food_safety_certificate',
        label: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
        required: true,
        status: 'ok',
        documents: [{ title: 'Giấy chứng nhận cơ sở đủ điều kiện ATTP', number: '45/2025/NNPTNT-ĐT', issuedOn: '2025-04-02', validUntil: '2028-04-02' }],
      },
      {
        type: 'quality_declaration',
        label: 'Bản công bố / tự công bố chất lượng sản phẩm',
        required: true,
        status: 'ok',
        documents: [{ title: 'Bản tự công bố sản phẩm', number: '01/HTXQH/2026', issuedOn: '2026-01-10', validUntil: null }],
      },
      {
        type: 'test_report',
        label: 'Phiếu kết quả kiểm nghiệm định kỳ',
        required: true,
        status: 'expired',
        documents: [{ title: 'Phiếu kết quả thử nghiệm', number: '2211/KQ-TTKT3', issuedOn: '2025-05-02', validUntil: '2026-05-02' }],
      },
      {
        type: 'ip_title',
        label: 'Văn bằng sở hữu trí tuệ (nhãn hiệu, chỉ dẫn địa lý…)',
        required: false,
        status: 'ok',
        documents: [{ title: 'Quyết định cho phép sử dụng chỉ dẫn địa lý Lai Vung', number: '112/QĐ-UBND', issuedOn: '2019-07-01', validUntil: null }],
      },
      { type: 'raw_material_contracts', label: 'Hợp đồng liên kết, nguồn gốc nguyên liệu', required: false, status: 'missing', documents: [] },
    ],
    communeName: COMMUNE,
    provinceName: PROVINCE,
    councilResult: over.councilResult ?? null,
    approval: over.approval ?? null,
  };
}

const assessment = {
  rawMaterialOrigin: 'Quýt hồng được trồng tại vùng nguyên liệu của các thành viên hợp tác xã trên địa bàn phường, diện tích 45 ha.',
  localLabour: 'Sử dụng 32 lao động, trong đó 30 lao động thường trú tại phường.',
  ideaOrigin: 'Sản phẩm truyền thống của địa phương, phát triển từ giống quýt hồng Lai Vung.',
  localIdentity: 'Giống quýt hồng bản địa, kỹ thuật canh tác truyền thống của nông dân vùng đất bãi bồi sông Hậu.',
  conclusion: 'propose' as const,
  reportNumber: '58/BC-UBND',
  letterNumber: '59/UBND',
  signer: 'Lê Thị Hồng',
  signerTitle: 'Phó Chủ tịch',
  assessedOn: '2026-09-21',
};
const forwarding = {
  letterNumber: '2150/UBND-KT',
  letterDate: '2026-12-08',
  ...VICE_CHAIR,
  samplesSent: 5,
  extraTests: 'Phiếu kết quả thử nghiệm số 1234/KQ-TTKT3 ngày 25/11/2026',
};
const councilResult: NonNullable<FormsInput['councilResult']> = {
  dossierId: ids.dossier,
  level: 'province',
  sessionId: '0b1d6a4e-3f2c-4c1a-9a51-6d2f1f0e7a09',
  scoringRound: 1,
  scoredOn: '2026-11-20',
  score: 91.5,
  star: 5,
  partA: 37,
  partB: 22.5,
  partC: 32,
  memberTotals: [92, 91, 91.5],
  result: {},
  createdAt: new Date('2026-11-20T09:00:00Z'),
};
const approval = { number: '1234/QĐ-UBND', signedOn: '2026-12-03', ...VICE_CHAIR };

const certificate = (over: Partial<Certificate> = {}): Certificate => ({
  id: ids.certificate,
  number: 'OCOP-82-2026-0007',
  productId: ids.product,
  productName: PRODUCT,
  ocopCode: CODE,
  subjectName: SUBJECT,
  communeName: 'Sa Đéc',
  provinceCode: '82',
  level: 'province',
  star: 4,
  score: 86.5,
  issuedOn: '2026-12-03',
  expiresOn: '2029-12-03',
  status: 'valid',
  reratingWindow: { opens: '2029-06-06', closes: '2029-08-05' },
  verificationCode: 'Qh7xK2mP9vT4wL8n',
  verificationPath: '/xac-thuc/Qh7xK2mP9vT4wL8n',
  decisionNumber: '1235/QĐ-UBND',
  decisionSignedOn: '2026-12-03',
  decisionSigner: VICE_CHAIR.signer,
  decisionSignerTitle: VICE_CHAIR.signerTitle,
  revokedOn: null,
  revocationGround: null,
  revocationDecisionNo: null,
  revocationSigner: null,
  revocationSignerTitle: null,
  violation: null,
  supersededOn: null,
  revokedBy: 'province',
  ...over,
});

const item = (n: number, over: Partial<ResultLettersInput['decision']['items'][number]> = {}) => ({
  dossierId: `1c2d3e4f-0000-4000-8000-00000000000${n}`,
  productId: `1c2d3e4f-0000-4000-8000-00000000010${n}`,
  productName: PRODUCT,
  ocopCode: CODE,
  subjectName: SUBJECT,
  star: 4,
  score: 86.5,
  certificateId: null,
  certificateNumber: 'OCOP-82-2026-0007',
  ...over,
});
const items = [
  item(1),
  item(2, {
    productName: 'Bánh phồng tôm Sa Giang',
    ocopCode: '82-29905-002-2026',
    subjectName: 'Công ty TNHH Bánh phồng Sa Đéc',
    star: null,
    score: 62.25,
    certificateNumber: null,
  }),
  item(3, {
    productName: 'Nem Lai Vung',
    ocopCode: '82-29923-004-2026',
    subjectName: 'Cơ sở sản xuất nem Bà Năm',
    star: 3,
    score: 58,
    certificateNumber: 'OCOP-82-2026-0008',
  }),
];
const dossierInfo = [
  {
    dossierId: items[0]!.dossierId,
    communeCode: '29905',
    communeName: COMMUNE,
    provinceName: PROVINCE,
    representative: 'Võ Văn Phúc',
    address: 'Ấp Tân Hòa, phường Sa Đéc, tỉnh Đồng Tháp',
  },
  {
    dossierId: items[1]!.dossierId,
    communeCode: '29905',
    communeName: COMMUNE,
    provinceName: PROVINCE,
    representative: 'Nguyễn Thị Mai',
    address: '12 Nguyễn Sinh Sắc, phường Sa Đéc, tỉnh Đồng Tháp',
  },
  { dossierId: items[2]!.dossierId, communeCode: '29923', communeName: 'Xã Lai Vung', provinceName: PROVINCE, representative: 'Phạm Thị Năm', address: null },
];
const decision = (over: Partial<ResultLettersInput['decision']> = {}): ResultLettersInput['decision'] => ({
  id: ids.decision,
  kind: 'recognition',
  number: '1235/QĐ-UBND',
  signedOn: '2026-12-03',
  ...VICE_CHAIR,
  level: 'province',
  provinceCode: '82',
  notice: { number: '412/TB-SNNMT', signer: 'Nguyễn Thành Tâm', signerTitle: 'Phó Giám đốc' },
  items,
  createdAt: '2026-12-03T08:00:00.000Z',
  ...over,
});

const expectAll = (text: string, expected: string[]) => {
  for (const e of expected) expect(text, e).toContain(e);
};
const count = (text: string, s: string) => text.split(s).length - 1;
const PLACE_DATE = 'Đồng Tháp, ngày 03 tháng 12 năm 2026';

// ——— Tests ———————————————————————————————————————————————————————————————————

describe('the dossier’s forms (Phụ lục III, Decision 26/2026/QĐ-TTg)', () => {
  it('writes Mẫu 01 from the registration as filed, ticking the kind of evaluation', async () => {
    const text = docxText(await dossierFormDocx('mau-01', formsInput({ dossier: { kind: 'upgrade' } })));
    expectAll(text, [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHIẾU ĐĂNG KÝ',
      'Tham gia đánh giá, phân hạng sản phẩm OCOP',
      'của tỉnh Đồng Tháp năm 2026',
      'Kính gửi: Ủy ban nhân dân phường Sa Đéc',
      `- Tên đơn vị: ${SUBJECT}`,
      '- Họ tên người đại diện pháp lý: Võ Văn Phúc',
      '- Chức vụ: Giám đốc',
      '- Địa chỉ liên hệ: Ấp Tân Hòa, phường Sa Đéc, tỉnh Đồng Tháp',
      'Điện thoại: 0277 3861 234',
      'Email: htxquythong@example.vn',
      `2. Tên sản phẩm: ${PRODUCT} (mã số ${CODE})`,
      'Ngành Thực phẩm; nhóm Thực phẩm tươi sống; bộ sản phẩm số 1: Rau, củ, quả, hạt tươi.',
      '4. Lần đăng ký đánh giá: Lần đầu ☐     Nâng hạng: ☒     Đánh giá lại: ☐',
      'Sản phẩm mẫu (số lượng): 05 sản phẩm mẫu.',
      'Sa Đéc, ngày 07 tháng 9 năm 2026',
      'ĐẠI DIỆN',
      'PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ',
      'DÀNH CHO ỦY BAN NHÂN DÂN PHƯỜNG SA ĐÉC',
      'Phiếu số: ……-……/PĐK-82-29905-2026',
      'Ngày nhận: 07/09/2026',
      'DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH',
    ]);
    expect(text).not.toContain('(food)');
  });

  it('writes Mẫu 02: general information, the papers ticked, the self-scoring of every criterion and the evidence with its SHA-256', async () => {
    const text = docxText(await dossierFormDocx('mau-02', formsInput()));
    expectAll(text, [
      'BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM',
      `1. Tên chủ thể: ${SUBJECT}`,
      '2. Loại hình tổ chức: Hợp tác xã',
      '- Giới tính: Nam; Dân tộc: Kinh',
      '6. Ngày thành lập/đăng ký kinh doanh: 12/03/2015; Số giấy đăng ký (nếu có): 1402000123',
      'Quy cách đóng gói: Hộp giấy carton 5 kg',
      'a) Giấy đăng ký kinh doanh: ☒',
      'b) Đã công bố chất lượng sản phẩm theo quy định: ☒',
      'd) Đã có đăng ký sở hữu trí tuệ: ☒',
      '+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: ☒',
      '+ Giấy chứng nhận đăng ký nhãn hiệu: ☐',
      'Phần II',
      'KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH',
      '(chủ thể bổ sung)',
      'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP',
      'Phần IV',
      'Quýt hồng từ vùng trồng 45 ha',
      'hop-dong-lien-ket-vung-trong.pdf',
      SHA,
      'https://quythonglaivung.example.vn',
      'Hết hiệu lực',
      'ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ',
      'Sa Đéc, ngày 07 tháng 9 năm 2026',
    ]);
    // Every criterion of the set, with the option chosen and its points.
    for (const c of criteria) {
      expect(text).toContain(c.code);
      expect(text).toContain(c.options[choices[c.code]!]!.label);
    }
    for (const part of ['A', 'B', 'C']) expect(text).toContain(`Cộng phần ${part}`);
    expect(text).toContain(
      `Tổng điểm tự đánh giá: ${String(selfTotal).replace('.', ',')}/100 (phần A: ${partPoints('A')}/40; phần B: ${partPoints('B')}/25; phần C: ${partPoints('C')}/35)`,
    );
    expect(text).toContain('Hạng sao tự đánh giá: 5 sao.');
  });

  it('writes Mẫu 03, the commune’s report, signed for the People’s Committee by its Vice-Chair', async () => {
    const text = docxText(await dossierFormDocx('mau-03', formsInput({ dossier: { communeAssessment: assessment } })));
    expectAll(text, [
      'ỦY BAN NHÂN DÂN PHƯỜNG SA ĐÉC',
      'Số: 58/BC-UBND',
      'Sa Đéc, ngày 21 tháng 9 năm 2026',
      'BÁO CÁO',
      'Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP',
      'I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM',
      `1. Tên chủ thể: ${SUBJECT}`,
      `1. Về sử dụng nguyên liệu địa phương: ${assessment.rawMaterialOrigin}`,
      `2. Về sử dụng lao động địa phương: ${assessment.localLabour}`,
      `3. Nguồn gốc ý tưởng sản phẩm: ${assessment.ideaOrigin}`,
      `4. Bản sắc/trí tuệ địa phương: ${assessment.localIdentity}`,
      `Ủy ban nhân dân phường Sa Đéc đề nghị Ủy ban nhân dân tỉnh Đồng Tháp đánh giá, phân hạng sản phẩm OCOP cho sản phẩm ${PRODUCT} của ${SUBJECT}.`,
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Lê Thị Hồng',
    ]);
    const refused = docxText(
      await dossierFormDocx('mau-03', formsInput({ dossier: { communeAssessment: { ...assessment, conclusion: 'not_propose', reportNumber: undefined } } })),
    );
    expectAll(refused, ['Số: ……/BC-UBND', 'Ủy ban nhân dân phường Sa Đéc không đề nghị Ủy ban nhân dân tỉnh Đồng Tháp']);
  });

  it('writes the commune’s letter proposing the province evaluate the product', async () => {
    const text = docxText(await dossierFormDocx('de-nghi-cua-xa', formsInput({ dossier: { communeAssessment: assessment } })));
    expectAll(text, [
      'ỦY BAN NHÂN DÂN PHƯỜNG SA ĐÉC',
      'Số: 59/UBND',
      'V/v đề nghị đánh giá, phân hạng sản phẩm OCOP',
      'Sa Đéc, ngày 21 tháng 9 năm 2026',
      'Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp.',
      PRODUCT,
      CODE,
      SUBJECT,
      '1. Rau, củ, quả, hạt tươi',
      'Báo cáo số 58/BC-UBND',
      '(Mẫu số 03) số 58/BC-UBND',
      '(Mẫu số 01)',
      '(Mẫu số 02)',
      '3. Sản phẩm mẫu: 05 sản phẩm mẫu.',
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Lê Thị Hồng',
    ]);
    const tourism = findSet(loadShippedVersion('qd26'), 26)!;
    const noSamples = docxText(
      await dossierFormDocx('de-nghi-cua-xa', {
        ...formsInput({ dossier: { communeAssessment: { ...assessment, letterNumber: undefined }, samples: 0 } }),
        set: tourism,
      }),
    );
    expectAll(noSamples, ['Số: ……/UBND', 'Sản phẩm mẫu: không áp dụng']);
  });

  it('writes the province’s letter to the Ministry citing the approval and the council’s result', async () => {
    const input = formsInput({ dossier: { state: 'forwarded', communeAssessment: assessment, forwarding }, councilResult, approval });
    const text = docxText(await dossierFormDocx('van-ban-gui-bo', input));
    expectAll(text, [
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      'Số: 2150/UBND-KT',
      'V/v đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao',
      'Đồng Tháp, ngày 08 tháng 12 năm 2026',
      'Kính gửi: Bộ Nông nghiệp và Môi trường.',
      'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh ngày 20 tháng 11 năm 2026: sản phẩm đạt 91,5 điểm (phần A: 37; phần B: 22,5; phần C: 32)',
      'Quyết định số 1234/QĐ-UBND ngày 03 tháng 12 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp về việc phê duyệt kết quả',
      '(Phó Chủ tịch Trần Trí Quang ký)',
      'Báo cáo đánh giá của Tổ tư vấn',
      'biên bản họp của Hội đồng',
      'Mẫu số 01',
      'Mẫu số 02',
      'Mẫu số 03, số 58/BC-UBND',
      'Phiếu kết quả thử nghiệm số 1234/KQ-TTKT3',
      'Sản phẩm mẫu: 05 sản phẩm mẫu.',
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Trần Trí Quang',
    ]);
  });

  it('refuses a form the dossier has no data for yet', async () => {
    const refused = { code: 'form_not_available' };
    await expect(dossierFormDocx('mau-03', formsInput())).rejects.toMatchObject(refused);
    await expect(dossierFormDocx('de-nghi-cua-xa', formsInput())).rejects.toMatchObject(refused);
    await expect(
      dossierFormDocx('de-nghi-cua-xa', formsInput({ dossier: { communeAssessment: { ...assessment, conclusion: 'not_propose' } } })),
    ).rejects.toMatchObject(refused);
    await expect(dossierFormDocx('van-ban-gui-bo', formsInput({ dossier: { communeAssessment: assessment }, councilResult, approval }))).rejects.toMatchObject({
      ...refused,
      messages: { vi: expect.stringContaining('chưa được Ủy ban nhân dân cấp tỉnh gửi Bộ Nông nghiệp và Môi trường') },
    });
  });
});

describe('decisions', () => {
  it('writes a provincial recognition: local-government grounds, the Vice-Chair signing “KT. CHỦ TỊCH”, the annex with stars and certificates', async () => {
    const text = docxText(await decisionDocx(decision(), PROVINCE));
    expectAll(text, [
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      'Số: 1235/QĐ-UBND',
      PLACE_DATE,
      'QUYẾT ĐỊNH',
      'Về việc công nhận sản phẩm đạt chuẩn OCOP năm 2026',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026',
      'Công nhận và cấp giấy chứng nhận cho 2 sản phẩm đạt chuẩn OCOP (1 sản phẩm 4 sao, 1 sản phẩm 3 sao)',
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Trần Trí Quang',
      'DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN OCOP',
      'OCOP-82-2026-0007',
      'OCOP-82-2026-0008',
    ]);
    expect(text).not.toContain('Bánh phồng tôm Sa Giang'); // not recognised: not in the annex
    expect(text).not.toContain('Nghị định số 35/2025/NĐ-CP');
  });

  it('writes the approval of results of 90 points and more, sending them to the Ministry, without certificates', async () => {
    const approved = decision({ kind: 'approval', number: '1234/QĐ-UBND', items: [item(1, { star: null, score: 91.5, certificateNumber: null })] });
    const text = docxText(await decisionDocx(approved, PROVINCE));
    expectAll(text, [
      'Số: 1234/QĐ-UBND',
      PLACE_DATE,
      'Về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên',
      'Phê duyệt kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đối với 1 sản phẩm đạt từ 90 điểm trở lên',
      'đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao theo quy định tại điểm e khoản 3 Điều 7',
      'DANH SÁCH SẢN PHẨM ĐƯỢC PHÊ DUYỆT KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG',
      PRODUCT,
      '91,5',
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    ]);
    expect(text).not.toContain('Số giấy chứng nhận');
  });

  it('writes a ministry recognition on the ministry’s own grounds, from Hà Nội, a Deputy Minister signing “KT. BỘ TRƯỞNG”', async () => {
    const ministry = decision({
      level: 'ministry',
      provinceCode: null,
      number: '512/QĐ-BNNMT',
      signedOn: '2027-02-05',
      signer: 'Nguyễn Văn Hùng',
      signerTitle: 'Thứ trưởng',
      notice: null,
      items: [item(1, { star: 5, score: 92.25, certificateNumber: 'OCOP-TW-2027-0003' })],
    });
    const text = docxText(await decisionDocx(ministry, ''));
    expectAll(text, [
      'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Số: 512/QĐ-BNNMT',
      'Hà Nội, ngày 05 tháng 02 năm 2027',
      'Về việc công nhận sản phẩm OCOP 5 sao năm 2027',
      'Công nhận kết quả đánh giá và cấp giấy chứng nhận cho 1 sản phẩm OCOP 5 sao',
      'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;',
      'Căn cứ Quyết định số 26/2026/QĐ-TTg',
      'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG',
      'Nguyễn Văn Hùng',
      'OCOP-TW-2027-0003',
    ]);
    expect(text).not.toContain('Luật Tổ chức chính quyền địa phương');
    expect(text).not.toContain('ỦY BAN NHÂN DÂN');
  });
});

describe('the revocation decision (Art. 8)', () => {
  const revoked = (over: Partial<Certificate> = {}) =>
    certificate({
      status: 'revoked',
      revokedOn: '2027-02-05',
      revocationGround: 'e',
      revocationDecisionNo: '215/QĐ-UBND',
      revocationSigner: VICE_CHAIR.signer,
      revocationSignerTitle: VICE_CHAIR.signerTitle,
      violation: { ground: 'e', concludedOn: '2027-01-25', reference: 'Văn bản xác nhận số 12/UBND của Ủy ban nhân dân phường Sa Đéc', revokeBy: '2027-02-09' },
      ...over,
    });

  it('revokes a 4★ certificate by the provincial Chair, citing the statute’s point of Art. 8.1 and the conclusion', async () => {
    const text = docxText(await revocationDocx({ certificate: revoked(), provinceName: PROVINCE }));
    expectAll(text, [
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      'Số: 215/QĐ-UBND',
      'Đồng Tháp, ngày 05 tháng 02 năm 2027',
      'Về việc thu hồi giấy chứng nhận sản phẩm OCOP',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Quyết định số 1235/QĐ-UBND ngày 03 tháng 12 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp',
      'Căn cứ Văn bản xác nhận số 12/UBND của Ủy ban nhân dân phường Sa Đéc ngày 25 tháng 01 năm 2027;',
      `Thu hồi giấy chứng nhận sản phẩm OCOP số OCOP-82-2026-0007, cấp ngày 03 tháng 12 năm 2026`,
      `sản phẩm ${PRODUCT} (mã số ${CODE}), hạng 4 sao`,
      `của ${SUBJECT}, địa chỉ: Sa Đéc, tỉnh Đồng Tháp.`,
      // The platform's ground "e" is point đ of Art. 8.1.
      'Lý do thu hồi: Chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP (điểm đ khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg)',
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Trần Trí Quang',
    ]);
  });

  it('revokes a 5★ certificate by the Minister from Hà Nội, on the ministry’s grounds', async () => {
    const text = docxText(
      await revocationDocx({
        certificate: revoked({
          level: 'ministry',
          star: 5,
          score: 92.25,
          revokedBy: 'ministry',
          revocationGround: 'c',
          revocationDecisionNo: '88/QĐ-BNNMT',
          revocationSigner: 'Nguyễn Văn Hùng',
          revocationSignerTitle: 'Thứ trưởng',
          decisionNumber: '512/QĐ-BNNMT',
          violation: null,
        }),
        provinceName: PROVINCE,
      }),
    );
    expectAll(text, [
      'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Số: 88/QĐ-BNNMT',
      'Hà Nội, ngày 05 tháng 02 năm 2027',
      'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Căn cứ Nghị định số 35/2025/NĐ-CP',
      'Quyết định số 512/QĐ-BNNMT ngày 03 tháng 12 năm 2026 của Bộ trưởng Bộ Nông nghiệp và Môi trường',
      'Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp và Hợp tác xã Quýt hồng Lai Vung chịu trách nhiệm thi hành',
      '(điểm c khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg)',
      'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG',
      'Nguyễn Văn Hùng',
    ]);
    expect(text).not.toContain('Luật Tổ chức chính quyền địa phương');
  });

  it('refuses a certificate that has not been revoked', async () => {
    await expect(revocationDocx({ certificate: certificate(), provinceName: PROVINCE })).rejects.toMatchObject({ code: 'form_not_available' });
  });
});

describe('the letters notifying results (Art. 7.3g, 7.4g)', () => {
  it('writes, after a provincial recognition, one letter to each producer and one to each commune, from the Department', async () => {
    const text = docxText(await resultLettersDocx({ decision: decision(), provinceName: PROVINCE, dossiers: dossierInfo }));
    expect(count(text, 'THÔNG BÁO\n')).toBe(5); // 3 producers, 2 communes
    expectAll(text, [
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Số: 412/TB-SNNMT',
      PLACE_DATE,
      'Căn cứ Quyết định số 1235/QĐ-UBND ngày 03 tháng 12 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp về việc công nhận sản phẩm đạt chuẩn OCOP',
      `Kính gửi: ${SUBJECT} (người đại diện: Võ Văn Phúc).\nĐịa chỉ: Ấp Tân Hòa, phường Sa Đéc, tỉnh Đồng Tháp.`,
      'Kết quả: đạt 86,5 điểm, được công nhận sản phẩm OCOP 4 sao, giấy chứng nhận số OCOP-82-2026-0007.',
      'Kết quả: đạt 62,25 điểm, không được công nhận sản phẩm đạt chuẩn OCOP.',
      'Kính gửi: Ủy ban nhân dân phường Sa Đéc.',
      'Kính gửi: Ủy ban nhân dân xã Lai Vung.',
      'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      'Nguyễn Thành Tâm',
    ]);
    // The commune letter lists only its own products.
    const laiVung = text.slice(text.indexOf('Kính gửi: Ủy ban nhân dân xã Lai Vung.'));
    expect(laiVung).toContain('Nem Lai Vung');
    expect(laiVung).not.toContain('Bánh phồng tôm Sa Giang');
  });

  it('after an approval, tells the producer the dossier goes to the Ministry; without a notice, uses the decision’s signer', async () => {
    const approved = decision({
      kind: 'approval',
      number: '1234/QĐ-UBND',
      notice: null,
      items: [item(1, { star: null, score: 91.5, certificateNumber: null })],
    });
    const text = docxText(await resultLettersDocx({ decision: approved, provinceName: PROVINCE, dossiers: dossierInfo.slice(0, 1) }));
    expect(count(text, 'THÔNG BÁO\n')).toBe(2);
    expectAll(text, [
      'Số: ……/TB-SNNMT',
      'kết quả đã được phê duyệt và hồ sơ được gửi Bộ Nông nghiệp và Môi trường đánh giá 5 sao',
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      'Trần Trí Quang',
    ]);
  });

  it('after a ministry decision, writes one letter to each province from the Ministry', async () => {
    const ministry = decision({
      level: 'ministry',
      provinceCode: null,
      number: '512/QĐ-BNNMT',
      signer: 'Nguyễn Văn Hùng',
      signerTitle: 'Thứ trưởng',
      notice: { number: '95/TB-BNNMT', signer: 'Nguyễn Văn Hùng', signerTitle: 'Thứ trưởng' },
      items: [
        item(1, { star: 5, score: 92.25, certificateNumber: 'OCOP-TW-2026-0003' }),
        item(4, { productName: 'Gạo ST25 Sóc Trăng', ocopCode: '92-31500-002-2026', subjectName: 'Hợp tác xã Lúa gạo Mỹ Xuyên', star: null, score: 88 }),
      ],
    });
    const dossiers = [
      dossierInfo[0]!,
      {
        dossierId: item(4).dossierId,
        communeCode: '31500',
        communeName: 'Phường Mỹ Xuyên',
        provinceName: 'Thành phố Cần Thơ',
        representative: 'Trần Văn Lúa',
        address: null,
      },
    ];
    const text = docxText(await resultLettersDocx({ decision: ministry, provinceName: '', dossiers }));
    expect(count(text, 'THÔNG BÁO\n')).toBe(2);
    expectAll(text, [
      'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      'Số: 95/TB-BNNMT',
      PLACE_DATE.replace('Đồng Tháp', 'Hà Nội'),
      'Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp.',
      'Kính gửi: Ủy ban nhân dân thành phố Cần Thơ.',
      '5 sao — GCN số OCOP-TW-2026-0003',
      'Không đạt 5 sao',
      'khoản 4 Điều 7 Quyết định số 26/2026/QĐ-TTg',
      'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG',
    ]);
    expect(text).not.toContain('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
  });
});

describe('the certificate (PDF)', () => {
  const pdfText = async (c: Certificate) =>
    execFileSync('pdftotext', ['-', '-'], {
      input: await certificatePdf(c, { provinceName: PROVINCE, verificationUrl: `https://ocop.dongthap.gov.vn${c.verificationPath}` }),
      encoding: 'utf8',
    });

  it('prints the province’s certificate signed by the Vice-Chair “KT. CHỦ TỊCH”, with the date in words', async () => {
    const text = await pdfText(certificate());
    expectAll(text, ['ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP', PLACE_DATE, 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', 'Trần Trí Quang', 'OCOP-82-2026-0007']);
  });

  it('prints a 5★ certificate as the Ministry’s, from Hà Nội', async () => {
    const text = await pdfText(
      certificate({
        level: 'ministry',
        star: 5,
        score: 92.25,
        number: 'OCOP-TW-2027-0003',
        issuedOn: '2027-02-05',
        decisionNumber: '512/QĐ-BNNMT',
        decisionSignedOn: '2027-02-05',
        decisionSigner: 'Nguyễn Văn Hùng',
        decisionSignerTitle: 'Thứ trưởng',
        revokedBy: 'ministry',
      }),
    );
    expectAll(text, ['BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'Hà Nội, ngày 05 tháng 02 năm 2027', 'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG', 'Nguyễn Văn Hùng']);
    // The producer's address names its province; the issuer and the place never do.
    expect(text).not.toContain('Đồng Tháp, ngày');
    expect(text).not.toContain('ỦY BAN NHÂN DÂN');
  });
});
