import type { BlockActionsPayload, SlashCommand } from '@slackops/kit/core';
import { createEcsFeature } from '../../src/gateway.js';

const clusters = {
  prod: {
    services: ['api'],
    protected: true,
    operators: ['U0OP', 'S0ONCALL'],
    approvers: ['U0AP'],
    max_desired_count: 10,
  },
  staging: { services: ['web'], protected: false, operators: ['U0OP'], approvers: [], max_desired_count: 10 },
  lab: { services: ['x'], protected: false, operators: [], approvers: [], max_desired_count: 10 },
};
const feature = createEcsFeature({ ECS_CLUSTERS: clusters, ECS_WORKER_FUNCTION: 'worker' });
const context = { requestId: 'req-1', receivedAt: '2026-11-22T10:00:00.000Z' };

const command = (text: string, user = 'U0OP'): SlashCommand => ({
  command: '/ecs-status',
  text,
  response_url: 'https://hooks.slack.com/commands/T/1/x',
  trigger_id: 't',
  user_id: user,
  team_id: 'T1',
  channel_id: 'C1',
});
const click = (actionId: string, value: string, user: string): BlockActionsPayload => ({
  type: 'block_actions',
  user: { id: user },
  actions: [{ action_id: actionId, value }],
  channel: { id: 'C1' },
  response_url: 'https://hooks.slack.com/actions/T/1/x',
});
const onCommand = (text: string, user?: string) => feature.onCommand!(command(text, user), context);
const onClick = (actionId: string, value: string, user: string) => {
  const payload = click(actionId, value, user);
  return feature.onAction!(payload.actions[0]!, payload, context);
};

describe('ecs gateway feature', () => {
  describe('onCommand()', () => {
    it('answers help at once and dispatches nothing', () => {
      // Act
      const decision = onCommand('help');

      // Assess
      expect(decision.work).toBeUndefined();
      expect(decision.reply?.text).toContain('/ecs-status cluster=<c> service=<s>');
    });

    it('dispatches a status task and acknowledges when a service is named', () => {
      // Act
      const decision = onCommand('cluster=staging service=web');

      // Assess
      expect(decision.reply?.response_type).toBe('ephemeral');
      expect(decision.work).toMatchObject({
        kind: 'command',
        userId: 'U0OP',
        channelId: 'C1',
        task: { op: 'status', cluster: 'staging', service: 'web' },
      });
    });

    it('asks for confirmation and dispatches nothing when an operator asks for a change', () => {
      // Act
      const decision = onCommand('cluster=staging service=web action=restart');

      // Assess
      expect(decision.work).toBeUndefined();
      expect(JSON.stringify(decision.reply)).toContain('ecs:confirm');
      expect(JSON.stringify(decision.reply)).toContain('"confirm":{');
    });

    it('refuses at once and audits the refusal when the user is not an operator', () => {
      // Act
      const decision = onCommand('cluster=staging service=web action=restart', 'U0VISITOR');

      // Assess
      expect(decision.reply?.text).toContain('not an operator of `staging`');
      expect(decision.work?.task).toMatchObject({
        op: 'refused',
        action: 'restart',
        resource: 'ecs:staging/web',
      });
    });

    it('says the cluster is read-only when it has no operators', () => {
      // Act
      const decision = onCommand('cluster=lab service=x action=restart', 'U0OP');

      // Assess
      expect(decision.reply?.text).toContain('`lab` is read-only');
    });

    it('leaves the decision to the worker when only a user group could make the user an operator', () => {
      // Act
      const decision = onCommand('cluster=prod service=api action=restart', 'U0MAYBE');

      // Assess
      expect(JSON.stringify(decision.reply)).toContain('Request approval');
    });
  });

  describe('onAction()', () => {
    const change = JSON.stringify({ action: 'restart', cluster: 'prod', service: 'api', requester: 'U0OP' });
    const approval = JSON.stringify({ id: 'a-1', requester: 'U0OP', cluster: 'prod' });

    it('requests approval when the cluster is protected', () => {
      // Act
      const decision = onClick('ecs:confirm', change, 'U0OP');

      // Assess
      expect(decision.work?.task).toMatchObject({
        op: 'request-approval',
        change: { action: 'restart', requester: 'U0OP' },
      });
    });

    it('runs at once when the cluster is not protected', () => {
      // Act
      const decision = onClick(
        'ecs:confirm',
        JSON.stringify({ action: 'restart', cluster: 'staging', service: 'web', requester: 'U0OP' }),
        'U0OP',
      );

      // Assess
      expect(decision.work?.task).toMatchObject({ op: 'run' });
    });

    it('makes whoever clicks a card button the requester', () => {
      // Act
      const decision = onClick(
        'ecs:card-restart',
        JSON.stringify({ action: 'restart', cluster: 'staging', service: 'web', requester: '' }),
        'U0OP',
      );

      // Assess
      expect(decision.work?.task).toMatchObject({ op: 'run', change: { requester: 'U0OP' } });
    });

    it('refuses self-approval when the requester clicks Approve', () => {
      // Act
      const decision = onClick('ecs:approve', approval, 'U0OP');

      // Assess
      expect(decision.reply?.text).toContain('cannot approve your own request');
      expect(decision.work?.task).toMatchObject({ op: 'refused' });
    });

    it('refuses someone who is not an approver', () => {
      // Act
      const decision = onClick('ecs:approve', approval, 'U0VISITOR');

      // Assess
      expect(decision.reply?.text).toContain('Only approvers of `prod`');
    });

    it('hands an approver decision to the worker', () => {
      // Act
      const decision = onClick('ecs:approve', approval, 'U0AP');

      // Assess
      expect(decision.reply).toBeUndefined();
      expect(decision.work?.task).toEqual({ op: 'decide', approvalId: 'a-1', decision: 'approve' });
    });

    it('refuses a button whose value names a service outside the allow-list', () => {
      // Act
      const decision = onClick(
        'ecs:confirm',
        JSON.stringify({ action: 'restart', cluster: 'prod', service: 'db', requester: 'U0OP' }),
        'U0OP',
      );

      // Assess
      expect(decision.work).toBeUndefined();
      expect(decision.reply?.text).toContain('no longer matches');
    });
  });
});
