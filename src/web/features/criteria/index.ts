/** The criteria feature's public face: its pages and the criteria sets other features load (the sheet itself is in components/score-sheet). */
export { CriteriaListPage } from './pages/CriteriaListPage.js';
export { CriteriaSetPage } from './pages/CriteriaSetPage.js';
export { useCriteriaSet, useCriteriaVersions } from './api/criteria.js';
