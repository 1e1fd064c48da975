// make validate: sends a test notification through every deployed path and prints, per channel,
// whether it arrived.
//
//   tsx scripts/validate.ts --local     against the sandbox (no AWS account, no Slack workspace)
//   tsx scripts/validate.ts             against the deployed stack:
//     1. publishes a test notification (Chatbot custom schema) to the critical and heartbeat topics;
//     2. invokes the daily report with {"dryRun": true} (heartbeat only, marked as a test);
//     3. reads each channel with conversations.history (bot token; needs channels:history or
//        groups:history) until the messages show up or 60 s pass.
//   Topic ARNs and the function name come from `terraform output -json` (../../terraform) unless
//   given as --critical-topic-arn, --heartbeat-topic-arn, --function; channels from
//   --critical-channel / --heartbeat-channel; the bot token from SLACK_BOT_TOKEN or the SSM parameter
//   named by SLACK_BOT_TOKEN_PARAM.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Row {
  channel: string;
  check: string;
  result: 'arrived' | 'MISSING' | 'not checked';
  note?: string;
}

function printRows(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.check.length));
  for (const row of rows) {
    console.log(
      `  ${row.channel.padEnd(10)} ${row.check.padEnd(width)}  ${row.result}${row.note ? `  (${row.note})` : ''}`,
    );
  }
}

async function validateLocal(): Promise<Row[]> {
  const local = await import('@slackops/local');
  // The wiring is loaded by URL: the lead lists @slackops/cost-alerts in packages/local's dependencies
  // at integration; until then its handler imports are replaced by this package's own.
  const wiring = (await import(new URL('../../local/src/features/cost-alerts.ts', import.meta.url).href)) as {
    costAlertsFeature: import('@slackops/local').FeatureWiring;
    validateCostAlerts(
      sandbox: unknown,
    ): Promise<Array<{ channel: string; check: string; arrived: boolean }>>;
  };
  const [notifier, dailyReport] = wiring.costAlertsFeature.functions;
  const feature = {
    ...wiring.costAlertsFeature,
    functions: [
      { ...notifier!, load: () => import('../src/handlers/notifier.js').then((m) => m.handler as never) },
      {
        ...dailyReport!,
        load: () => import('../src/handlers/daily-report.js').then((m) => m.handler as never),
      },
    ],
  };
  const world = JSON.parse(
    readFileSync(new URL('../../local/worlds/cost-alerts.json', import.meta.url), 'utf8'),
  );
  const sandbox = await local.createSandbox({ world, features: [feature] });
  try {
    const results = await wiring.validateCostAlerts(sandbox);
    return results.map((r) => ({
      channel: `#${r.channel}`,
      check: r.check,
      result: r.arrived ? 'arrived' : 'MISSING',
    }));
  } finally {
    await sandbox.close();
  }
}

function terraformOutputs(): Record<string, string | null> {
  try {
    const text = execFileSync('terraform', ['-chdir=../../terraform', 'output', '-json'], {
      encoding: 'utf8',
    });
    const outputs = JSON.parse(text) as Record<string, { value: unknown }>;
    return Object.fromEntries(
      Object.entries(outputs).map(([k, v]) => [k, typeof v.value === 'string' ? v.value : null]),
    );
  } catch {
    return {};
  }
}

async function validateDeployed(options: Record<string, string | undefined>): Promise<Row[]> {
  const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns');
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  const outputs = terraformOutputs();
  const topics = {
    critical: options['critical-topic-arn'] ?? outputs.critical_topic_arn ?? undefined,
    heartbeat: options['heartbeat-topic-arn'] ?? outputs.heartbeat_topic_arn ?? undefined,
  };
  const functionName = options.function ?? outputs.cost_alerts_daily_report_function_name ?? undefined;
  if (!topics.critical || !topics.heartbeat || !functionName) {
    throw new Error(
      'cannot find the topic ARNs and the daily report function: deploy with enable_cost_alerts = true, or pass --critical-topic-arn, --heartbeat-topic-arn and --function',
    );
  }
  const stamp = `validation-${Date.now()}`;
  const sns = new SNSClient({});
  for (const channel of ['critical', 'heartbeat'] as const) {
    await sns.send(
      new PublishCommand({
        TopicArn: topics[channel],
        Message: JSON.stringify({
          version: '1.0',
          source: 'custom',
          content: {
            textType: 'client-markdown',
            title: `slackops validation (${channel})`,
            description: `Test notification ${stamp} through the ${channel} topic. No action needed.`,
          },
          metadata: { eventType: 'Validation', threadId: stamp },
        }),
      }),
    );
    console.log(`published a test notification to ${topics[channel]}`);
  }
  const invoke = await new LambdaClient({}).send(
    new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode('{"dryRun": true}') }),
  );
  const payload = invoke.Payload ? new TextDecoder().decode(invoke.Payload) : '';
  const reportOk = !invoke.FunctionError;
  console.log(`daily report dry run: ${reportOk ? 'ran' : `failed: ${payload}`}`);

  const channels = { critical: options['critical-channel'], heartbeat: options['heartbeat-channel'] };
  let token = process.env.SLACK_BOT_TOKEN;
  if (!token && process.env.SLACK_BOT_TOKEN_PARAM) {
    const { getSecret } = await import('@slackops/kit');
    token = await getSecret('SLACK_BOT_TOKEN');
  }
  const rows: Row[] = [];
  const checks = [
    {
      channel: 'critical' as const,
      check: 'test notification via the critical topic',
      match: (t: string) => t.includes(stamp),
    },
    {
      channel: 'heartbeat' as const,
      check: 'test notification via the heartbeat topic',
      match: (t: string) => t.includes(stamp),
    },
    {
      channel: 'heartbeat' as const,
      check: 'daily report dry run',
      match: (t: string) => t.startsWith('[validation dry run]'),
    },
  ];
  if (!token || !channels.critical || !channels.heartbeat) {
    // Honest about what was not checked: in chatbot mode there may be no bot token at all.
    return checks.map((c) => ({
      channel: `#${c.channel}`,
      check: c.check,
      result: 'not checked',
      note: 'no bot token or channel ids: look in the channel (chatbot mode posts there through AWS Chatbot)',
    }));
  }
  const { createSlackClient } = await import('@slackops/kit');
  const slack = createSlackClient(token);
  const since = String(Math.floor(Date.now() / 1000) - 300);
  const deadline = Date.now() + 60_000;
  const pending = new Set(checks);
  while (pending.size > 0 && Date.now() < deadline) {
    for (const check of [...pending]) {
      const history = await slack.conversations.history({
        channel: channels[check.channel]!,
        oldest: since,
        limit: 50,
      });
      if ((history.messages ?? []).some((m) => check.match(m.text ?? ''))) {
        rows.push({ channel: `#${check.channel}`, check: check.check, result: 'arrived' });
        pending.delete(check);
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 5000));
  }
  for (const check of pending)
    rows.push({
      channel: `#${check.channel}`,
      check: check.check,
      result: 'MISSING',
      note: 'not seen within 60 s',
    });
  return rows;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      local: { type: 'boolean', default: false },
      'critical-topic-arn': { type: 'string' },
      'heartbeat-topic-arn': { type: 'string' },
      function: { type: 'string' },
      'critical-channel': { type: 'string' },
      'heartbeat-channel': { type: 'string' },
    },
  });
  const { local, ...rest } = values;
  console.log(
    local
      ? 'cost-alerts validation against the sandbox'
      : 'cost-alerts validation against the deployed stack',
  );
  const rows = local
    ? await validateLocal()
    : await validateDeployed(rest as Record<string, string | undefined>);
  printRows(rows);
  const missing = rows.filter((r) => r.result === 'MISSING').length;
  const unchecked = rows.filter((r) => r.result === 'not checked').length;
  console.log(
    missing === 0 && unchecked === 0
      ? 'every path delivered'
      : `${missing} path(s) missing, ${unchecked} not checked`,
  );
  return missing === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`validate: ${(error as Error).message}`);
    process.exit(2);
  },
);
