import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { createSandbox, type FeatureWiring, type Sandbox } from '../../src/index.js';

let attempts = 0;
const probe: FeatureWiring = {
  name: 'probe',
  functions: [
    {
      name: 'probe-flaky',
      env: () => ({ PROBE_SETTING: 'from-wiring' }),
      load: async () => {
        const settingAtColdStart = process.env.PROBE_SETTING;
        return async (event) => {
          attempts += 1;
          if ((event as { failTimes: number }).failTimes >= attempts)
            throw new Error(`attempt ${attempts} failed`);
          return { settingAtColdStart, attempts };
        };
      },
    },
    {
      name: 'probe-aws',
      env: () => ({}),
      load: async () => async () => new ECSClient({}).send(new ListClustersCommand({})),
    },
  ],
  eventRules: [{ name: 'probe-rule', matches: (e) => e.source === 'probe', target: 'probe-flaky' }],
  simulators: [
    () => ({
      serviceId: 'ECS',
      operations: {
        ListClusters: () => ({ clusterArns: ['arn:aws:ecs:eu-west-1:123456789012:cluster/prod'] }),
      },
    }),
  ],
};

describe('Sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ world: {}, features: [probe] });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    attempts = 0;
  });

  describe('lambda.invoke()', () => {
    it('gives a function the environment of its wiring at cold start', async () => {
      // Act
      const result = (await sandbox.lambda.invoke('probe-flaky', { failTimes: 0 })) as {
        settingAtColdStart: string;
      };

      // Assess
      expect(result.settingAtColdStart).toBe('from-wiring');
      expect(process.env.PROBE_SETTING).toBeUndefined();
    });
  });

  describe('lambda.invokeAsync()', () => {
    it('retries twice like Lambda when an asynchronous invocation fails', async () => {
      // Act
      sandbox.lambda.invokeAsync('probe-flaky', { failTimes: 2 });
      await sandbox.settle();

      // Assess
      const runs = sandbox.lambda.invocations.filter((i) => i.mode === 'async');
      expect(runs.map((r) => Boolean(r.error))).toEqual([true, true, false]);
    });
  });

  describe('events.put()', () => {
    it('delivers an event to the target of the matching rule', async () => {
      // Act
      sandbox.events.put({ source: 'probe', 'detail-type': 'Test', detail: { failTimes: 0 } });
      await sandbox.settle();

      // Assess
      expect(sandbox.events.delivered.map((d) => d.rule)).toContain('probe-rule');
      expect(attempts).toBe(1);
    });
  });

  describe('AWS SDK boundary', () => {
    it('answers an SDK command from the simulator and records it with the calling function', async () => {
      // Act
      const output = (await sandbox.lambda.invoke('probe-aws', {})) as { clusterArns: string[] };

      // Assess
      expect(output.clusterArns).toHaveLength(1);
      expect(sandbox.awsCalls('probe-aws')).toMatchObject([{ service: 'ECS', operation: 'ListClusters' }]);
    });

    it('names the missing operation when no simulator answers it', async () => {
      // Act
      const error = await new ECSClient({}).send(new ListClustersCommand({ maxResults: 1 })).then(
        () => undefined,
        (e: Error) => e,
      );
      const unknown = await import('@aws-sdk/client-ecs').then(({ DescribeClustersCommand }) =>
        new ECSClient({}).send(new DescribeClustersCommand({})).catch((e: Error) => e),
      );

      // Assess
      expect(error).toBeUndefined();
      expect((unknown as Error).name).toBe('SandboxUnsupportedOperation');
      expect((unknown as Error).message).toContain('ECS DescribeClusters');
    });
  });
});
