// Least privilege, checked both ways: for every function, the IAM actions Terraform allows equal the
// AWS operations its code really calls, recorded while the sandbox plays the whole demo.
import {
  type AwsCall,
  createSandbox,
  defaultWorld,
  featureWirings,
  frontDoorChapter,
  Tour,
} from '@slackops/local';
import { iamActionFor, iamActionsByFunction } from '../src/iam.js';
import { TERRAFORM_ROOT } from '../src/hcl.js';

/**
 * Allowed actions the demo does not exercise, each with the reason it is still needed. Keep this
 * short: every entry is a permission no test proves is used.
 */
const BOT_TOKEN_CACHED =
  'the bot token is read through Powertools Parameters, whose cache is process-wide: in the one-process sandbox the first function to read it (recorded) serves the others';
const EVENT_SOURCE_MAPPING =
  "called by Lambda's SQS event source mapping with the function's role, not by its code";
const NOT_EXERCISED_BY_THE_DEMO: Record<string, Record<string, string>> = {
  'ci-events-processor': {
    'ssm:GetParameter': BOT_TOKEN_CACHED,
    'sqs:ReceiveMessage': EVENT_SOURCE_MAPPING,
    'sqs:DeleteMessage': EVENT_SOURCE_MAPPING,
    'sqs:GetQueueAttributes': EVENT_SOURCE_MAPPING,
  },
  'ecs-chatops-deployment-events': { 'ssm:GetParameter': BOT_TOKEN_CACHED },
  'cost-alerts-notifier': {
    'ssm:GetParameter': BOT_TOKEN_CACHED,
    'sns:Publish': 'delivery_mode = "chatbot" only; the demo runs the Slack mode',
  },
  'cost-alerts-daily-report': {
    'ssm:GetParameter': BOT_TOKEN_CACHED,
    'sns:Publish': 'delivery_mode = "chatbot" only; the demo runs the Slack mode',
  },
};

let recorded: Map<string, Set<string>>;
let allowed: Record<string, Set<string>>;

beforeAll(async () => {
  const sandbox = await createSandbox({ world: defaultWorld() });
  const tour = new Tour(sandbox, { write: () => undefined });
  try {
    await frontDoorChapter(tour);
    for (const feature of featureWirings()) await feature.demo?.(tour);
    if (tour.failures.length > 0) throw new Error(`the demo failed: ${tour.failures.join('; ')}`);
    await sandbox.settle();
  } finally {
    await sandbox.close();
  }
  recorded = new Map();
  for (const call of sandbox.awsCalls() as AwsCall[]) {
    if (!call.function) continue;
    const actions = recorded.get(call.function) ?? new Set<string>();
    actions.add(iamActionFor(call.service, call.operation));
    recorded.set(call.function, actions);
  }
  allowed = await iamActionsByFunction(TERRAFORM_ROOT);
}, 120_000);

describe('IAM policies', () => {
  describe('iamActionsByFunction()', () => {
    it('allows every AWS operation a function calls when the sandbox plays the demo', () => {
      // Assess
      const missing: string[] = [];
      for (const [fn, actions] of recorded) {
        for (const action of actions) if (!allowed[fn]?.has(action)) missing.push(`${fn}: ${action}`);
      }
      expect(missing).toEqual([]);
    });

    it('allows nothing a function never calls when the demo has run every function', () => {
      // Assess
      const unused: string[] = [];
      for (const [fn, actions] of Object.entries(allowed)) {
        for (const action of actions) {
          if (recorded.get(fn)?.has(action)) continue;
          if (NOT_EXERCISED_BY_THE_DEMO[fn]?.[action]) continue;
          unused.push(`${fn}: ${action}`);
        }
      }
      expect(unused).toEqual([]);
    });

    it('records calls for every function Terraform deploys when the demo runs', () => {
      // Assess
      // A function whose every permission is listed above makes no call the demo can record.
      const silent = Object.keys(allowed).filter(
        (fn) =>
          !recorded.has(fn) && [...allowed[fn]!].some((action) => !NOT_EXERCISED_BY_THE_DEMO[fn]?.[action]),
      );
      expect(silent).toEqual([]);
    });
  });
});
