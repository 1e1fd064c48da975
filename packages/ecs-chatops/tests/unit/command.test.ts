import fc from 'fast-check';
import type { Clusters } from '../../src/config.js';
import { EcsUsageError, parseEcsCommand } from '../../src/domain/command.js';

const clusters: Clusters = {
  prod: {
    services: ['api', 'worker'],
    protected: true,
    operators: ['U1'],
    approvers: ['U2'],
    max_desired_count: 10,
  },
  staging: { services: ['web'], protected: false, operators: ['U1'], approvers: [], max_desired_count: 5 },
};

describe('command', () => {
  describe('parseEcsCommand()', () => {
    it.each([
      ['', { kind: 'overview' }],
      ['help', { kind: 'help' }],
      ['action=help', { kind: 'help' }],
      ['cluster=prod', { kind: 'cluster', cluster: 'prod' }],
      ['cluster=prod service=api', { kind: 'status', cluster: 'prod', service: 'api' }],
      ['cluster=prod service=api action=logs', { kind: 'logs', cluster: 'prod', service: 'api', lines: 50 }],
      [
        'cluster=prod service=api action=logs lines=200',
        { kind: 'logs', cluster: 'prod', service: 'api', lines: 200 },
      ],
      [
        'cluster=prod service=api action=restart',
        { kind: 'mutation', action: 'restart', cluster: 'prod', service: 'api' },
      ],
      [
        'cluster=staging service=web action=scale count=3',
        { kind: 'mutation', action: 'scale', cluster: 'staging', service: 'web', count: 3 },
      ],
      [
        'Cluster=prod Service=api ACTION=Rollback',
        { kind: 'mutation', action: 'rollback', cluster: 'prod', service: 'api' },
      ],
    ])('reads %p', (text, expected) => {
      // Act
      const request = parseEcsCommand(text, clusters);

      // Assess
      expect(request).toEqual(expected);
    });

    it.each([
      ['cluster=dev', /unknown cluster `dev`.*`prod`, `staging`/],
      ['cluster=prod service=db', /unknown service `db` in `prod`.*`api`, `worker`/],
      ['cluster=prod service=api action=deploy', /unknown action `deploy`/],
      ['cluster=staging service=web action=scale', /scale needs count=/],
      ['cluster=staging service=web action=scale count=6', /count=6 is more than 5/],
      ['cluster=staging service=web action=scale count=-1', /count=-1 is not a whole number/],
      ['cluster=prod action=restart', /name a service for restart/],
      ['cluster=prod service=api colour=red', /unknown option `colour`/],
      ['prod api', /`prod` is not an option/],
      ['cluster="prod', /unclosed " quote/],
      ['cluster=prod service=api action=restart count=2', /count= only goes with action=scale/],
    ])('names the problem when the text is %p', (text, message) => {
      // Act
      const act = () => parseEcsCommand(text, clusters);

      // Assess
      expect(act).toThrow(EcsUsageError);
      expect(act).toThrow(message);
    });

    it('refuses a region that is not the cluster region when the cluster has one', () => {
      // Prepare
      const regional: Clusters = { eu: { ...clusters.staging!, region: 'eu-west-1' } };

      // Act
      const act = () => parseEcsCommand('cluster=eu region=us-east-1', regional);

      // Assess
      expect(act).toThrow(/is in eu-west-1, not us-east-1/);
    });

    it('answers any text with a request or a usage error, never another exception', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => {
          try {
            const request = parseEcsCommand(text, clusters);
            expect(typeof request.kind).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(EcsUsageError);
            expect((error as Error).message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('only ever targets allow-listed clusters and services when it returns a request', () => {
      const word = fc.constantFrom(
        'prod',
        'staging',
        'dev',
        'api',
        'web',
        'db',
        'restart',
        'scale',
        'logs',
        '3',
        'x',
      );
      const option = fc
        .tuple(fc.constantFrom('cluster', 'service', 'action', 'count', 'lines'), word)
        .map(([k, v]) => `${k}=${v}`);
      fc.assert(
        fc.property(fc.array(option, { maxLength: 5 }), (options) => {
          try {
            const request = parseEcsCommand(options.join(' '), clusters);
            if ('cluster' in request) expect(Object.keys(clusters)).toContain(request.cluster);
            if ('service' in request) expect(clusters[request.cluster]!.services).toContain(request.service);
          } catch (error) {
            expect(error).toBeInstanceOf(EcsUsageError);
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
