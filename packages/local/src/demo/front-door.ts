// The first chapter of the demo: what the Slack gateway does before any feature sees a request.
import type { Tour } from './tour.js';

export async function frontDoorChapter(tour: Tour): Promise<void> {
  const { sandbox } = tour;
  tour.chapter('The Slack front door');

  tour.say('Slack checks the Events URL once with a url_verification challenge.');
  const challenge = await sandbox.sendEvent({ type: 'url_verification', challenge: 'demo-challenge' });
  tour.expect(
    challenge.statusCode === 200 && challenge.body.includes('demo-challenge'),
    'the gateway answers the challenge',
  );

  tour.say('A request whose body was changed after Slack signed it is refused.');
  const body = 'command=%2Fecs-status&text=action%3Drestart';
  const tampered = await sandbox.gatewayRequest(
    '/slack/commands',
    body.replace('restart', 'scale'),
    sandbox.signedHeaders(body),
  );
  tour.expect(tampered.statusCode === 401, 'a tampered request is refused (401)');

  tour.say('A request replayed ten minutes later is refused.');
  const stale = await sandbox.gatewayRequest(
    '/slack/commands',
    body,
    sandbox.signedHeaders(body, Math.floor(Date.now() / 1000) - 600),
  );
  tour.expect(stale.statusCode === 401, 'a replayed request is refused (401)');

  tour.say('Slack retries an event it thinks was missed; the gateway does the work once.');
  const event = {
    type: 'event_callback',
    event_id: `EvDemo${Date.now()}`,
    event: { type: 'message', channel: 'C0OPS', user: 'U0OPERATOR', text: 'hi', ts: '1.1' },
  };
  await sandbox.sendEvent(event);
  const retry = await sandbox.sendEvent(event, 1);
  tour.expect(
    retry.headers['x-slack-no-retry'] === '1',
    "Slack's retry is dropped and told not to retry again",
  );

  tour.user('U0OPERATOR', '/deploy-everything');
  const unknown = await sandbox.slash('/deploy-everything');
  tour.showAck(unknown.ack);
  tour.expect(
    String(unknown.ack?.text ?? '').includes('is not a command'),
    'an unknown command gets a clear answer at once',
  );
}
