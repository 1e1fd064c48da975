# ci-events: CI/CD events sent to SQS become threaded Slack alerts.

variable "enable_ci_events" {
  description = "Whether to deploy ci-events (queue, dead-letter queue, processor)."
  type        = bool
  default     = false
}

variable "ci_events" {
  description = "ci-events settings: default_channel (Slack channel id, required when enabled), routes per repository/environment, post_success_without_failure, max_receive_count, maximum_concurrency, and slack_webhook_url_parameter (SSM name of an incoming-webhook URL: webhook delivery, no threads)."
  type = object({
    default_channel              = optional(string)
    routes                       = optional(object({ repositories = optional(map(string), {}), environments = optional(map(string), {}) }), {})
    post_success_without_failure = optional(bool, false)
    max_receive_count            = optional(number, 5)
    maximum_concurrency          = optional(number, 2)
    slack_webhook_url_parameter  = optional(string)
  })
  default = {}

  validation {
    condition     = var.ci_events.default_channel == null || can(regex("^[CG][A-Z0-9]{8,}$", coalesce(var.ci_events.default_channel, "none")))
    error_message = "ci_events.default_channel must be a Slack channel id such as C0123456789, not a #name."
  }
}

module "ci_events" {
  source = "./modules/ci-events"
  count  = var.enable_ci_events ? 1 : 0

  name_prefix                    = var.name_prefix
  filename                       = "${local.packages_dir}/ci-events/dist/ci-events-processor.zip"
  default_channel                = coalesce(var.ci_events.default_channel, var.slack_heartbeat_channel, "unset")
  critical_channel               = var.slack_critical_channel
  heartbeat_channel              = var.slack_heartbeat_channel
  routes                         = var.ci_events.routes
  post_success_without_failure   = var.ci_events.post_success_without_failure
  max_receive_count              = var.ci_events.max_receive_count
  maximum_concurrency            = var.ci_events.maximum_concurrency
  slack_bot_token_parameter_name = var.slack_bot_token_parameter
  slack_bot_token_parameter_arn  = local.slack_bot_token_parameter_arn
  # Webhook mode: an SSM SecureString holding an incoming-webhook URL (no threads).
  slack_webhook_url_parameter_name = var.ci_events.slack_webhook_url_parameter
  slack_webhook_url_parameter_arn  = var.ci_events.slack_webhook_url_parameter == null ? null : "arn:${local.partition}:ssm:${var.aws_region}:${local.account}:parameter/${trimprefix(coalesce(var.ci_events.slack_webhook_url_parameter, "none"), "/")}"
  log_retention_days               = var.log_retention_days
  alarm_actions                    = local.alarm_actions
  tags                             = local.tags
}

output "ci_events_queue_url" {
  description = "Send CI events here: aws sqs send-message --queue-url \"$(terraform output -raw ci_events_queue_url)\" --message-body file://event.json"
  value       = one(module.ci_events[*].queue_url)
}

output "ci_events_sender_policy_json" {
  description = "IAM policy document for CI roles: exactly sqs:SendMessage on the ci-events queue."
  value       = one(module.ci_events[*].sender_policy_json)
}
