/**
 * Texts of the dossier pages' everyday work (filing readiness, taking back a draft, the list's
 * search and deadlines, printing), Vietnamese first; `dossierWorkEn` has the same keys (resources.test.ts).
 */
export const dossierWorkVi = {
  withdrawDraft: {
    action: 'Rút bản nháp',
    title: 'Rút bản nháp hồ sơ?',
    body: 'Bản nháp hồ sơ của “{{name}}” chưa nộp cho xã sẽ được rút: hồ sơ không còn trong danh sách và không mở lại được. Phiếu tự đánh giá vẫn giữ nguyên; có thể lập hồ sơ mới khi sẵn sàng.',
    done: 'Đã rút bản nháp hồ sơ',
  },
  blockers: {
    title: 'Chưa nộp hồ sơ cho xã được',
    intro: 'Cần hoàn thiện trước khi nộp:',
    openSheet: 'Mở phiếu tự đánh giá',
  },
  list: {
    searchLabel: 'Tìm hồ sơ',
    searchPlaceholder: 'Tên sản phẩm, tên chủ thể hoặc mã OCOP',
    deadline: 'Hạn xử lý',
    overdue: 'Quá hạn',
    overdueBadge: 'Quá hạn',
    inTime: 'Trong hạn',
    dueOn: 'Hạn {{date}}',
    rules: {
      commune_assessment: 'Xã đánh giá (15 ngày làm việc)',
      rerating_45_days: 'Đánh giá lại (45 ngày)',
      round_result: 'Kết quả của đợt',
    },
  },
  print: {
    button: 'In',
    label: 'In hồ sơ (khổ A4)',
  },
  create: {
    selfAssessmentHint: 'Bắt buộc: phiếu tự đánh giá (Mẫu 02) của sản phẩm theo bộ tiêu chí của sản phẩm. Phiếu đang làm phải hoàn thành trước khi nộp.',
    sheetInProgress: 'Phiếu đang làm, cập nhật {{date}} (chưa hoàn thành)',
    noSheet: 'Sản phẩm chưa có phiếu tự đánh giá',
    noSheetHint: 'Hồ sơ phải kèm phiếu tự đánh giá. Bắt đầu một phiếu ngay tại đây; hoàn thành phiếu rồi mới nộp hồ sơ cho xã.',
    start: 'Bắt đầu tự đánh giá',
    started: 'Đã tạo phiếu tự đánh giá mới và chọn cho hồ sơ',
    required: 'Chọn phiếu tự đánh giá của sản phẩm, hoặc bắt đầu một phiếu.',
  },
};

export const dossierWorkEn: typeof dossierWorkVi = {
  withdrawDraft: {
    action: 'Withdraw draft',
    title: 'Withdraw the draft dossier?',
    body: 'The draft dossier of “{{name}}”, not yet filed with the commune, will be withdrawn: it leaves the lists and cannot be reopened. The self-assessment stays as it is; open a new dossier when ready.',
    done: 'Draft dossier withdrawn',
  },
  blockers: {
    title: 'The dossier cannot be filed with the commune yet',
    intro: 'To complete before filing:',
    openSheet: 'Open the self-assessment',
  },
  list: {
    searchLabel: 'Search dossiers',
    searchPlaceholder: 'Product name, producer name or OCOP code',
    deadline: 'Deadline',
    overdue: 'Overdue',
    overdueBadge: 'Overdue',
    inTime: 'On time',
    dueOn: 'Due {{date}}',
    rules: {
      commune_assessment: 'Commune assessment (15 working days)',
      rerating_45_days: 'Re-rating (45 days)',
      round_result: 'Round result',
    },
  },
  print: {
    button: 'Print',
    label: 'Print the dossier (A4)',
  },
  create: {
    selfAssessmentHint: 'Required: a self-assessment (Form 02) of the product on its criteria set. A sheet in progress must be completed before filing.',
    sheetInProgress: 'Sheet in progress, updated {{date}} (not completed)',
    noSheet: 'The product has no self-assessment yet',
    noSheetHint: 'A dossier carries a self-assessment. Start one here; complete it before filing the dossier with the commune.',
    start: 'Start a self-assessment',
    started: 'New self-assessment started and chosen for the dossier',
    required: 'Choose a self-assessment of the product, or start one.',
  },
};
