# cost-alerts: daily and monthly budgets (plus optional extra ones) routed to the quiet *critical* and
# noisy *heartbeat* channels, the notifier and daily report functions, Cost Anomaly Detection, the cost
# dashboard, and optional AWS Chatbot channels. The topics are outputs so other stacks can publish too.

variable "enable_cost_alerts" {
  description = "Whether to deploy cost-alerts (budgets, the two notification topics, notifier, daily report, dashboard)."
  type        = bool
  default     = false
}

variable "cost_alerts" {
  description = "cost-alerts settings: delivery_mode (\"slack\" or \"chatbot\"), currency, daily_budget and monthly_budget (in currency), warning/critical_threshold_percent, up to 10 daily/monthly_budget_emails, extra_budgets (per service or tag), report_schedule, anomaly_threshold (USD), topics_kms_key_arn, and chatbot_slack_team_id for AWS Chatbot channels (authorize the workspace once in the Chatbot console)."
  type = object({
    delivery_mode              = optional(string, "slack")
    currency                   = optional(string, "USD")
    daily_budget               = optional(number, 10)
    monthly_budget             = optional(number, 300)
    warning_threshold_percent  = optional(number, 80)
    critical_threshold_percent = optional(number, 100)
    daily_budget_emails        = optional(list(string), [])
    monthly_budget_emails      = optional(list(string), [])
    extra_budgets = optional(map(object({
      amount    = number
      time_unit = optional(string, "MONTHLY")
      services  = optional(list(string), [])
      tags      = optional(map(list(string)), {})
      emails    = optional(list(string), [])
    })), {})
    report_schedule       = optional(string, "cron(0 7 * * ? *)")
    anomaly_threshold     = optional(number, 50)
    topics_kms_key_arn    = optional(string)
    chatbot_slack_team_id = optional(string)
    chatbot_logging_level = optional(string, "ERROR")
  })
  default = {}

  validation {
    condition     = contains(["slack", "chatbot"], var.cost_alerts.delivery_mode)
    error_message = "cost_alerts.delivery_mode must be \"slack\" or \"chatbot\"."
  }

  validation {
    condition     = length(var.cost_alerts.daily_budget_emails) <= 10 && length(var.cost_alerts.monthly_budget_emails) <= 10
    error_message = "cost_alerts: AWS Budgets allows at most 10 email subscribers per notification (daily_budget_emails, monthly_budget_emails)."
  }

  validation {
    condition     = var.cost_alerts.delivery_mode == "slack" || var.cost_alerts.topics_kms_key_arn == null
    error_message = "cost_alerts: chatbot delivery publishes to the topics, which then must not be KMS-encrypted (topics_kms_key_arn = null)."
  }
}

locals {
  cost_alerts_chatbot = var.cost_alerts.chatbot_slack_team_id == null ? null : {
    slack_team_id        = var.cost_alerts.chatbot_slack_team_id
    critical_channel_id  = var.slack_critical_channel
    heartbeat_channel_id = var.slack_heartbeat_channel
    logging_level        = var.cost_alerts.chatbot_logging_level
  }
}

module "notifications" {
  source = "./modules/notifications"
  count  = var.enable_cost_alerts ? 1 : 0

  name_prefix     = var.name_prefix
  kms_key_arn     = var.cost_alerts.topics_kms_key_arn
  critical_emails = var.notification_emails
  chatbot         = local.cost_alerts_chatbot
  tags            = local.tags
}

module "cost_alerts" {
  source = "./modules/cost-alerts"
  count  = var.enable_cost_alerts ? 1 : 0

  name_prefix           = var.name_prefix
  delivery_mode         = var.cost_alerts.delivery_mode
  notifier_filename     = "${local.packages_dir}/cost-alerts/dist/cost-alerts-notifier.zip"
  daily_report_filename = "${local.packages_dir}/cost-alerts/dist/cost-alerts-daily-report.zip"

  critical_topic_arn  = module.notifications[0].critical_topic_arn
  heartbeat_topic_arn = module.notifications[0].heartbeat_topic_arn

  critical_channel               = var.slack_critical_channel
  heartbeat_channel              = var.slack_heartbeat_channel
  slack_bot_token_parameter_name = var.slack_bot_token_parameter
  slack_bot_token_parameter_arn  = local.slack_bot_token_parameter_arn
  ssm_kms_key_arn                = var.ssm_kms_key_arn

  currency                   = var.cost_alerts.currency
  daily_budget               = var.cost_alerts.daily_budget
  monthly_budget             = var.cost_alerts.monthly_budget
  warning_threshold_percent  = var.cost_alerts.warning_threshold_percent
  critical_threshold_percent = var.cost_alerts.critical_threshold_percent
  daily_budget_emails        = var.cost_alerts.daily_budget_emails
  monthly_budget_emails      = var.cost_alerts.monthly_budget_emails
  extra_budgets              = var.cost_alerts.extra_budgets
  report_schedule_expression = var.cost_alerts.report_schedule
  anomaly_threshold_amount   = var.cost_alerts.anomaly_threshold

  monitored_function_names = concat(
    [module.slack_gateway.function_name],
    [for m in module.ecs_chatops : m.worker_function_name],
  )

  log_retention_days = var.log_retention_days
  tracing_mode       = var.tracing_mode
  alarm_actions      = local.alarm_actions
  tags               = local.tags
}

output "critical_topic_arn" {
  description = "SNS topic of the critical Slack channel: other stacks publish alerts that need action here (null when enable_cost_alerts is false)."
  value       = try(module.notifications[0].critical_topic_arn, null)
}

output "heartbeat_topic_arn" {
  description = "SNS topic of the heartbeat Slack channel: other stacks publish notices here (null when enable_cost_alerts is false)."
  value       = try(module.notifications[0].heartbeat_topic_arn, null)
}

output "cost_alerts_daily_report_function_name" {
  description = "Name of the daily report function (make validate dry-runs it)."
  value       = try(module.cost_alerts[0].daily_report_function_name, null)
}

output "cost_dashboard_name" {
  description = "Name of the CloudWatch cost dashboard."
  value       = try(module.cost_alerts[0].dashboard_name, null)
}
