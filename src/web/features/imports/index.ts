export { ImportPage } from './pages/ImportPage.js';
