import fc from 'fast-check';
import { ciEventSchema, MAX_BODY_BYTES, parseBody } from '../../src/domain/event.js';
import { decide, type ThreadState } from '../../src/domain/thread.js';

const valid = {
  version: '1',
  source: 'github-actions',
  repository: 'acme/shop',
  pipeline: 'deploy',
  branch: 'main',
  status: 'failed',
  run: { id: '42', attempt: 1, url: 'https://github.com/acme/shop/actions/runs/42' },
};

describe('event', () => {
  describe('parseBody()', () => {
    it('reads a version 1 event', () => {
      // Act
      const parsed = parseBody(JSON.stringify(valid), 'fp');

      // Assess
      expect(parsed).toMatchObject({
        kind: 'event',
        legacy: false,
        event: { repository: 'acme/shop', status: 'failed', severity: 'warning' },
      });
    });

    it.each([
      [{ status: 'error', message: 'Terraform Apply Failed' }, 'failed'],
      [{ status: 'ERROR', message: 'Deploy failed', repository: 'acme/api' }, 'failed'],
      [{ status: 'failure', message: 'x' }, 'failed'],
      [{ status: 'success', message: 'Terraform Apply OK' }, 'succeeded'],
    ])('maps the legacy minimal shape %p to a %s event', (body, status) => {
      // Act
      const parsed = parseBody(JSON.stringify(body), 'fingerprint-1');

      // Assess
      expect(parsed).toMatchObject({
        kind: 'event',
        legacy: true,
        event: { status, run: { id: 'fingerprint-1' } },
      });
    });

    it('keeps valid JSON of another shape as a generic alert', () => {
      // Act
      const parsed = parseBody(JSON.stringify({ pipeline: 'x', outcome: 'bad' }), 'fp');

      // Assess
      expect(parsed).toEqual({ kind: 'generic', json: { pipeline: 'x', outcome: 'bad' } });
    });

    it.each([
      ['not json {', 'body is not JSON'],
      ['x'.repeat(MAX_BODY_BYTES + 1), 'body is larger than 256 KiB'],
    ])('marks %p invalid with its reason', (body, reason) => {
      // Act
      const parsed = parseBody(body, 'fp');

      // Assess
      expect(parsed).toEqual({ kind: 'invalid', reason });
    });

    it('turns any body into an event, a generic alert or an invalid body, never an exception', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.json(),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          (body) => {
            const parsed = parseBody(body, 'fp');
            expect(['event', 'generic', 'invalid']).toContain(parsed.kind);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('reads back every event the schema accepts', () => {
      const arbitraryEvent = fc.record({
        repository: fc.string({ minLength: 1, maxLength: 50 }),
        pipeline: fc.string({ minLength: 1, maxLength: 50 }),
        branch: fc.string({ maxLength: 50 }),
        status: fc.constantFrom('failed', 'succeeded', 'cancelled'),
        run: fc.record({
          id: fc.string({ minLength: 1, maxLength: 20 }),
          attempt: fc.integer({ min: 1, max: 5 }),
        }),
      });
      fc.assert(
        fc.property(arbitraryEvent, (event) => {
          const parsed = parseBody(JSON.stringify(event), 'fp');
          expect(parsed.kind).toBe('event');
          expect(parsed.kind === 'event' && parsed.event).toMatchObject(ciEventSchema.parse(event));
        }),
      );
    });
  });
});

describe('thread', () => {
  const event = ciEventSchema.parse(valid);
  const open: ThreadState = {
    channel: 'C1',
    ts: '1.1',
    failures: 2,
    since: '2026-11-22T10:02:00Z',
    open: true,
    version: 3,
  };

  describe('decide()', () => {
    it.each([
      ['failed', undefined, { action: 'open' }],
      ['failed', open, { action: 'repeat', failures: 3 }],
      ['succeeded', open, { action: 'recover', failures: 2 }],
      ['succeeded', undefined, { action: 'nothing', why: 'success with no open failure' }],
      ['succeeded', { ...open, open: false }, { action: 'nothing', why: 'success with no open failure' }],
      ['cancelled', undefined, { action: 'nothing', why: 'cancelled with no open failure' }],
      ['failed', { ...open, open: false }, { action: 'open' }],
    ] as const)('a %s event with thread %p → %p', (status, thread, expected) => {
      // Act
      const decision = decide({ ...event, status }, thread, false);

      // Assess
      expect(decision).toEqual(expected);
    });

    it('posts a success when the team asked for successes too', () => {
      // Act
      const decision = decide({ ...event, status: 'succeeded' }, undefined, true);

      // Assess
      expect(decision).toEqual({ action: 'success' });
    });
  });
});
