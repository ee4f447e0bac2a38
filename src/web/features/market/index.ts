export { marketRoutes } from './routes.js';
export { WhereToBuySection } from './components/WhereToBuySection.js';
