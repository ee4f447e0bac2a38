import { CURRENT_CRITERIA_BASIS } from '../../domain/criteria/legal-bases.js';
import { formatProductCode } from '../../domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../domain/text/vietnamese.js';
import type { Db } from '../db/client.js';
import { hashPassword } from '../lib/passwords.js';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { productsRepository } from '../modules/products/products.repository.js';
import { subjectsRepository } from '../modules/subjects/subjects.repository.js';
import { usersRepository } from '../modules/users/users.repository.js';

/** The demo province: Đồng Tháp after the 2025 merger (with the former Tiền Giang). */
export const DEMO_PROVINCE = '82';
export const DEMO_PASSWORD = 'ocop-demo-2026';
/** `national`: an account of the ministry (no province), which runs the 5★ stage (Art. 7.4). */
type DemoAccount = {
  email: string;
  fullName: string;
  role: 'admin' | 'officer' | 'council' | 'producer';
  communes?: string[];
  subject?: string;
  national?: boolean;
};
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@ocop.demo', fullName: 'Văn phòng OCOP tỉnh Đồng Tháp', role: 'admin' },
  { email: 'canbo.sadec@ocop.demo', fullName: 'Nguyễn Thị Thu (cán bộ phường Sa Đéc)', role: 'officer', communes: ['29905', '30226'] },
  { email: 'hoidong@ocop.demo', fullName: 'Trần Văn Minh (thành viên hội đồng)', role: 'council' },
  { email: 'htx.sen@ocop.demo', fullName: 'Lê Văn Sen (HTX Sen Tháp Mười)', role: 'producer', subject: 'DT-001' },
  { email: 'bo.ocop@ocop.demo', fullName: 'Văn phòng Điều phối nông thôn mới Trung ương (Bộ Nông nghiệp và Môi trường)', role: 'admin', national: true },
];

type DemoSubject = {
  code: string;
  name: string;
  legalForm: string;
  communeCode: string;
  taxCode?: string;
  representative: string;
  gender: 'male' | 'female';
  phone: string;
  workforce: [number, number, number];
  products: { name: string; set: number; barcode?: string; netContent?: string; packaging?: string }[];
};

/** Real kinds of OCOP products of the province; names, codes and people are illustrative. */
export const DEMO_SUBJECTS: DemoSubject[] = [
  {
    code: 'DT-001',
    name: 'Hợp tác xã Sen Tháp Mười',
    legalForm: 'HTX',
    communeCode: '30037',
    representative: 'Lê Văn Sen',
    gender: 'male',
    phone: '0918123456',
    workforce: [35, 32, 20],
    products: [
      { name: 'Hạt sen sấy', set: 7, netContent: '500 g', packaging: 'Túi zip' },
      { name: 'Trà tim sen', set: 12, netContent: '100 g' },
      { name: 'Sữa hạt sen', set: 17 },
    ],
  },
  {
    code: 'DT-002',
    name: 'Công ty TNHH Bánh phồng tôm Sa Giang',
    legalForm: 'TNHH',
    communeCode: '29905',
    representative: 'Phạm Thị Hoa',
    gender: 'female',
    phone: '02773861234',
    workforce: [120, 100, 80],
    products: [
      { name: 'Bánh phồng tôm đặc biệt', set: 8, netContent: '200 g' },
      { name: 'Hủ tiếu Sa Đéc', set: 6, netContent: '400 g' },
    ],
  },
  {
    code: 'DT-003',
    name: 'Hộ kinh doanh Nem Lai Vung Bà Hai',
    legalForm: 'HKD',
    communeCode: '30226',
    representative: 'Nguyễn Thị Hai',
    gender: 'female',
    phone: '0939555111',
    workforce: [8, 8, 6],
    products: [{ name: 'Nem Lai Vung', set: 8 }],
  },
  {
    code: 'DT-004',
    name: 'Hợp tác xã Quýt hồng Lai Vung',
    legalForm: 'HTX',
    communeCode: '30226',
    representative: 'Võ Văn Phúc',
    gender: 'male',
    phone: '0907222333',
    workforce: [40, 40, 15],
    products: [{ name: 'Quýt hồng Lai Vung', set: 1 }],
  },
  {
    code: 'DT-005',
    name: 'Hợp tác xã Xoài Mỹ Xương',
    legalForm: 'HTX',
    communeCode: '29869',
    representative: 'Đặng Văn Xương',
    gender: 'male',
    phone: '0913444555',
    workforce: [60, 58, 25],
    products: [
      { name: 'Xoài cát Hòa Lộc', set: 1 },
      { name: 'Xoài sấy dẻo', set: 7, netContent: '250 g' },
    ],
  },
  {
    code: 'DT-006',
    name: 'Cơ sở Khô cá lóc Tam Nông',
    legalForm: 'CSSX',
    communeCode: '30010',
    representative: 'Huỳnh Thị Lan',
    gender: 'female',
    phone: '0388777999',
    workforce: [12, 12, 9],
    products: [{ name: 'Khô cá lóc một nắng', set: 8 }],
  },
  {
    code: 'DT-007',
    name: 'Công ty Cổ phần Gạo Tháp Mười',
    legalForm: 'CTCP',
    communeCode: '30037',
    representative: 'Trương Minh Đức',
    gender: 'male',
    phone: '0277385123',
    workforce: [85, 70, 30],
    products: [{ name: 'Gạo thơm Tháp Mười', set: 3, netContent: '5 kg' }],
  },
  {
    code: 'DT-008',
    name: 'Tổ hợp tác Chiếu Định Yên',
    legalForm: 'THT',
    communeCode: '30169',
    representative: 'Lâm Thị Yên',
    gender: 'female',
    phone: '0799123123',
    workforce: [25, 25, 22],
    products: [{ name: 'Chiếu lác Định Yên', set: 21 }],
  },
  {
    code: 'DT-009',
    name: 'Hợp tác xã Du lịch Làng hoa Sa Đéc',
    legalForm: 'HTX',
    communeCode: '29905',
    representative: 'Trần Văn Hoa',
    gender: 'male',
    phone: '0945678123',
    workforce: [30, 30, 14],
    products: [
      { name: 'Điểm du lịch Làng hoa kiểng Sa Đéc', set: 26 },
      { name: 'Hoa kiểng Tết Sa Đéc', set: 23 },
    ],
  },
  {
    code: 'DT-010',
    name: 'Hộ kinh doanh Bánh giá Chợ Gạo',
    legalForm: 'HKD',
    communeCode: '28594',
    representative: 'Ngô Thị Mai',
    gender: 'female',
    phone: '0977333444',
    workforce: [6, 6, 5],
    products: [{ name: 'Mật ong hoa tràm', set: 4, netContent: '500 ml' }],
  },
];

/**
 * Seeds the demo province once: one account per role and a small registry. Skipped when the demo
 * admin exists, so restarting never duplicates data; all rows are written in one transaction.
 */
export async function seedDemo(db: Db, log: (msg: string) => void = () => {}): Promise<boolean> {
  if (await usersRepository.findByEmail(db, DEMO_ACCOUNTS[0]!.email)) return false;
  log('Tạo dữ liệu mẫu tỉnh Đồng Tháp…');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const year = new Date().getFullYear();
  await db.transaction(async (tx) => {
    const subjectIds = new Map<string, string>();
    for (const [i, s] of DEMO_SUBJECTS.entries()) {
      const row = await subjectsRepository.insert(tx, {
        provinceCode: DEMO_PROVINCE,
        communeCode: s.communeCode,
        externalCode: s.code,
        name: s.name,
        nameSearch: foldVietnamese(s.name),
        sortKey: vietnameseSortKey(s.name),
        legalForm: s.legalForm,
        representativeName: s.representative,
        representativeGender: s.gender,
        representativeEthnicity: 'Kinh',
        address: `Ấp ${i + 1}`,
        phone: s.phone,
        workforceTotal: s.workforce[0],
        workforceLocal: s.workforce[1],
        workforceWomen: s.workforce[2],
      });
      subjectIds.set(s.code, row.id);
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'subject', entityId: row.id, after: row });
      for (const p of s.products) {
        const serial = await productsRepository.nextSerial(tx, s.communeCode, year);
        const prow = await productsRepository.insert(tx, {
          subjectId: row.id,
          name: p.name,
          nameSearch: foldVietnamese(p.name),
          sortKey: vietnameseSortKey(p.name),
          criteriaLegalBasis: CURRENT_CRITERIA_BASIS,
          criteriaSetNumber: p.set,
          netContent: p.netContent ?? null,
          packaging: p.packaging ?? null,
          ocopCode: formatProductCode({ provinceCode: DEMO_PROVINCE, communeCode: s.communeCode, serial, year }),
        });
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'product', entityId: prow.id, after: prow });
      }
    }
    for (const a of DEMO_ACCOUNTS) {
      const u = await usersRepository.insert(tx, {
        email: a.email,
        fullName: a.fullName,
        passwordHash,
        role: a.role,
        provinceCode: a.national ? null : DEMO_PROVINCE,
        subjectId: a.subject ? subjectIds.get(a.subject)! : null,
      });
      if (a.communes) await usersRepository.setCommunes(tx, u.id, a.communes);
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'create', entityType: 'user', entityId: u.id, after: u });
    }
  });
  log(`Đã tạo ${DEMO_SUBJECTS.length} chủ thể mẫu và ${DEMO_ACCOUNTS.length} tài khoản mẫu.`);
  return true;
}
