/** The audit feature's public face: other features show a record's history through this component. */
export { HistoryTimeline } from './components/HistoryTimeline.js';
