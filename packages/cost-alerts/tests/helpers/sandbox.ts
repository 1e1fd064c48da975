// The cost-alerts wiring of packages/local, with the handlers imported from this package's sources:
// until the lead lists @slackops/cost-alerts in packages/local's dependencies, the wiring's own
// `import('@slackops/cost-alerts/…')` does not resolve from there. The wiring module is loaded through
// a computed path so tsc does not follow that import either.
import type { FeatureWiring, Handler, SandboxInfo } from '@slackops/local';

export interface CostAlertsWiringModule {
  costAlertsFeature: FeatureWiring;
  COST_ALERTS: {
    criticalChannel: string;
    heartbeatChannel: string;
    criticalTopic: string;
    heartbeatTopic: string;
    scheduleRule: string;
    notifier: string;
    dailyReport: string;
  };
  costAlertsEnv(info: SandboxInfo, mode?: 'slack' | 'chatbot'): Record<string, string>;
  dailyReportEnv(info: SandboxInfo, mode?: 'slack' | 'chatbot'): Record<string, string>;
  budgetsMessage(options: {
    budgetName: string;
    accountId: string;
    budgeted: string;
    threshold: string;
    amount: string;
    alertType?: 'ACTUAL' | 'FORECASTED';
    period?: 'day' | 'month';
  }): { subject: string; message: string };
  anomalyMessage(accountId: string): string;
  validateCostAlerts(sandbox: unknown): Promise<Array<{ channel: string; check: string; arrived: boolean }>>;
}

export interface SnsTopicsModule {
  snsTopicsOf(context: unknown): {
    publish(input: { topicArn: string; message: string; subject?: string }): { deliveredTo: string[] };
    messages(
      topicArn: string,
    ): Array<{ message: string; attributes: Record<string, { StringValue?: string }> }>;
  };
}

// A computed path keeps tsc out of the wiring's package imports (see above).
const LOCAL_SRC = '../../../local/src';
export const wiringModule = (): CostAlertsWiringModule =>
  require(`${LOCAL_SRC}/features/cost-alerts`) as CostAlertsWiringModule;
export const snsModule = (): SnsTopicsModule => require(`${LOCAL_SRC}/sources/sns`) as SnsTopicsModule;

/** The feature as the sandbox runs it, in slack or chatbot delivery mode. */
export function costAlertsFeature(mode: 'slack' | 'chatbot' = 'slack'): FeatureWiring {
  const wiring = wiringModule();
  const [notifier, dailyReport] = wiring.costAlertsFeature.functions;
  return {
    ...wiring.costAlertsFeature,
    functions: [
      {
        ...notifier!,
        load: () => import('../../src/handlers/notifier.js').then((m) => m.handler as Handler),
        env: (info) => wiring.costAlertsEnv(info, mode),
      },
      {
        ...dailyReport!,
        load: () => import('../../src/handlers/daily-report.js').then((m) => m.handler as Handler),
        env: (info) => wiring.dailyReportEnv(info, mode),
      },
    ],
  };
}
