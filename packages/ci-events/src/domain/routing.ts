import type { Routes } from '../config.js';
import type { CiEvent } from './event.js';

/** The event's own channel, else its repository's, else its environment's, else the default. */
export function channelFor(event: CiEvent, routes: Routes, defaultChannel: string): string {
  return (
    event.channel ??
    routes.repositories[event.repository] ??
    (event.environment ? routes.environments[event.environment] : undefined) ??
    defaultChannel
  );
}
