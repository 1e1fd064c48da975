variable "function_name" {
  description = "Name of the Lambda function (the suite's prefix included, e.g. \"slackops-slack-gateway\")."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 letters, digits, hyphens or underscores."
  }
}

variable "description" {
  description = "Description of the Lambda function."
  type        = string
  default     = ""
}

variable "filename" {
  description = "Path of the deployment zip built by `make build` (packages/<pkg>/dist/<function>.zip)."
  type        = string
}

variable "handler" {
  description = "Entry point inside the zip."
  type        = string
  default     = "index.handler"
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "nodejs22.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs20.x"], var.runtime)
    error_message = "runtime must be nodejs22.x or nodejs20.x."
  }
}

variable "architecture" {
  description = "Instruction set architecture of the function."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "timeout" {
  description = "Timeout of one invocation, in seconds."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB (CPU grows with it)."
  type        = number
  default     = 256

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "environment_variables" {
  description = "Environment variables of the function (configuration only: secrets are SSM parameter names)."
  type        = map(string)
  default     = {}
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency of the function; null leaves it unreserved."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrent_executions == null || try(var.reserved_concurrent_executions >= 0, false)
    error_message = "reserved_concurrent_executions must be null or >= 0."
  }
}

variable "tracing_mode" {
  description = "X-Ray tracing mode: null (no tracing config), \"PassThrough\" or \"Active\"."
  type        = string
  default     = null

  validation {
    condition     = var.tracing_mode == null || contains(["PassThrough", "Active"], coalesce(var.tracing_mode, "none"))
    error_message = "tracing_mode must be null, PassThrough or Active."
  }
}

variable "attach_policy_json" {
  description = "Whether to attach policy_json to the function's role (a flag, because policy_json may be unknown until apply)."
  type        = bool
  default     = false
}

variable "policy_json" {
  description = "JSON of an aws_iam_policy_document with what the function's code calls, beyond writing its own logs."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "create_alarms" {
  description = "Whether to create the Errors, Throttles and Duration alarms."
  type        = bool
  default     = true
}

variable "alarm_actions" {
  description = "ARNs (typically one SNS topic) notified when an alarm fires or recovers."
  type        = list(string)
  default     = []
}

variable "duration_alarm_threshold_percent" {
  description = "The Duration alarm fires when p99 duration exceeds this percentage of the timeout."
  type        = number
  default     = 90

  validation {
    condition     = var.duration_alarm_threshold_percent > 0 && var.duration_alarm_threshold_percent <= 100
    error_message = "duration_alarm_threshold_percent must be in (0, 100]."
  }
}

variable "create_dlq" {
  description = "Whether to create an SQS dead-letter queue for failed asynchronous invocations."
  type        = bool
  default     = false
}

variable "dlq_message_retention_seconds" {
  description = "How long the dead-letter queue keeps a failed event, in seconds."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dlq_message_retention_seconds >= 60 && var.dlq_message_retention_seconds <= 1209600
    error_message = "dlq_message_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

variable "maximum_retry_attempts" {
  description = "Retries of a failed asynchronous invocation (0-2); null keeps Lambda's default (2) and creates no event invoke config."
  type        = number
  default     = null

  validation {
    condition     = var.maximum_retry_attempts == null || contains([0, 1, 2], coalesce(var.maximum_retry_attempts, 0))
    error_message = "maximum_retry_attempts must be null, 0, 1 or 2."
  }
}

variable "maximum_event_age_in_seconds" {
  description = "Maximum age of an asynchronous event before it is discarded (60-21600); used only with maximum_retry_attempts."
  type        = number
  default     = 3600

  validation {
    condition     = var.maximum_event_age_in_seconds >= 60 && var.maximum_event_age_in_seconds <= 21600
    error_message = "maximum_event_age_in_seconds must be between 60 and 21600."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
