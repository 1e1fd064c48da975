variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "filename" {
  description = "Path of the ci-events-processor zip (packages/ci-events/dist/ci-events-processor.zip)."
  type        = string
}

variable "default_channel" {
  description = "Slack channel id for alerts no route matches."
  type        = string
}

variable "critical_channel" {
  description = "Slack channel id that also receives severity=critical failures (null: none)."
  type        = string
  default     = null
}

variable "heartbeat_channel" {
  description = "Slack channel id for notices about parked messages and unknown formats (null: the default channel)."
  type        = string
  default     = null
}

variable "routes" {
  description = "Channel per repository and per environment: { repositories = { \"acme/shop\" = \"C…\" }, environments = { prod = \"C…\" } }."
  type = object({
    repositories = optional(map(string), {})
    environments = optional(map(string), {})
  })
  default = {}
}

variable "post_success_without_failure" {
  description = "Post a message for a success when no failure is open (default: stay quiet)."
  type        = bool
  default     = false
}

variable "function_timeout" {
  description = "Timeout of the processor in seconds; the queue's visibility timeout is 6 times this."
  type        = number
  default     = 30
}

variable "visibility_timeout_seconds" {
  description = "Visibility timeout of the queue (null: 6 × function_timeout, the minimum AWS recommends)."
  type        = number
  default     = null

  validation {
    condition     = var.visibility_timeout_seconds == null || coalesce(var.visibility_timeout_seconds, 0) <= 43200
    error_message = "visibility_timeout_seconds must be at most 43200 (12 hours)."
  }
}

variable "max_receive_count" {
  description = "Deliveries of a message before SQS moves it to the dead-letter queue."
  type        = number
  default     = 5

  validation {
    condition     = var.max_receive_count >= 2 && var.max_receive_count <= 20
    error_message = "max_receive_count must be between 2 and 20."
  }
}

variable "batch_size" {
  description = "Messages per invocation (1-10)."
  type        = number
  default     = 10

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10
    error_message = "batch_size must be between 1 and 10."
  }
}

variable "maximum_concurrency" {
  description = "Most processor invocations at once (2-1000): keeps Slack's ~1 message per second per channel."
  type        = number
  default     = 2

  validation {
    condition     = var.maximum_concurrency >= 2 && var.maximum_concurrency <= 1000
    error_message = "maximum_concurrency must be between 2 and 1000 (an AWS limit)."
  }
}

variable "slack_bot_token_parameter_name" {
  description = "Name of the SSM SecureString parameter that holds the Slack bot token."
  type        = string
}

variable "slack_bot_token_parameter_arn" {
  description = "ARN of that parameter."
  type        = string
}

variable "slack_webhook_url_parameter_name" {
  description = "SSM SecureString parameter holding a Slack incoming-webhook URL: set it to deliver through the webhook (no threads, no updates) instead of the bot token. Null: bot token."
  type        = string
  default     = null
}

variable "slack_webhook_url_parameter_arn" {
  description = "ARN of that parameter (required with slack_webhook_url_parameter_name)."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the function's logs, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts."
  }
}

variable "alarm_actions" {
  description = "SNS topic ARNs for the alarms (DLQ depth, oldest message age, function errors)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
