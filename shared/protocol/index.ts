// Everything on the wire between the server and its clients, typed once: the room's messages, the
// view updates, the HTTP API's bodies and answers, and the records they carry. Imports only zod and
// shared/* (no Colyseus): the server and the client both import it.
export * from './room.js';
export * from './views.js';
export * from './records.js';
export * from './matchApi.js';
export * from './classApi.js';
export * from './scenario.js';
export * from './text.js';
