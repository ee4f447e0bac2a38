/**
 * Who may run the programme's records: rounds, the working-day calendar, plans, imports, accounts,
 * earlier results, criteria versions. Pure functions of the actor and the record, used by the
 * server to refuse and by the web app to show or hide an action.
 */
export {};
