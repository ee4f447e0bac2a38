/**
 * Who may act on the evaluation: dossiers, councils and their sessions, decisions, certificates.
 * Pure functions of the actor and the record, used by the server to refuse and by the web app to
 * show or hide an action.
 */
export {};
