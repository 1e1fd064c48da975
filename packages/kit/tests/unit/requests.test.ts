import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SlackPayloadError } from '../../src/errors.js';
import {
  isSslCheck,
  parseBlockActions,
  parseEventsBody,
  parseSlashCommand,
} from '../../src/slack/requests.js';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const formOf = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const interactivityBody = (payload: unknown): string => formOf({ payload: JSON.stringify(payload) });
const blockActions = (): Record<string, unknown> => JSON.parse(fixture('block-actions.payload.json'));
const slashFields = (): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(fixture('slash-command.form.txt')));

function payloadError(run: () => unknown): SlackPayloadError {
  try {
    run();
  } catch (error) {
    if (error instanceof SlackPayloadError) return error;
    throw error;
  }
  throw new Error('expected a SlackPayloadError, nothing was thrown');
}

/** Runs a parser on any input: it must return or throw SlackPayloadError with a message, nothing else. */
function expectResultOrPayloadError(run: () => unknown): void {
  try {
    expect(run()).toEqual(expect.any(Object));
  } catch (error) {
    expect(error).toBeInstanceOf(SlackPayloadError);
    expect((error as SlackPayloadError).message.length).toBeGreaterThan(0);
  }
}

describe('requests', () => {
  describe('parseSlashCommand()', () => {
    it('reads every field of a slash command when the body is Slack’s form encoding', () => {
      // Act
      const command = parseSlashCommand(fixture('slash-command.form.txt'));

      // Assess
      expect(command).toEqual({
        command: '/ecs-status',
        text: 'restart service=api cluster="prod eu"',
        response_url: 'https://hooks.slack.com/commands/1234/5678',
        trigger_id: '13345224609.738474920.8088930838d88f008e0',
        user_id: 'U2147483697',
        team_id: 'T0001',
        channel_id: 'C2147483705',
        channel_name: 'test',
        api_app_id: 'A123456',
        enterprise_id: 'E0001',
      });
    });

    it('does not keep the deprecated token and user_name fields', () => {
      // Act
      const command = parseSlashCommand(fixture('slash-command.form.txt'));

      // Assess
      expect(command).not.toHaveProperty('token');
      expect(command).not.toHaveProperty('user_name');
    });

    it('gives text as an empty string when Slack sends no text field', () => {
      // Prepare
      const { text: _text, ...fields } = slashFields();

      // Act
      const command = parseSlashCommand(formOf(fields));

      // Assess
      expect(command.text).toBe('');
    });

    it.each([
      ['command', 'ecs-status', 'without its slash'],
      ['command', '/ecs status', 'with a space'],
      ['command', `/${'x'.repeat(32)}`, 'longer than 32 characters'],
      ['user_id', '', 'empty'],
      ['user_id', 'U'.repeat(65), 'longer than 64 characters'],
      ['response_url', 'not a url', 'not a URL'],
    ])('throws a SlackPayloadError naming %s when it is %s', (field, value) => {
      // Prepare
      const body = formOf({ ...slashFields(), [field]: value });

      // Act
      const error = payloadError(() => parseSlashCommand(body));

      // Assess
      expect(error.code).toBe('slack_payload_invalid');
      expect(error.message).toMatch(new RegExp(`^slash command is not valid: .*${field}`));
    });

    it.each(['command', 'response_url', 'trigger_id', 'user_id', 'team_id', 'channel_id'])(
      'throws a SlackPayloadError naming %s when it is missing',
      (field) => {
        // Prepare
        const fields = slashFields();
        delete fields[field];

        // Act
        const error = payloadError(() => parseSlashCommand(formOf(fields)));

        // Assess
        expect(error.message).toContain(field);
      },
    );

    it('returns a result or throws a SlackPayloadError for any text and any form', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.dictionary(fc.constantFrom(...Object.keys(slashFields()), 'x'), fc.string()).map(formOf),
          ),
          (body) => {
            // Act & Assess
            expectResultOrPayloadError(() => parseSlashCommand(body));
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('parseBlockActions()', () => {
    it('reads a button click when the payload is Slack’s block_actions JSON', () => {
      // Act
      const payload = parseBlockActions(interactivityBody(blockActions()));

      // Assess
      expect(payload.type).toBe('block_actions');
      expect(payload.user.id).toBe('U2147483697');
      expect(payload.actions).toHaveLength(1);
      expect(payload.actions[0]).toMatchObject({
        action_id: 'ecs:restart',
        value: 'prod/api',
        action_ts: '1548426417.840180',
      });
      expect(payload.response_url).toBe('https://hooks.slack.com/actions/T0001/1234567890/aBcDeFgHiJkLmNoP');
      expect(payload.channel?.id).toBe('C2147483705');
      expect(payload.message?.ts).toBe('1548261231.000200');
      expect(payload.container).toMatchObject({ type: 'message', message_ts: '1548261231.000200' });
    });

    it('keeps fields it does not check when the payload carries more than the schema names', () => {
      // Act
      const payload = parseBlockActions(interactivityBody(blockActions()));

      // Assess
      expect(payload).toHaveProperty('api_app_id', 'A123456');
      expect(payload.actions[0]).toHaveProperty('style', 'danger');
    });

    it('throws a SlackPayloadError when the form has no payload field', () => {
      // Act
      const error = payloadError(() => parseBlockActions(formOf({ other: '{}' })));

      // Assess
      expect(error.message).toBe('interactivity request has no payload field');
    });

    it('throws a SlackPayloadError when the payload is not JSON', () => {
      // Act
      const error = payloadError(() => parseBlockActions(formOf({ payload: '{"type":' })));

      // Assess
      expect(error.message).toBe('interactivity payload is not JSON');
    });

    it.each([
      ['type', (p: Record<string, unknown>) => Object.assign(p, { type: 'view_submission' })],
      ['actions', (p: Record<string, unknown>) => Object.assign(p, { actions: [] })],
      ['user.id', (p: Record<string, unknown>) => Object.assign(p, { user: {} })],
      [
        'actions.0.action_id',
        (p: Record<string, unknown>) => Object.assign(p, { actions: [{ value: 'x' }] }),
      ],
      [
        'actions.0.value',
        (p: Record<string, unknown>) =>
          Object.assign(p, { actions: [{ action_id: 'a', value: 'v'.repeat(2001) }] }),
      ],
      ['response_url', (p: Record<string, unknown>) => Object.assign(p, { response_url: 'nope' })],
    ])('throws a SlackPayloadError naming %s when it is wrong', (path, change) => {
      // Prepare
      const body = interactivityBody(change(blockActions()));

      // Act
      const error = payloadError(() => parseBlockActions(body));

      // Assess
      expect(error.message).toContain(`${path}:`);
    });

    it('returns a result or throws a SlackPayloadError for any text and any JSON payload', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.jsonValue().map(interactivityBody),
            fc.string().map((s) => formOf({ payload: s })),
          ),
          (body) => {
            // Act & Assess
            expectResultOrPayloadError(() => parseBlockActions(body));
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('parseEventsBody()', () => {
    it('reads the challenge when the body is a url_verification', () => {
      // Act
      const body = parseEventsBody(fixture('url-verification.json'));

      // Assess
      expect(body).toEqual({
        type: 'url_verification',
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
        token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      });
    });

    it('reads the event id and event when the body is a message event_callback', () => {
      // Act
      const body = parseEventsBody(fixture('event-callback-message.json'));

      // Assess
      expect(body.type).toBe('event_callback');
      if (body.type !== 'event_callback') throw new Error('narrowing');
      expect(body.event_id).toBe('Ev08MFMKH6');
      expect(body.event).toMatchObject({
        type: 'message',
        channel: 'C2147483705',
        user: 'U2147483697',
        ts: '1355517523.000005',
      });
      expect(body.event.bot_id).toBeUndefined();
    });

    it('exposes bot_id and subtype when the event is the app’s own post coming back', () => {
      // Act
      const body = parseEventsBody(fixture('event-callback-bot-message.json'));

      // Assess
      if (body.type !== 'event_callback') throw new Error(`expected event_callback, got ${body.type}`);
      expect(body.event).toMatchObject({
        bot_id: 'B0123456',
        subtype: 'bot_message',
        thread_ts: '1355517523.000005',
      });
    });

    it('throws a SlackPayloadError when the body is not JSON', () => {
      // Act
      const error = payloadError(() => parseEventsBody('challenge=abc'));

      // Assess
      expect(error.message).toBe('event body is not JSON');
    });

    it.each([
      ['the type is unknown', { type: 'app_rate_limited', team_id: 'T1' }],
      ['event_id is missing', { type: 'event_callback', event: { type: 'message' } }],
      ['the event has no type', { type: 'event_callback', event_id: 'Ev1', event: {} }],
      ['the challenge is missing', { type: 'url_verification' }],
      ['the body is an array', [{ type: 'url_verification', challenge: 'x' }]],
      ['the body is null', null],
    ])('throws a SlackPayloadError when %s', (_label, body) => {
      // Act
      const error = payloadError(() => parseEventsBody(JSON.stringify(body)));

      // Assess
      expect(error.message).toMatch(/^event body is not valid: .+/);
    });

    it('returns a result or throws a SlackPayloadError for any text and any JSON', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc
              .record({
                type: fc.constantFrom('event_callback', 'url_verification'),
                event_id: fc.jsonValue(),
                event: fc.jsonValue(),
              })
              .map((v) => JSON.stringify(v)),
          ),
          (body) => {
            // Act & Assess
            expectResultOrPayloadError(() => parseEventsBody(body));
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('isSslCheck()', () => {
    it('returns true when the body is Slack’s ssl_check probe', () => {
      // Act
      const probe = isSslCheck(fixture('ssl-check.form.txt'));

      // Assess
      expect(probe).toBe(true);
    });

    it.each([
      ['a slash command', fixture('slash-command.form.txt')],
      ['ssl_check=0', 'ssl_check=0&token=x'],
      ['a JSON event', fixture('url-verification.json')],
      ['empty', ''],
    ])('returns false when the body is %s', (_label, body) => {
      // Act
      const probe = isSslCheck(body);

      // Assess
      expect(probe).toBe(false);
    });
  });
});
