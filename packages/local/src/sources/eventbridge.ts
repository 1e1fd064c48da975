// The default event bus: events from the world (ECS deployment state changes, …) or from PutEvents
// are matched against the features' rules and delivered to their targets asynchronously.
import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '../aws/world.js';
import type { EventRule } from '../features/wiring.js';
import type { LambdaRunner } from './lambda.js';

export class LocalEventBus {
  readonly delivered: Array<{ rule: string; event: EventBridgeEvent }> = [];
  readonly unmatched: EventBridgeEvent[] = [];
  private readonly rules: EventRule[] = [];

  constructor(
    private readonly lambda: LambdaRunner,
    private readonly accountId: string,
    private readonly region: string,
  ) {}

  addRule(rule: EventRule): void {
    this.rules.push(rule);
  }

  put(event: EventBridgeEvent): void {
    const full: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      account: this.accountId,
      region: this.region,
      time: new Date().toISOString(),
      resources: [],
      ...event,
    };
    const matching = this.rules.filter((rule) => rule.matches(full));
    if (matching.length === 0) this.unmatched.push(full);
    for (const rule of matching) {
      this.delivered.push({ rule: rule.name, event: full });
      this.lambda.invokeAsync(rule.target, full);
    }
  }
}
