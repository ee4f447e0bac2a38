/**
 * Texts of the import's review: communes found from addresses, producers registered by hand that
 * rows are linked to, and the problems file. Vietnamese first; `importReviewEn` must have the same
 * keys (resources.test.ts).
 */
export const importReviewVi = {
  problemsFile: 'Tải tệp đã đánh dấu lỗi',
  problemsFileOf: 'Tải {{name}} đã đánh dấu lỗi',
  problemsFileHint: 'Tệp Excel của bạn, thêm cột "Lỗi cần sửa" ở mỗi trang; ô sai được tô đỏ và có ghi chú. Sửa ngay trong tệp rồi tải lên lại.',
  communesTitle: 'Xã, phường tìm theo địa chỉ ({{count}})',
  communesHint: 'Các chủ thể này không có mã xã; xã được xác định từ địa chỉ. Kiểm tra trước khi ghi.',
  addressPart: 'Theo địa chỉ',
  commune: 'Xã, phường',
  unplacedTitle: 'Chủ thể chưa rõ xã ({{count}})',
  unplacedHint:
    'Không có mã xã và địa chỉ không cho biết xã nào. Các chủ thể này vẫn được nhập, đánh dấu "Chưa rõ xã"; sản phẩm chưa được cấp mã OCOP. Sau khi ghi, vào danh sách chủ thể, lọc "Chỉ chủ thể chưa rõ xã" để cập nhật xã.',
  address: 'Địa chỉ',
  reason: 'Lý do',
  matchesTitle: 'Chủ thể đã có trong hệ thống ({{count}})',
  matchesHint:
    'Các dòng này trùng với chủ thể đã đăng ký trực tiếp (chưa có mã trong tệp). Khi ghi, chủ thể đó được cập nhật và gắn mã trong tệp, không tạo thêm chủ thể mới. Kiểm tra các dòng trùng theo tên trước khi ghi.',
  existing: 'Chủ thể trong hệ thống',
  by: 'Trùng theo',
  byTaxCode: 'Mã số thuế',
  byNameCommune: 'Tên và xã (cần xác nhận)',
};

export const importReviewEn: typeof importReviewVi = {
  problemsFile: 'Download the file with its problems marked',
  problemsFileOf: 'Download {{name}} with its problems marked',
  problemsFileHint:
    'Your Excel file with a "Lỗi cần sửa" (problems) column on each sheet; wrong cells are filled red with a comment. Fix the file and upload it again.',
  communesTitle: 'Communes found from addresses ({{count}})',
  communesHint: 'These producers have no commune code; their commune was read from the address. Check before committing.',
  addressPart: 'From the address',
  commune: 'Commune',
  unplacedTitle: 'Producers with no commune ({{count}})',
  unplacedHint:
    'No commune code, and the address does not tell which commune. They are imported all the same, flagged "Commune unknown"; their products get no OCOP code yet. After committing, filter the producers list by "Only producers with no commune" to set it.',
  address: 'Address',
  reason: 'Why',
  matchesTitle: 'Producers already registered ({{count}})',
  matchesHint:
    'These rows match producers registered by hand (without the file’s code). Committing updates that producer and gives it the file’s code instead of creating another. Check the rows matched by name before committing.',
  existing: 'Registered producer',
  by: 'Matched by',
  byTaxCode: 'Tax code',
  byNameCommune: 'Name and commune (to confirm)',
};
