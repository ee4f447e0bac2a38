export { UserListPage } from './pages/UserListPage.js';
export { UserCreatePage } from './pages/UserCreatePage.js';
export { UserEditPage } from './pages/UserEditPage.js';
