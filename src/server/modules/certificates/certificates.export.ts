import type { z } from 'zod';
import type { Certificate, Decision, DecisionItem } from '../../../contracts/certificates.js';
import { CERTIFICATE_STATUS_LABELS } from '../../../domain/certificates/validity.js';
import type { ExportTable } from '../../lib/table-export.js';

const LEVEL = { province: 'UBND tỉnh công nhận', ministry: 'Trung ương công nhận' } as const;

/** The certificates list as a file, with each certificate's status on the day of the export. */
export const certificateExport: ExportTable<Certificate> = {
  title: 'Giấy chứng nhận',
  columns: [
    { key: 'number', header: 'Số giấy chứng nhận', width: 20 },
    { key: 'productName', header: 'Sản phẩm', width: 32 },
    { key: 'ocopCode', header: 'Mã sản phẩm OCOP', width: 20 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'communeName', header: 'Xã/phường', width: 22 },
    { key: 'star', header: 'Hạng sao', type: 'number' },
    { key: 'score', header: 'Điểm hội đồng', type: 'number' },
    { key: 'level', header: 'Cấp công nhận', width: 20, value: (c) => LEVEL[c.level] },
    { key: 'issuedOn', header: 'Ngày cấp', type: 'date' },
    { key: 'expiresOn', header: 'Ngày hết hạn', type: 'date' },
    { key: 'status', header: 'Tình trạng', width: 22, value: (c) => CERTIFICATE_STATUS_LABELS[c.status].vi },
    { key: 'decisionNumber', header: 'Quyết định công nhận', width: 18 },
    { key: 'decisionSignedOn', header: 'Ngày quyết định', type: 'date' },
    { key: 'revokedOn', header: 'Ngày thu hồi', type: 'date' },
    { key: 'revocationDecisionNo', header: 'Quyết định thu hồi', width: 18 },
    { key: 'supersededOn', header: 'Được thay thế từ ngày', type: 'date' },
    { key: 'verificationPath', header: 'Trang xác thực', width: 28 },
  ],
};

/** A decision's line: the decision, and one product it decided on. */
export type DecisionExportRow = Omit<z.infer<typeof Decision>, 'items'> & z.infer<typeof DecisionItem>;

/** The decisions list as a file: one row per product recognised, under its decision. */
export const decisionExport: ExportTable<DecisionExportRow> = {
  title: 'Quyết định công nhận',
  columns: [
    { key: 'number', header: 'Số quyết định', width: 18 },
    { key: 'signedOn', header: 'Ngày ký', type: 'date' },
    { key: 'signer', header: 'Người ký', width: 24 },
    { key: 'signerTitle', header: 'Chức vụ người ký', width: 28 },
    { key: 'level', header: 'Cấp công nhận', width: 20, value: (d) => LEVEL[d.level] },
    { key: 'productName', header: 'Sản phẩm', width: 32 },
    { key: 'ocopCode', header: 'Mã sản phẩm OCOP', width: 20 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'result', header: 'Kết quả', width: 18, value: (d) => (d.star ? `Công nhận ${d.star} sao` : 'Không công nhận') },
    { key: 'star', header: 'Hạng sao công nhận', type: 'number' },
    { key: 'score', header: 'Điểm hội đồng', type: 'number' },
    { key: 'certificateNumber', header: 'Số giấy chứng nhận', width: 20 },
  ],
};
