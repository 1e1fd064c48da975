import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorldFile } from '../aws/world.js';

export const WORLDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'worlds');

export function readWorld(path: string): WorldFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read world file ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`world file ${path} must hold a JSON object`);
  return parsed as WorldFile;
}

/** The demo world: every feature's world file merged (each owns its own sections). */
export function defaultWorld(): WorldFile {
  const world: WorldFile = {};
  for (const file of readdirSync(WORLDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    Object.assign(world, readWorld(join(WORLDS_DIR, file)));
  }
  return world;
}
