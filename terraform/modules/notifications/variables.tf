variable "name_prefix" {
  description = "Prefix of every name (the topics are <prefix>-critical and <prefix>-heartbeat)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key that encrypts both topics (null: unencrypted). Its key policy must let budgets.amazonaws.com, costalerts.amazonaws.com and cloudwatch.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt (the AWS-managed SNS key cannot be used by them): see the README."
  type        = string
  default     = null
}

variable "critical_emails" {
  description = "Email addresses subscribed to the critical topic (each confirms a subscription email once)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.critical_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "critical_emails must contain email addresses only."
  }
}

variable "heartbeat_emails" {
  description = "Email addresses subscribed to the heartbeat topic."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.heartbeat_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "heartbeat_emails must contain email addresses only."
  }
}

variable "chatbot" {
  description = "AWS Chatbot channel configurations for both channels (null: none). The Slack workspace must be authorized once in the Chatbot console first; slack_team_id is its workspace id (T…)."
  type = object({
    slack_team_id        = string
    critical_channel_id  = string
    heartbeat_channel_id = string
    logging_level        = optional(string, "ERROR")
  })
  default = null

  validation {
    condition     = var.chatbot == null || can(regex("^T[A-Z0-9]{8,}$", var.chatbot.slack_team_id))
    error_message = "chatbot.slack_team_id must be a Slack workspace id such as T0123456789."
  }

  validation {
    condition     = var.chatbot == null || contains(["ERROR", "INFO", "NONE"], try(var.chatbot.logging_level, "ERROR"))
    error_message = "chatbot.logging_level must be \"ERROR\", \"INFO\" or \"NONE\"."
  }
}

variable "chatbot_guardrail_policy_arns" {
  description = "Guardrail policies of the Chatbot channels: the most a channel member can do through @aws. Read-only by default (Chatbot's own default is admin)."
  type        = list(string)
  default     = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
