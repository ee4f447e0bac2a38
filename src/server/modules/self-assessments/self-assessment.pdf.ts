import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CriteriaSet, CriterionNode } from '../../../domain/criteria/index.js';
import { formatDateVi, formatPoints, nationalHeader, renderPdf, starsSvg } from '../../lib/pdf.js';
import type { PrintableSelfAssessment } from './self-assessments.service.js';

const MM = 2.835;

/** Rows of one part: group headings in bold with their maximum, criteria with the chosen option. */
function partRows(nodes: readonly CriterionNode[], choices: Record<string, number>, groupPoints: Map<string, number>, depth = 0): TableCell[][] {
  return nodes.flatMap((node): TableCell[][] => {
    if (node.kind === 'group') {
      return [
        [
          { text: node.code, bold: true },
          { text: node.label, bold: true, colSpan: 2, margin: [depth * 6, 0, 0, 0] },
          '',
          { text: `${formatPoints(groupPoints.get(node.code) ?? 0)} / ${formatPoints(node.maxPoints)}`, bold: true, alignment: 'right' },
        ],
        ...partRows(node.children, choices, groupPoints, depth + 1),
      ];
    }
    const index = choices[node.code];
    const option = index === undefined ? undefined : node.options[index];
    return [
      [
        node.code,
        { text: node.label, margin: [depth * 6, 0, 0, 0] },
        option ? option.label : { text: '(chưa chọn)', italics: true, color: '#a33' },
        { text: option ? `${formatPoints(option.points)} / ${formatPoints(node.maxPoints)}` : `– / ${formatPoints(node.maxPoints)}`, alignment: 'right' },
      ],
    ];
  });
}

function criteriaTables(set: CriteriaSet, choices: Record<string, number>, partPoints: Record<string, number>, groupPoints: Map<string, number>): Content[] {
  return set.parts.map((part) => ({
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [28, '*', '*', 52],
      body: [
        [
          { text: `${part.code}. ${part.label}`, bold: true, colSpan: 3, fillColor: '#e8f1ee' },
          '',
          '',
          { text: `${formatPoints(partPoints[part.code] ?? 0)} / ${formatPoints(part.maxPoints)}`, bold: true, alignment: 'right', fillColor: '#e8f1ee' },
        ],
        ...partRows(part.items, choices, groupPoints),
      ],
    },
    layout: { hLineColor: '#bbb', vLineColor: '#bbb', hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    fontSize: 9,
  }));
}

/**
 * The self-assessment as a printable A4 document (Mẫu 02, part III of Decision 26/2026/QĐ-TTg),
 * margins after Decree 30/2020/NĐ-CP: the sheet, the result, what the next star needs, the evidence
 * list and the producer's signature block.
 */
export function selfAssessmentPdf({ assessment: a, set, version }: PrintableSelfAssessment, now = new Date()): Promise<Buffer> {
  const result = a.result;
  const partPoints = Object.fromEntries(a.progress.parts.map((p) => [p.code, p.points]));
  const groupPoints = new Map(a.progress.groups.map((g) => [g.code, g.points]));
  const summary: Content[] = result
    ? [
        {
          columns: [
            { text: [{ text: 'Tổng điểm: ', bold: true }, `${formatPoints(result.total)} / ${formatPoints(result.maxTotal)}`], width: 'auto' },
            { text: 'Hạng: ', bold: true, width: 'auto', margin: [16, 0, 4, 0] },
            result.star ? starsSvg(result.star) : { text: 'không xếp hạng', italics: true, width: 'auto' },
            { text: result.star ? `  ${result.star} sao${result.certifiable ? '' : ' (không đủ điều kiện công nhận)'}` : '', width: '*' },
          ],
          margin: [0, 10, 0, 4],
        },
        ...(result.failedGates.length
          ? [
              { text: 'Yêu cầu tối thiểu chưa đạt:', bold: true, margin: [0, 4, 0, 2] } as Content,
              {
                ul: result.failedGates.map(
                  (g) =>
                    `${g.star} sao — tiêu chí ${g.criterion} (${g.criterionLabel}): cần "${g.required.label}"${g.chosen ? `, đã chọn "${g.chosen.label}"` : ''}.`,
                ),
                fontSize: 9,
              } as Content,
            ]
          : []),
        ...(result.next
          ? [
              { text: `Để đạt ${result.next.targetStar} sao:`, bold: true, margin: [0, 6, 0, 2] } as Content,
              {
                ul: [
                  ...(result.next.pointsMissing > 0
                    ? [`cần thêm ${formatPoints(result.next.pointsMissing)} điểm (ngưỡng ${formatPoints(result.next.bandMin)} điểm);`]
                    : []),
                  ...result.next.gates.map((g) => `tiêu chí ${g.criterion}: đạt tối thiểu "${g.required.label}";`),
                  ...result.next.pointGains.map(
                    (g) => `tiêu chí ${g.criterion} (${g.criterionLabel}): có thể thêm ${formatPoints(g.gain)} điểm với "${g.best.label}".`,
                  ),
                ],
                fontSize: 9,
              } as Content,
            ]
          : []),
      ]
    : [
        {
          text: `BẢN NHÁP — đã chấm ${a.progress.answered}/${a.progress.of} tiêu chí, tạm tính ${formatPoints(a.progress.total)} điểm.`,
          bold: true,
          color: '#a33',
          margin: [0, 10, 0, 4],
        },
      ];

  const evidence: Content[] = a.evidence.length
    ? [
        { text: 'Minh chứng kèm theo', bold: true, margin: [0, 10, 0, 2] },
        { ul: a.evidence.map((e) => `Tiêu chí ${e.criterionCode}: ${e.kind === 'link' ? e.url : (e.filename ?? 'tệp')}`), fontSize: 9 },
      ]
    : [];

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    info: { title: `Phiếu tự đánh giá — ${a.productName}`, subject: `${version.legalBasis}, bộ ${set.number}` },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    ...(result ? {} : { watermark: { text: 'BẢN NHÁP', opacity: 0.08, bold: true } }),
    footer: (page, pages) => ({ text: `${page}/${pages}`, alignment: 'center', fontSize: 8, color: '#777' }),
    content: [
      nationalHeader([a.subjectName.toUpperCase()]),
      { text: 'PHIẾU TỰ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP', bold: true, alignment: 'center', fontSize: 13 },
      { text: `Theo Bộ tiêu chí ban hành kèm theo Quyết định số ${version.legalBasis}`, italics: true, alignment: 'center', margin: [0, 2, 0, 10] },
      {
        table: {
          widths: [110, '*'],
          body: [
            ['Tên sản phẩm', { text: a.productName, bold: true }],
            ['Mã số sản phẩm', a.ocopCode ?? 'chưa cấp (chủ thể chưa rõ xã)'],
            ['Chủ thể', a.subjectName],
            ['Bộ sản phẩm', `${set.number}. ${set.name} (${set.productGroup})`],
          ],
        },
        layout: 'noBorders',
      },
      ...criteriaTables(set, a.choices, partPoints, groupPoints),
      ...summary,
      ...evidence,
      ...(a.generalNote ? [{ text: [{ text: 'Ghi chú: ', bold: true }, a.generalNote], margin: [0, 8, 0, 0] } as Content] : []),
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 220,
            stack: [
              { text: `…………, ngày ${formatDateVi(now).replace(/^(\d+)\/(\d+)\/(\d+)$/, '$1 tháng $2 năm $3')}`, italics: true, alignment: 'center' },
              { text: 'ĐẠI DIỆN CHỦ THỂ', bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
              { text: '(Ký, ghi rõ họ tên, đóng dấu nếu có)', italics: true, alignment: 'center', fontSize: 9 },
            ],
          },
        ],
        margin: [0, 18, 0, 0],
        unbreakable: true,
      },
    ],
  };
  return renderPdf(doc);
}
