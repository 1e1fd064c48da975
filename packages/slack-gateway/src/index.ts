export { Gateway } from './app.js';
export type { GatewayPorts, HttpRequest, HttpResponse } from './app.js';
export { routeAction, routeCommand, routeEvent, unknownCommandReply } from './domain/router.js';
export type { RegisteredFeature, Routed } from './domain/router.js';
export { enabledFeatures } from './features.js';
export { GatewayError, DispatchError } from './errors.js';
