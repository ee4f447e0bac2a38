/**
 * Texts of the subject form's checks (a tax code already registered), Vietnamese first;
 * `subjectChecksEn` must have the same keys (resources.test.ts).
 */
export const subjectChecksVi = {
  taxCodeTitle: 'Mã số thuế đã được đăng ký',
  taxCodeHolders: 'Mã số thuế này đã được đăng ký cho:',
  taxCodeHidden:
    'Mã số thuế này đã được đăng ký cho một chủ thể ngoài địa bàn bạn phụ trách. Vui lòng liên hệ Văn phòng Điều phối OCOP tỉnh để kiểm tra trước khi đăng ký.',
  taxCodeAdvice: 'Nếu là cùng một chủ thể, hãy mở hồ sơ đã có thay vì tạo mới.',
  confirmBranch: 'Đây là chi nhánh của chủ thể đã có',
  confirmBranchHint: 'Chỉ đánh dấu khi chủ thể này là chi nhánh dùng chung mã số thuế. Việc xác nhận được ghi vào lịch sử thay đổi.',
};

export const subjectChecksEn: typeof subjectChecksVi = {
  taxCodeTitle: 'Tax code already registered',
  taxCodeHolders: 'This tax code is already registered to:',
  taxCodeHidden:
    'This tax code is already registered to a subject outside the communes you look after. Please contact the provincial OCOP office to check before registering.',
  taxCodeAdvice: 'If it is the same subject, open the existing record instead of creating a new one.',
  confirmBranch: 'This is a branch of the existing subject',
  confirmBranchHint: 'Tick only if this subject is a branch sharing the tax code. The confirmation is recorded in the change history.',
};
