/**
 * Texts of the forgotten-password pages, Vietnamese first; `passwordResetEn` must have the same keys
 * (resources.test.ts).
 */
export const passwordResetVi = {
  forgotLink: 'Quên mật khẩu?',
  forgotTitle: 'Quên mật khẩu',
  forgotIntro: 'Nhập địa chỉ e-mail của tài khoản. Chúng tôi sẽ gửi một liên kết để đặt mật khẩu mới.',
  send: 'Gửi liên kết đặt lại mật khẩu',
  sentTitle: 'Đã ghi nhận yêu cầu',
  sent: 'Nếu {{email}} là e-mail của một tài khoản đang hoạt động, thư có liên kết đặt lại mật khẩu sẽ được gửi tới địa chỉ này. Liên kết có hiệu lực {{minutes}} phút và chỉ dùng được một lần. Hãy xem cả thư mục thư rác.',
  sendAnother: 'Gửi lại tới địa chỉ khác',
  noEmailTitle: 'Không có e-mail?',
  noEmail:
    'Nếu tài khoản không có e-mail hoặc bạn không nhận được thư, hãy liên hệ cán bộ xã hoặc văn phòng điều phối OCOP của tỉnh: văn phòng có thể cấp cho bạn một mật khẩu tạm thời, bạn sẽ đổi mật khẩu này ngay khi đăng nhập.',
  backToLogin: '← Quay lại đăng nhập',
  resetTitle: 'Đặt mật khẩu mới',
  resetFor: 'Tài khoản: {{email}}',
  checking: 'Đang kiểm tra liên kết…',
  linkProblem: 'Không dùng được liên kết',
  noToken: 'Liên kết đặt lại mật khẩu không đầy đủ. Hãy mở đúng liên kết trong thư, hoặc yêu cầu liên kết mới.',
  askAgain: 'Yêu cầu liên kết mới',
  save: 'Lưu mật khẩu mới',
  doneTitle: 'Đã đặt mật khẩu mới',
  done: 'Mật khẩu mới đã được lưu. Mọi phiên đăng nhập cũ của tài khoản đã kết thúc. Hãy đăng nhập bằng mật khẩu mới.',
  goToLogin: 'Đăng nhập',
};

export const passwordResetEn: typeof passwordResetVi = {
  forgotLink: 'Forgot password?',
  forgotTitle: 'Forgot password',
  forgotIntro: "Enter your account's e-mail address. We will send a link to set a new password.",
  send: 'Send reset link',
  sentTitle: 'Request received',
  sent: 'If {{email}} belongs to an active account, an e-mail with a password reset link is on its way to it. The link works for {{minutes}} minutes and only once. Check your spam folder too.',
  sendAnother: 'Send to another address',
  noEmailTitle: 'No e-mail?',
  noEmail:
    "If the account has no e-mail or no message arrives, contact your commune officer or the province's OCOP office: the office can give you a temporary password, which you change as soon as you sign in.",
  backToLogin: '← Back to sign in',
  resetTitle: 'Set a new password',
  resetFor: 'Account: {{email}}',
  checking: 'Checking the link…',
  linkProblem: 'This link cannot be used',
  noToken: 'The password reset link is incomplete. Open the exact link from the e-mail, or ask for a new one.',
  askAgain: 'Ask for a new link',
  save: 'Save new password',
  doneTitle: 'New password set',
  done: 'Your new password is saved. Every earlier sign-in of the account has ended. Sign in with the new password.',
  goToLogin: 'Sign in',
};
