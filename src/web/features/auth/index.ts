export { LoginPage } from './pages/LoginPage.js';
export { ChangePasswordPage } from './pages/ChangePasswordPage.js';
