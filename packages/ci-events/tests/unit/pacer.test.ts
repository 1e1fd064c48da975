import { ChannelPacer } from '../../src/adapters/slack.js';

describe('ChannelPacer', () => {
  describe('wait()', () => {
    it('spaces posts to one channel by the interval and lets other channels go at once', async () => {
      // Prepare
      const pacer = new ChannelPacer(40);
      const started = Date.now();

      // Act
      await pacer.wait('C1');
      await pacer.wait('C2');
      const otherChannelAt = Date.now() - started;
      await pacer.wait('C1');
      await pacer.wait('C1');
      const thirdPostAt = Date.now() - started;

      // Assess
      expect(otherChannelAt).toBeLessThan(40);
      expect(thirdPostAt).toBeGreaterThanOrEqual(78);
    });
  });
});
