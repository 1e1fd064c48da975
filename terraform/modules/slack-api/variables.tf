variable "name" {
  description = "Name of the HTTP API (and prefix of its log group), e.g. \"slackops-slack\"."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,128}$", var.name))
    error_message = "name must be 1-128 letters, digits, hyphens or underscores."
  }
}

variable "lambda_function_name" {
  description = "Name of the gateway Lambda function that answers every /slack/* route."
  type        = string
}

variable "lambda_invoke_arn" {
  description = "Invoke ARN of the gateway Lambda function (the integration URI)."
  type        = string
}

variable "routes" {
  description = "Route keys sent to the gateway. Slack posts slash commands, interactivity payloads and Events API callbacks."
  type        = list(string)
  default     = ["POST /slack/commands", "POST /slack/interactivity", "POST /slack/events"]

  validation {
    condition     = length(var.routes) > 0 && alltrue([for r in var.routes : can(regex("^POST /slack/[a-z-]+$", r))])
    error_message = "routes must be one or more \"POST /slack/<name>\" route keys."
  }
}

variable "throttling_burst_limit" {
  description = "Burst limit (requests) of the $default stage."
  type        = number
  default     = 50

  validation {
    condition     = var.throttling_burst_limit >= 1 && var.throttling_burst_limit <= 5000
    error_message = "throttling_burst_limit must be between 1 and 5000."
  }
}

variable "throttling_rate_limit" {
  description = "Steady-state rate limit (requests per second) of the $default stage."
  type        = number
  default     = 25

  validation {
    condition     = var.throttling_rate_limit >= 1 && var.throttling_rate_limit <= 10000
    error_message = "throttling_rate_limit must be between 1 and 10000."
  }
}

variable "integration_timeout_milliseconds" {
  description = "How long API Gateway waits for the gateway function; Slack itself gives up after 3 s."
  type        = number
  default     = 10000

  validation {
    condition     = var.integration_timeout_milliseconds >= 50 && var.integration_timeout_milliseconds <= 30000
    error_message = "integration_timeout_milliseconds must be between 50 and 30000."
  }
}

variable "log_retention_days" {
  description = "Retention of the access-log group, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
