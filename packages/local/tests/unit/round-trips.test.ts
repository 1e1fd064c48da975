import { type AwsCall, roundTrips } from '../../src/aws/intercept.js';

const call = (startTick: number, endTick: number): AwsCall => ({
  service: 'ECS',
  operation: 'X',
  input: {},
  startTick,
  endTick,
});

describe('intercept', () => {
  describe('roundTrips()', () => {
    it('counts parallel calls once and sequential calls each', () => {
      // Prepare: two calls in parallel (1–4, 2–3), then one after both (5–6)
      const calls = [call(1, 4), call(2, 3), call(5, 6)];

      // Act
      const trips = roundTrips(calls);

      // Assess
      expect(trips).toBe(2);
    });

    it('counts every call when each starts after the previous ended', () => {
      // Act
      const trips = roundTrips([call(1, 2), call(3, 4), call(5, 6), call(7, 8)]);

      // Assess
      expect(trips).toBe(4);
    });

    it('is 0 when there were no calls', () => {
      // Assess
      expect(roundTrips([])).toBe(0);
    });
  });
});
