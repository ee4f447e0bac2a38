export { SubjectListPage } from './pages/SubjectListPage.js';
export { SubjectDetailPage } from './pages/SubjectDetailPage.js';
export { SubjectCreatePage } from './pages/SubjectCreatePage.js';
export { SubjectEditPage } from './pages/SubjectEditPage.js';
export { CommuneName } from './components/CommuneName.js';
