export { buildServer, type ServerOptions } from './build-server.js';
export { sessionCookie } from './server-context.js';
