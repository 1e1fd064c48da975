import type { BlockActionsPayload, EventCallback, SlackFeature, SlashCommand } from '@slackops/kit/core';
import { type RegisteredFeature, routeAction, routeCommand, routeEvent } from '../../src/domain/router.js';

const context = { requestId: 'req-1', receivedAt: '2026-11-22T10:00:00.000Z' };

function command(name: string, text = ''): SlashCommand {
  return {
    command: name,
    text,
    response_url: 'https://hooks.slack.com/x',
    trigger_id: 't',
    user_id: 'U1',
    team_id: 'T1',
    channel_id: 'C1',
  };
}

function click(actionId: string): BlockActionsPayload {
  return { type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: actionId, value: 'v' }] };
}

function event(fields: Partial<EventCallback['event']>): EventCallback {
  return { type: 'event_callback', event_id: 'Ev1', event: { type: 'message', channel: 'C9', ...fields } };
}

const work = {
  source: 'slack' as const,
  kind: 'command' as const,
  requestId: 'req-1',
  receivedAt: context.receivedAt,
  userId: 'U1',
  task: { x: 1 },
};

function feature(overrides: Partial<SlackFeature> = {}): RegisteredFeature {
  return {
    workerFunction: 'demo-worker',
    feature: {
      name: 'demo',
      commands: ['/demo'],
      actionPrefix: 'demo:',
      onCommand: () => ({ reply: { text: 'working on it', response_type: 'ephemeral' }, work }),
      onAction: () => ({ work: { ...work, kind: 'action' } }),
      ownsEvent: (e) => e.event.channel === 'C9',
      onEvent: () => ({ work: { ...work, kind: 'event' } }),
      ...overrides,
    },
  };
}

describe('router', () => {
  describe('routeCommand()', () => {
    it('returns the reply and dispatches to the owner worker when a feature owns the command', () => {
      // Act
      const routed = routeCommand([feature()], command('/demo', 'x'), context);

      // Assess
      expect(routed.reply?.text).toBe('working on it');
      expect(routed.dispatch).toEqual({ functionName: 'demo-worker', payload: work });
    });

    it('lists the available commands when no feature owns the command', () => {
      // Act
      const routed = routeCommand([feature()], command('/other'), context);

      // Assess
      expect(routed.dispatch).toBeUndefined();
      expect(routed.reply?.text).toContain('`/other` is not a command');
      expect(routed.reply?.text).toContain('`/demo`');
    });

    it('answers with the request id and dispatches nothing when the feature module throws', () => {
      // Prepare
      const broken = feature({
        onCommand: () => {
          throw new Error('bug');
        },
      });

      // Act
      const routed = routeCommand([broken], command('/demo'), context);

      // Assess
      expect(routed.dispatch).toBeUndefined();
      expect(routed.reply?.text).toContain('req-1');
      expect(routed.reply?.text).toContain('Nothing was changed');
    });
  });

  describe('routeAction()', () => {
    it('dispatches to the feature whose prefix the action_id carries', () => {
      // Act
      const routed = routeAction([feature()], click('demo:restart'), context);

      // Assess
      expect(routed.dispatch?.functionName).toBe('demo-worker');
      expect(routed.dispatch?.payload.kind).toBe('action');
    });

    it('says the button belongs to nothing when no prefix matches', () => {
      // Act
      const routed = routeAction([feature()], click('old:restart'), context);

      // Assess
      expect(routed.dispatch).toBeUndefined();
      expect(routed.reply?.text).toContain('`old:restart`');
    });
  });

  describe('routeEvent()', () => {
    it('dispatches a message to the feature that owns its channel', () => {
      // Act
      const routed = routeEvent([feature()], event({ user: 'U1', text: 'hello' }), context);

      // Assess
      expect(routed.dispatch?.payload.kind).toBe('event');
    });

    it('ignores our own posts when the event carries a bot_id', () => {
      // Act
      const routed = routeEvent([feature()], event({ bot_id: 'B1', text: 'echo' }), context);

      // Assess
      expect(routed).toEqual({});
    });

    it('ignores message subtypes it does not handle when the message was edited', () => {
      // Act
      const routed = routeEvent([feature()], event({ subtype: 'message_changed' }), context);

      // Assess
      expect(routed).toEqual({});
    });

    it('does nothing when no feature owns the channel', () => {
      // Act
      const routed = routeEvent([feature()], event({ channel: 'C1', user: 'U1' }), context);

      // Assess
      expect(routed).toEqual({});
    });
  });
});
