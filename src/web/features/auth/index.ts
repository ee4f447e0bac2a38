export { LoginPage } from './pages/LoginPage.js';
export { ChangePasswordPage } from './pages/ChangePasswordPage.js';
export { ForgotPasswordPage } from './pages/ForgotPasswordPage.js';
export { ResetPasswordPage } from './pages/ResetPasswordPage.js';
