import type { Dossier } from '../../../contracts/evaluation.js';
import { DOSSIER_STATE_LABELS, type DossierKind } from '../../../domain/evaluation/dossier-workflow.js';
import type { ExportTable } from '../../lib/table-export.js';

const KIND: Record<DossierKind, string> = { first: 'Đánh giá lần đầu', upgrade: 'Đánh giá nâng hạng', rerating: 'Đánh giá lại' };

/** The dossiers list as a file: where each dossier stands in the evaluation cycle. */
export const dossierExport: ExportTable<Dossier> = {
  title: 'Hồ sơ đánh giá',
  columns: [
    { key: 'productName', header: 'Sản phẩm', width: 32 },
    { key: 'ocopCode', header: 'Mã sản phẩm OCOP', width: 20 },
    { key: 'subjectName', header: 'Chủ thể', width: 32 },
    { key: 'communeName', header: 'Xã/phường', width: 22 },
    { key: 'kind', header: 'Loại hồ sơ', width: 20, value: (d) => KIND[d.kind] },
    { key: 'state', header: 'Trạng thái', width: 24, value: (d) => DOSSIER_STATE_LABELS[d.state].vi },
    { key: 'roundName', header: 'Đợt đánh giá', width: 28 },
    { key: 'setNumber', header: 'Bộ sản phẩm', type: 'number' },
    { key: 'legalBasis', header: 'Căn cứ bộ tiêu chí', width: 18 },
    { key: 'submittedOn', header: 'Ngày nộp xã', type: 'date' },
    { key: 'communeDueOn', header: 'Hạn xã đánh giá', type: 'date' },
    { key: 'communeOverdue', header: 'Quá hạn đánh giá của xã', width: 12 },
    { key: 'councilScore', header: 'Điểm hội đồng', type: 'number' },
    { key: 'councilStar', header: 'Hạng sao theo điểm', type: 'number' },
    { key: 'decidedStar', header: 'Hạng sao công nhận', type: 'number' },
    { key: 'createdAt', header: 'Ngày lập', type: 'date' },
    { key: 'updatedAt', header: 'Cập nhật lần cuối', type: 'datetime' },
  ],
};
