/** Recognition decisions (quyết định công nhận): recording one issues the certificates. */
export { DecisionListPage } from './pages/DecisionListPage.js';
export { DecisionCreatePage } from './pages/DecisionCreatePage.js';
