variable "name_prefix" {
  description = "Prefix of every resource name (the suite's name_prefix)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,23}$", var.name_prefix))
    error_message = "name_prefix must be 2-24 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "aws_region" {
  description = "Region the suite is deployed to; clusters without their own region are in it."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a region code such as eu-west-1."
  }
}

variable "clusters" {
  description = "The allow-listed ECS clusters and services (the root's ecs_clusters): only these can be read or changed, in code and in IAM."
  type = map(object({
    services          = list(string)
    protected         = optional(bool, false)
    region            = optional(string)
    operators         = optional(list(string), [])
    approvers         = optional(list(string), [])
    max_desired_count = optional(number, 20)
  }))

  validation {
    condition     = alltrue([for c in values(var.clusters) : length(c.services) > 0])
    error_message = "Every cluster must list at least one service."
  }
}

variable "worker_filename" {
  description = "Path of the ecs-chatops-worker zip (packages/ecs-chatops/dist/ecs-chatops-worker.zip)."
  type        = string
}

variable "deployment_events_filename" {
  description = "Path of the ecs-chatops-deployment-events zip (packages/ecs-chatops/dist/ecs-chatops-deployment-events.zip)."
  type        = string
}

variable "audit_table_name" {
  description = "Name of the suite-wide audit table."
  type        = string
}

variable "audit_table_arn" {
  description = "ARN of the suite-wide audit table."
  type        = string
}

variable "slack_bot_token_parameter_name" {
  description = "Name of the SSM SecureString parameter that holds the Slack bot token."
  type        = string
}

variable "slack_bot_token_parameter_arn" {
  description = "ARN of the SSM SecureString parameter that holds the Slack bot token."
  type        = string
}

variable "ssm_kms_key_arn" {
  description = "ARN of the customer-managed KMS key that encrypts the Slack parameters; null when they use the default aws/ssm key (whose key policy already lets SSM decrypt for the account's principals)."
  type        = string
  default     = null
}

variable "notification_emails" {
  description = "Email addresses subscribed to the notification topic (changes on protected clusters). Each must confirm the subscription email."
  type        = list(string)
  default     = []
}

variable "ecs_log_group_arns" {
  description = "ARNs of the CloudWatch log groups of the allow-listed services (their awslogs-group), for the `logs` action. Empty: every log group under /ecs/ (the ECS console's default naming) in the clusters' regions."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.ecs_log_group_arns : can(regex("^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:[^:]+$", a))])
    error_message = "Each ecs_log_group_arns entry must be a log-group ARN without a trailing \":*\" (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)."
  }
}

variable "log_retention_days" {
  description = "Retention of the functions' log groups, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts."
  }
}

variable "worker_timeout" {
  description = "Timeout of the worker, in seconds (status cards, logs and file uploads)."
  type        = number
  default     = 60

  validation {
    condition     = var.worker_timeout >= 10 && var.worker_timeout <= 900
    error_message = "worker_timeout must be between 10 and 900 seconds."
  }
}

variable "worker_memory_size" {
  description = "Memory of the worker, in MB."
  type        = number
  default     = 512

  validation {
    condition     = var.worker_memory_size >= 128 && var.worker_memory_size <= 10240
    error_message = "worker_memory_size must be between 128 and 10240 MB."
  }
}

variable "tracing_mode" {
  description = "X-Ray tracing mode of the functions: null, \"PassThrough\" or \"Active\"."
  type        = string
  default     = null

  validation {
    condition     = var.tracing_mode == null || contains(["PassThrough", "Active"], coalesce(var.tracing_mode, "none"))
    error_message = "tracing_mode must be null, PassThrough or Active."
  }
}

variable "alarm_actions" {
  description = "ARNs (an SNS topic) notified by the functions' alarms."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
