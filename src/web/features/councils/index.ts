/** Councils and their sittings: members, declarations, independent score sheets, results, closing. */
export { CouncilListPage } from './pages/CouncilListPage.js';
export { CouncilCreatePage } from './pages/CouncilCreatePage.js';
export { SessionPage } from './pages/SessionPage.js';
export { ScoreSheetPage } from './pages/ScoreSheetPage.js';
export { PaperSheetPage } from './pages/PaperSheetPage.js';
export { DeclarationButton } from './components/DeclarationButton.js';
