export { marketRoutes } from './routes.js';
