import { type CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsPort } from '../ports.js';
import { guard } from './aws-errors.js';

/** The latest lines of a service's log streams: one FilterLogEvents over the last hour, by stream prefix. */
export class LogsAdapter implements LogsPort {
  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async latest(
    group: string,
    streamPrefix: string | undefined,
    lines: number,
  ): Promise<Array<{ at: Date; message: string }>> {
    const out = await guard(`FilterLogEvents ${group}`, () =>
      this.logs.send(
        new FilterLogEventsCommand({
          logGroupName: group,
          ...(streamPrefix ? { logStreamNamePrefix: streamPrefix } : {}),
          startTime: this.now().getTime() - 60 * 60_000,
          limit: 10_000,
        }),
      ),
    );
    return (out.events ?? [])
      .map((e) => ({ at: new Date(e.timestamp ?? 0), message: (e.message ?? '').trimEnd() }))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .slice(-lines);
  }
}
