// `pnpm slackops <command>` — the sandbox's CLI. Others script against it: keep it stable.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { frontDoorChapter } from '../demo/front-door.js';
import { Tour } from '../demo/tour.js';
import { featureWirings } from '../features/index.js';
import { createSandbox, SANDBOX_SIGNING_SECRET } from '../sandbox.js';
import { signSlackBody } from '@slackops/kit/core';
import { defaultWorld, readWorld } from './worlds.js';

// The AWS SDK warns that Node 20 support ends in 2027; Lambda runs Node 22. Keep the demo output readable.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
  if (String(warning).startsWith('NodeVersionSupportWarning')) return;
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;

const USAGE = `usage: slackops <command>
  demo                                   a scripted tour through every feature (exit 0 when every step did what it should)
  dev [--port 3000]                      serve the gateway and the stand-ins on 127.0.0.1 until stopped
  functions                              list every function of the suite (Terraform's names, minus the prefix)
  invoke <function> --event <file.json> [--world <file>] [--json]
                                         run one production handler against the sandbox; print its result, Slack and AWS calls
  slack "<slash command text>" [--user <id>] [--port 3000]
                                         sign and send a slash command to a running dev server`;

async function demo(): Promise<number> {
  const sandbox = await createSandbox({ world: defaultWorld() });
  const tour = new Tour(sandbox);
  try {
    await frontDoorChapter(tour);
    for (const feature of featureWirings()) {
      if (!feature.demo) continue;
      try {
        await feature.demo(tour);
      } catch (error) {
        tour.expect(false, `${feature.name} chapter ran to the end (${(error as Error).message})`);
      }
    }
  } finally {
    await sandbox.close();
  }
  console.log('');
  if (tour.failures.length > 0) {
    console.log(`demo: ${tour.failures.length} of ${tour.checks} checks failed:`);
    for (const failure of tour.failures) console.log(`  ✗ ${failure}`);
    return 1;
  }
  console.log(`demo: all ${tour.checks} checks passed`);
  return 0;
}

async function functions(): Promise<number> {
  const sandbox = await createSandbox({ world: {} });
  try {
    for (const name of sandbox.lambda.names()) console.log(name);
  } finally {
    await sandbox.close();
  }
  return 0;
}

async function invoke(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      world: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const name = positionals[0];
  if (!name || !values.event) {
    console.error('usage: slackops invoke <function> --event <file.json> [--world <file>] [--json]');
    return 2;
  }
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(values.event, 'utf8'));
  } catch (error) {
    console.error(`cannot read event file ${values.event}: ${(error as Error).message}`);
    return 2;
  }
  const sandbox = await createSandbox({ world: values.world ? readWorld(values.world) : defaultWorld() });
  let result: unknown;
  let failure: string | undefined;
  try {
    if (!sandbox.lambda.has(name)) {
      console.error(`unknown function "${name}"; the suite has: ${sandbox.lambda.names().join(', ')}`);
      return 2;
    }
    try {
      result = await sandbox.lambda.invoke(name, event);
    } catch (error) {
      failure = (error as Error).message;
    }
    await sandbox.settle();
    const report = {
      function: name,
      result: result ?? null,
      error: failure ?? null,
      slackCalls: sandbox.slack.calls.map(({ method, args: callArgs, status, error }) => ({
        method,
        args: callArgs,
        status,
        error,
      })),
      responseUrlPosts: sandbox.slack.posts.map((p) => p.body),
      awsCalls: sandbox.awsCalls().map(({ service, operation, input, function: fn, error }) => ({
        service,
        operation,
        input,
        function: fn,
        error,
      })),
    };
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`${name} ${failure ? `failed: ${failure}` : 'returned:'}`);
      if (!failure) console.log(JSON.stringify(result ?? null, null, 2));
      console.log(`\nSlack calls (${report.slackCalls.length}):`);
      for (const call of report.slackCalls)
        console.log(
          `  ${call.method} → ${call.status}${call.error ? ` ${call.error}` : ''} ${JSON.stringify(call.args).slice(0, 300)}`,
        );
      console.log(`\nAWS calls (${report.awsCalls.length}):`);
      for (const call of report.awsCalls)
        console.log(
          `  ${call.service} ${call.operation}${call.error ? ` → ${call.error}` : ''} ${JSON.stringify(call.input).slice(0, 300)}`,
        );
    }
    return failure ? 1 : 0;
  } finally {
    await sandbox.close();
  }
}

async function dev(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '3000' } } });
  const sandbox = await createSandbox({ world: defaultWorld(), logLevel: 'INFO' });
  const tour = new Tour(sandbox);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers[key] = value;
      sandbox
        .gatewayRequest(
          new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
          Buffer.concat(chunks).toString('utf8'),
          headers,
        )
        .then(async (response) => {
          res.writeHead(response.statusCode, response.headers).end(response.body);
          await sandbox.settle();
          tour.showAck(
            response.body.startsWith('{')
              ? (JSON.parse(response.body) as Record<string, unknown>)
              : undefined,
          );
          tour.showSlack();
        })
        .catch((error: Error) => res.writeHead(500).end(error.message));
    });
  });
  const port = Number(values.port);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(`slackops dev: gateway on http://127.0.0.1:${port}/slack/{commands,interactivity,events}`);
  console.log(`  Slack stand-in Web API: ${sandbox.slack.apiUrl}`);
  console.log(`  try: pnpm slackops slack "/ecs-status cluster=staging service=web"`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  await sandbox.close();
  return 0;
}

async function slack(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      user: { type: 'string', default: 'U0OPERATOR' },
      port: { type: 'string', default: '3000' },
      channel: { type: 'string', default: 'C0OPS' },
    },
  });
  const line = positionals.join(' ');
  const match = /^\s*(\/[\w-]+)\s*([\s\S]*)$/.exec(line);
  if (!match) {
    console.error('usage: slackops slack "/ecs-status cluster=prod" [--user U0OPERATOR]');
    return 2;
  }
  const body = new URLSearchParams({
    command: match[1]!,
    text: match[2]!.trim(),
    response_url: 'http://127.0.0.1:9/response-url-of-dev-mode',
    trigger_id: 'trigger-cli',
    user_id: values.user,
    team_id: 'T0SANDBOX',
    channel_id: values.channel,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${values.port}/slack/commands`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackBody(SANDBOX_SIGNING_SECRET, timestamp, body),
      },
      body,
    });
  } catch {
    console.error(`no dev server on 127.0.0.1:${values.port}: start it with \`pnpm slackops dev\``);
    return 1;
  }
  console.log(`${response.status} ${await response.text()}`);
  return response.ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo':
      return demo();
    case 'dev':
      return dev(rest);
    case 'functions':
      return functions();
    case 'invoke':
      return invoke(rest);
    case 'slack':
      return slack(rest);
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`slackops: ${error.message}`);
    process.exit(1);
  },
);
