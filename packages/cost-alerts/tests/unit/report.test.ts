import fc from 'fast-check';
import { collectReport } from '../../src/domain/daily-report.js';
import { type CostPage, mergeDailyPages, planReport } from '../../src/domain/report.js';
import { renderReport } from '../../src/domain/render.js';
import type { CostReader } from '../../src/ports.js';

describe('planReport()', () => {
  it('asks for the month to date and 7 days of totals when the report runs mid-month', () => {
    // Act
    const plan = planReport(new Date('2026-11-22T07:00:00Z'));

    // Assess
    expect(plan).toEqual({
      reportDay: '2026-11-21',
      monthStart: '2026-11-01',
      totals: { start: '2026-11-01', end: '2026-11-22' },
      services: { start: '2026-11-20', end: '2026-11-22' },
      forecast: { start: '2026-11-22', end: '2026-12-01' },
    });
  });

  it('reports on the last month and asks for no forecast when it runs on the 1st', () => {
    // Act
    const plan = planReport(new Date('2027-01-01T07:00:00Z'));

    // Assess
    expect(plan.reportDay).toBe('2026-12-31');
    expect(plan.monthStart).toBe('2026-12-01');
    expect(plan.forecast).toBeUndefined();
  });

  it('reaches back 7 days across the month boundary for the trend when the month just started', () => {
    // Act
    const plan = planReport(new Date('2026-03-03T07:00:00Z'));

    // Assess
    expect(plan.totals).toEqual({ start: '2026-02-24', end: '2026-03-03' });
  });
});

describe('mergeDailyPages()', () => {
  it('merges a day split across pages and fills days Cost Explorer left out with zero', () => {
    // Prepare
    const pages: CostPage[] = [
      {
        resultsByTime: [
          { start: '2026-11-20', estimated: false, groups: [{ service: 'EC2', amount: 3, unit: 'USD' }] },
        ],
      },
      {
        resultsByTime: [
          { start: '2026-11-20', estimated: false, groups: [{ service: 'S3', amount: 1.5, unit: 'USD' }] },
        ],
      },
    ];

    // Act
    const { days, unit } = mergeDailyPages({ start: '2026-11-19', end: '2026-11-21' }, pages);

    // Assess
    expect(unit).toBe('USD');
    expect(days.map((d) => [d.day, d.total, d.missing])).toEqual([
      ['2026-11-19', 0, true],
      ['2026-11-20', 4.5, false],
    ]);
  });
});

/** A Cost Explorer that answers from fixed figures and pages its by-service answers. */
function fakeCosts(options: { servicePages: number; forecast?: number }) {
  const calls: string[] = [];
  const reader: CostReader = {
    dailyTotals: async (period) => {
      calls.push('totals');
      const resultsByTime: CostPage['resultsByTime'] = [];
      for (
        let d = new Date(`${period.start}T00:00:00Z`);
        d.toISOString().slice(0, 10) < period.end;
        d.setUTCDate(d.getUTCDate() + 1)
      )
        resultsByTime.push({
          start: d.toISOString().slice(0, 10),
          estimated: false,
          groups: [],
          total: { amount: 10, unit: 'USD' },
        });
      return { page: { resultsByTime } };
    },
    dailyCostsByService: async (_period, token) => {
      calls.push(`services:${token ?? 'first'}`);
      const index = token ? Number(token) : 0;
      const page: CostPage = {
        resultsByTime: [
          {
            start: '2026-11-21',
            estimated: true,
            groups: [{ service: `svc-${index}`, amount: 10 - index, unit: 'USD' }],
          },
        ],
      };
      return index + 1 < options.servicePages ? { page, nextPageToken: String(index + 1) } : { page };
    },
    forecast: async () => {
      calls.push('forecast');
      return options.forecast === undefined ? undefined : { amount: options.forecast, unit: 'USD' };
    },
  };
  return { reader, calls };
}

describe('collectReport()', () => {
  const settings = { dailyBudget: 25, monthlyBudget: 600, currency: 'USD' };

  it('makes 3 requests and reads yesterday, month to date and forecast when nothing pages', async () => {
    // Prepare
    const { reader, calls } = fakeCosts({ servicePages: 1, forecast: 90 });

    // Act
    const report = await collectReport(new Date('2026-11-22T07:00:00Z'), reader, settings);

    // Assess
    expect(calls).toEqual(['totals', 'services:first', 'forecast']);
    expect(report.yesterday.spent.amount).toBe(10);
    expect(report.monthToDate.spent.amount).toBe(210);
    expect(report.monthForecast?.spent.amount).toBe(300);
    expect(report.partial).toBe(false);
    expect(report.exceeded).toEqual([]);
  });

  it('stops at 3 requests and says the breakdown is partial when the by-service answer pages', async () => {
    // Prepare
    const { reader, calls } = fakeCosts({ servicePages: 4, forecast: 90 });

    // Act
    const report = await collectReport(new Date('2026-11-22T07:00:00Z'), reader, settings);

    // Assess
    expect(calls).toEqual(['totals', 'services:first', 'forecast']);
    expect(report.partial).toBe(true);
    expect(report.monthToDate.spent.amount).toBe(210);
    expect(renderReport(report).blocks?.at(-1)).toMatchObject({
      elements: [{ text: expect.stringContaining('partial data') }],
    });
  });

  it('spends the forecast’s request on a second page when there is nothing to forecast', async () => {
    // Prepare
    const { reader, calls } = fakeCosts({ servicePages: 2 });

    // Act
    const report = await collectReport(new Date('2026-12-01T07:00:00Z'), reader, settings);

    // Assess
    expect(calls).toEqual(['totals', 'services:first', 'services:1']);
    expect(report.partial).toBe(false);
    expect(report.monthForecast?.spent.amount).toBe(report.monthToDate.spent.amount);
  });

  it('never makes more than 3 requests whatever the date and the paging', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10 }),
        async (now, servicePages) => {
          // Prepare
          const { reader, calls } = fakeCosts({ servicePages, forecast: 1 });

          // Act
          const report = await collectReport(now, reader, settings);

          // Assess
          expect(calls.length).toBeLessThanOrEqual(3);
          expect(report.costExplorerRequests).toBe(calls.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('marks the month budget exceeded when the month to date is over it', async () => {
    // Prepare
    const { reader } = fakeCosts({ servicePages: 1, forecast: 0 });

    // Act
    const report = await collectReport(new Date('2026-11-22T07:00:00Z'), reader, {
      ...settings,
      monthlyBudget: 200,
    });

    // Assess
    expect(report.exceeded).toEqual(['monthly']);
  });
});
