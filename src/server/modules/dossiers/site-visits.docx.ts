import type { z } from 'zod';
import type { SiteVisit } from '../../../contracts/evaluation.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import { dataTable, para, renderDocx } from '../../lib/docx.js';

export type SiteVisitsReportInput = { productName: string; subjectName: string; provinceName: string; visits: z.infer<typeof SiteVisit>[] };

/**
 * The advisory team's report on a dossier (Art. 7.3c: "xây dựng báo cáo đánh giá gửi Chủ tịch Hội
 * đồng"), from its recorded site visits: who visited when, what they found, and their notes per
 * criterion. Part of the package sent to the ministry (Art. 6.3a).
 */
export function siteVisitsReportDocx(r: SiteVisitsReportInput): Promise<Buffer> {
  return renderDocx([
    para(`TỔ TƯ VẤN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP ${r.provinceName.toUpperCase()}`, { align: 'center', bold: true, size: 13 }),
    para('BÁO CÁO ĐÁNH GIÁ HỒ SƠ VÀ KHẢO SÁT THỰC TẾ', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`Sản phẩm: ${r.productName} — Chủ thể: ${r.subjectName}`, { align: 'center', italics: true, after: 12 }),
    ...(r.visits.length
      ? r.visits.flatMap((v, i) => [
          para(`${i + 1}. Khảo sát ngày ${formatDateVn(v.visitedOn)} — thành phần: ${v.visitors}`, { bold: true, before: 6 }),
          para(v.summary, { indent: true }),
          ...(Object.keys(v.criterionNotes).length
            ? [
                dataTable(
                  ['Tiêu chí', 'Nhận xét của tổ tư vấn'],
                  Object.entries(v.criterionNotes).map(([code, note]) => [code, note]),
                  [20, 80],
                ),
              ]
            : []),
        ])
      : [para('Tổ tư vấn không tổ chức khảo sát thực tế đối với hồ sơ này.', { indent: true })]),
  ]);
}
