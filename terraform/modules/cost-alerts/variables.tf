variable "name_prefix" {
  description = "Prefix of every name (functions are <prefix>-cost-alerts-notifier and <prefix>-cost-alerts-daily-report)."
  type        = string
}

variable "delivery_mode" {
  description = "How the functions reach Slack: \"slack\" (Block Kit through the suite's Slack app) or \"chatbot\" (the Chatbot custom notification schema published to the channel's SNS topic)."
  type        = string
  default     = "slack"

  validation {
    condition     = contains(["slack", "chatbot"], var.delivery_mode)
    error_message = "delivery_mode must be \"slack\" or \"chatbot\"."
  }
}

variable "notifier_filename" {
  description = "Zip of the notifier built by `make build` (packages/cost-alerts/dist/cost-alerts-notifier.zip)."
  type        = string
}

variable "daily_report_filename" {
  description = "Zip of the daily report built by `make build` (packages/cost-alerts/dist/cost-alerts-daily-report.zip)."
  type        = string
}

variable "critical_topic_arn" {
  description = "ARN of the critical SNS topic (modules/notifications)."
  type        = string
}

variable "heartbeat_topic_arn" {
  description = "ARN of the heartbeat SNS topic (modules/notifications)."
  type        = string
}

variable "critical_channel" {
  description = "Slack channel id of the critical channel (slack mode)."
  type        = string
  default     = null
}

variable "heartbeat_channel" {
  description = "Slack channel id of the heartbeat channel (slack mode)."
  type        = string
  default     = null
}

variable "slack_bot_token_parameter_name" {
  description = "Name of the SSM SecureString with the Slack bot token (slack mode)."
  type        = string
  default     = null
}

variable "slack_bot_token_parameter_arn" {
  description = "ARN of that parameter (slack mode)."
  type        = string
  default     = null
}

variable "ssm_kms_key_arn" {
  description = "Customer-managed KMS key of the SSM parameter; null for the AWS-managed key."
  type        = string
  default     = null
}

variable "currency" {
  description = "ISO 4217 code of the budget amounts (the account's Cost Explorer currency, USD unless changed)."
  type        = string
  default     = "USD"

  validation {
    condition     = can(regex("^[A-Z]{3}$", var.currency))
    error_message = "currency must be an ISO 4217 code such as USD."
  }
}

variable "daily_budget" {
  description = "Daily cost budget, in currency. Budgets only knows ACTUAL for daily budgets: no FORECASTED alert is created."
  type        = number

  validation {
    condition     = var.daily_budget > 0
    error_message = "daily_budget must be a positive amount."
  }
}

variable "monthly_budget" {
  description = "Monthly cost budget, in currency (ACTUAL and FORECASTED alerts)."
  type        = number

  validation {
    condition     = var.monthly_budget > 0
    error_message = "monthly_budget must be a positive amount."
  }
}

variable "warning_threshold_percent" {
  description = "Percentage of a budget that sends a warning to the heartbeat channel."
  type        = number
  default     = 80

  validation {
    condition     = var.warning_threshold_percent > 0 && var.warning_threshold_percent < 1000
    error_message = "warning_threshold_percent must be between 0 and 1000."
  }
}

variable "critical_threshold_percent" {
  description = "Percentage of a budget that sends an alert to the critical channel (above warning_threshold_percent)."
  type        = number
  default     = 100

  validation {
    condition     = var.critical_threshold_percent > 0 && var.critical_threshold_percent < 1000
    error_message = "critical_threshold_percent must be between 0 and 1000."
  }
}

variable "daily_budget_emails" {
  description = "Email subscribers of the daily budget's alerts (AWS Budgets allows at most 10 per notification)."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.daily_budget_emails) <= 10
    error_message = "daily_budget_emails: AWS Budgets allows at most 10 email subscribers per notification."
  }
}

variable "monthly_budget_emails" {
  description = "Email subscribers of the monthly budget's alerts (at most 10)."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.monthly_budget_emails) <= 10
    error_message = "monthly_budget_emails: AWS Budgets allows at most 10 email subscribers per notification."
  }
}

variable "extra_budgets" {
  description = "More budgets by name: amount, time_unit (\"DAILY\", \"MONTHLY\", \"QUARTERLY\" or \"ANNUALLY\"), optional services (Cost Explorer service names) or tags (key => values) to filter on, and up to 10 emails. FORECASTED alerts are added except for DAILY."
  type = map(object({
    amount    = number
    time_unit = optional(string, "MONTHLY")
    services  = optional(list(string), [])
    tags      = optional(map(list(string)), {})
    emails    = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for b in values(var.extra_budgets) : contains(["DAILY", "MONTHLY", "QUARTERLY", "ANNUALLY"], b.time_unit)])
    error_message = "extra_budgets: time_unit must be \"DAILY\", \"MONTHLY\", \"QUARTERLY\" or \"ANNUALLY\"."
  }

  validation {
    condition     = alltrue([for b in values(var.extra_budgets) : length(b.emails) <= 10])
    error_message = "extra_budgets: AWS Budgets allows at most 10 email subscribers per notification."
  }

  validation {
    condition     = alltrue([for b in values(var.extra_budgets) : b.amount > 0])
    error_message = "extra_budgets: amount must be positive."
  }
}

variable "report_schedule_expression" {
  description = "EventBridge schedule of the daily report (UTC). Cost Explorer data for yesterday is mostly in by 07:00 UTC."
  type        = string
  default     = "cron(0 7 * * ? *)"

  validation {
    condition     = can(regex("^(cron|rate)\\(.+\\)$", var.report_schedule_expression))
    error_message = "report_schedule_expression must be a cron(...) or rate(...) expression."
  }
}

variable "anomaly_threshold_amount" {
  description = "Cost Anomaly Detection alerts the critical channel (IMMEDIATE) when an anomaly's total impact reaches this amount (USD)."
  type        = number
  default     = 50

  validation {
    condition     = var.anomaly_threshold_amount >= 0
    error_message = "anomaly_threshold_amount must not be negative."
  }
}

variable "monitored_function_names" {
  description = "Full names of the suite's other functions whose errors and throttles the dashboard shows (this module adds its own two)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the functions' log groups, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, …)."
  }
}

variable "tracing_mode" {
  description = "X-Ray tracing mode of the functions: null, \"PassThrough\" or \"Active\"."
  type        = string
  default     = null

  validation {
    condition     = var.tracing_mode == null || contains(["PassThrough", "Active"], coalesce(var.tracing_mode, "none"))
    error_message = "tracing_mode must be null, \"PassThrough\" or \"Active\"."
  }
}

variable "alarm_actions" {
  description = "Where the functions' own alarms go (ARNs)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
