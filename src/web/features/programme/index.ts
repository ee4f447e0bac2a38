export { programmeRoutes } from './routes.js';
export { SubjectGrants, SubjectTrainings } from './components/SubjectActivities.js';
