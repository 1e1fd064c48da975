import type { WebClient } from '@slack/web-api';
import {
  createSlackClient,
  postToResponseUrl,
  SlackDeliveryError,
  toSlackDeliveryError,
} from '@slackops/kit';
import { SlackStandIn } from '../../src/slack/stand-in.js';

describe('SlackStandIn', () => {
  let clock = 1_000_000;
  const standIn = new SlackStandIn({ now: () => clock, userGroups: { S0OPS: ['U1', 'U2'] } });
  let slack: WebClient;

  beforeAll(async () => {
    await standIn.start();
    slack = createSlackClient('xoxb-test', { apiUrl: standIn.apiUrl });
  });
  afterAll(() => standIn.stop());
  beforeEach(() => standIn.reset());

  describe('chat.postMessage', () => {
    it('records the message and answers a ts when the real WebClient posts', async () => {
      // Act
      const answer = await slack.chat.postMessage({ channel: 'C1', text: 'hello' });

      // Assess
      expect(answer.ok).toBe(true);
      expect(standIn.messages('C1')).toMatchObject([{ text: 'hello', ts: answer.ts }]);
      expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('answers 429 with Retry-After when a channel gets more than its per-second rate', async () => {
      // Prepare
      standIn.setRateLimit(1);

      // Act
      await slack.chat.postMessage({ channel: 'C1', text: 'one' });
      const second = await slack.chat
        .postMessage({ channel: 'C1', text: 'two' })
        .catch((e: unknown) => toSlackDeliveryError(e));
      clock += 1001;
      const third = await slack.chat.postMessage({ channel: 'C1', text: 'three' });

      // Assess
      expect(second).toBeInstanceOf(SlackDeliveryError);
      expect((second as SlackDeliveryError).retryable).toBe(true);
      expect(third.ok).toBe(true);
      expect(standIn.messages('C1').map((m) => m.text)).toEqual(['one', 'three']);
      standIn.setRateLimit(undefined);
    });

    it('fails the given number of calls with the injected fault and then recovers', async () => {
      // Prepare
      standIn.injectFault({ method: 'chat.postMessage', status: 503, times: 2 });

      // Act
      const first = await slack.chat
        .postMessage({ channel: 'C2', text: 'x' })
        .catch((e: unknown) => toSlackDeliveryError(e));
      const later = await slack.chat.postMessage({ channel: 'C2', text: 'y' });

      // Assess
      expect((first as SlackDeliveryError).retryable).toBe(true);
      expect(later.ok).toBe(true);
      expect(standIn.messages('C2').map((m) => m.text)).toEqual(['y']);
    });

    it('refuses a call when no bot token is given', async () => {
      // Prepare
      const anonymous = createSlackClient('', { apiUrl: standIn.apiUrl });

      // Act
      const error = await anonymous.chat
        .postMessage({ channel: 'C1', text: 'x' })
        .catch((e: unknown) => toSlackDeliveryError(e));

      // Assess
      expect((error as SlackDeliveryError).code).toBe('not_authed');
    });
  });

  describe('chat.update', () => {
    it('keeps the history of texts when a message is edited', async () => {
      // Prepare
      const posted = await slack.chat.postMessage({ channel: 'C3', text: 'deploying' });

      // Act
      await slack.chat.update({ channel: 'C3', ts: posted.ts!, text: 'done' });

      // Assess
      expect(standIn.messages('C3')[0]!.history).toEqual(['deploying', 'done']);
    });
  });

  describe('usergroups.users.list', () => {
    it('lists the members of a known group', async () => {
      // Act
      const answer = await slack.usergroups.users.list({ usergroup: 'S0OPS' });

      // Assess
      expect(answer.users).toEqual(['U1', 'U2']);
    });
  });

  describe('files upload flow', () => {
    it('keeps the uploaded bytes and posts the file when filesUploadV2 runs', async () => {
      // Act
      await slack.filesUploadV2({
        channel_id: 'C4',
        filename: 'logs.txt',
        content: 'line 1\nline 2',
        initial_comment: 'logs',
      });

      // Assess
      expect(standIn.callsTo('files.getUploadURLExternal')).toHaveLength(1);
      expect(standIn.messages('C4')[0]!.text).toContain('logs.txt');
    });
  });

  describe('response_url', () => {
    it('accepts five messages and refuses the sixth as Slack does', async () => {
      // Prepare
      const url = standIn.newResponseUrl();

      // Act
      for (let i = 0; i < 5; i++) await postToResponseUrl(url, { text: `m${i}` });
      const sixth = await postToResponseUrl(url, { text: 'm5' }).catch((e: unknown) => e);

      // Assess
      expect(standIn.responsesTo(url)).toHaveLength(5);
      expect((sixth as SlackDeliveryError).code).toBe('expired_url');
    });
  });
});
