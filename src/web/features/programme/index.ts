export { programmeRoutes } from './routes.js';
