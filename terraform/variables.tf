################################################################################
# Suite
################################################################################

variable "name_prefix" {
  description = "Prefix of every resource name: functions are <name_prefix>-<function>, e.g. slackops-slack-gateway."
  type        = string
  default     = "slackops"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,23}$", var.name_prefix))
    error_message = "name_prefix must be 2-24 lowercase letters, digits or hyphens, starting with a letter (function names are limited to 64 characters)."
  }
}

variable "aws_region" {
  description = "AWS region to deploy the suite to (clusters in ecs_clusters may name another region)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a region code such as eu-west-1."
  }
}

variable "tags" {
  description = "Tags added to every resource (the suite adds Project = slackops and ManagedBy = terraform)."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of every log group of the suite (functions and API access logs), in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "tracing_mode" {
  description = "X-Ray tracing of every function: null (off), \"PassThrough\" or \"Active\"."
  type        = string
  default     = null

  validation {
    condition     = var.tracing_mode == null || contains(["PassThrough", "Active"], coalesce(var.tracing_mode, "none"))
    error_message = "tracing_mode must be null, PassThrough or Active."
  }
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic notified by every function's Errors/Throttles/Duration alarms; null: alarms without actions."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]+$", coalesce(var.alarm_sns_topic_arn, "none")))
    error_message = "alarm_sns_topic_arn must be null or an SNS topic ARN."
  }
}

variable "audit_table_deletion_protection" {
  description = "Protect the audit table from deletion (then `make destroy` stops at it until you turn this off)."
  type        = bool
  default     = false
}

################################################################################
# Slack
################################################################################

# Create both parameters once, before `make deploy` (values from api.slack.com > your app):
#   aws ssm put-parameter --name /slackops/slack-bot-token      --type SecureString --value 'xoxb-...'
#   aws ssm put-parameter --name /slackops/slack-signing-secret --type SecureString --value '<signing secret>'
# Add --key-id <key> to use a customer-managed KMS key (then set ssm_kms_key_arn), --overwrite to rotate.
variable "slack_bot_token_parameter" {
  description = "Name of the SSM SecureString parameter holding the Slack bot token (xoxb-...). Create it with: aws ssm put-parameter --name /slackops/slack-bot-token --type SecureString --value 'xoxb-...'"
  type        = string
  default     = "/slackops/slack-bot-token"

  validation {
    condition     = can(regex("^/?[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)*$", var.slack_bot_token_parameter)) && length(var.slack_bot_token_parameter) <= 1011
    error_message = "slack_bot_token_parameter must be an SSM parameter name such as /slackops/slack-bot-token."
  }
}

variable "slack_signing_secret_parameter" {
  description = "Name of the SSM SecureString parameter holding the Slack app's signing secret. Create it with: aws ssm put-parameter --name /slackops/slack-signing-secret --type SecureString --value '<signing secret>'"
  type        = string
  default     = "/slackops/slack-signing-secret"

  validation {
    condition     = can(regex("^/?[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+)*$", var.slack_signing_secret_parameter)) && length(var.slack_signing_secret_parameter) <= 1011
    error_message = "slack_signing_secret_parameter must be an SSM parameter name such as /slackops/slack-signing-secret."
  }
}

variable "ssm_kms_key_arn" {
  description = "ARN of the customer-managed KMS key the two Slack parameters are encrypted with; null when they use the default aws/ssm key (no extra permission needed)."
  type        = string
  default     = null

  validation {
    condition     = var.ssm_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", coalesce(var.ssm_kms_key_arn, "none")))
    error_message = "ssm_kms_key_arn must be null or a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID; not an alias)."
  }
}

variable "slack_app_name" {
  description = "Display name of the Slack app in the generated manifest (slack_app_manifest output)."
  type        = string
  default     = "slackops"

  validation {
    condition     = length(var.slack_app_name) >= 1 && length(var.slack_app_name) <= 35
    error_message = "slack_app_name must be 1-35 characters (Slack's limit)."
  }
}

variable "slack_critical_channel" {
  description = "Suite-wide Slack channel id (C…/G…) of the quiet *critical* channel: every message there needs action. Shared by ci-events and cost-alerts; null when neither is used."
  type        = string
  default     = null

  validation {
    condition     = var.slack_critical_channel == null || can(regex("^[CG][A-Z0-9]{8,}$", coalesce(var.slack_critical_channel, "none")))
    error_message = "slack_critical_channel must be null or a Slack channel id such as C0123456789 (channel details > About, at the bottom), not a #name."
  }
}

variable "slack_heartbeat_channel" {
  description = "Suite-wide Slack channel id (C…/G…) of the noisy *heartbeat* channel: daily spend, warnings, notices. Shared by ci-events and cost-alerts; null when neither is used."
  type        = string
  default     = null

  validation {
    condition     = var.slack_heartbeat_channel == null || can(regex("^[CG][A-Z0-9]{8,}$", coalesce(var.slack_heartbeat_channel, "none")))
    error_message = "slack_heartbeat_channel must be null or a Slack channel id such as C0123456789, not a #name."
  }
}

variable "notification_emails" {
  description = "Email addresses told about changes to protected ECS clusters (each confirms an SNS subscription email once)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "notification_emails must contain email addresses only."
  }
}

################################################################################
# Slack API (the one front door)
################################################################################

variable "api_throttling_burst_limit" {
  description = "Burst limit of the Slack HTTP API, in requests."
  type        = number
  default     = 50

  validation {
    condition     = var.api_throttling_burst_limit >= 1 && var.api_throttling_burst_limit <= 5000
    error_message = "api_throttling_burst_limit must be between 1 and 5000."
  }
}

variable "api_throttling_rate_limit" {
  description = "Steady rate limit of the Slack HTTP API, in requests per second."
  type        = number
  default     = 25

  validation {
    condition     = var.api_throttling_rate_limit >= 1 && var.api_throttling_rate_limit <= 10000
    error_message = "api_throttling_rate_limit must be between 1 and 10000."
  }
}

variable "gateway_reserved_concurrency" {
  description = "Reserved concurrency of the slack-gateway function (caps what a flood of requests can cost); null: unreserved."
  type        = number
  default     = null

  validation {
    condition     = var.gateway_reserved_concurrency == null || try(var.gateway_reserved_concurrency >= 1, false)
    error_message = "gateway_reserved_concurrency must be null or at least 1."
  }
}

################################################################################
# ecs-chatops
################################################################################

variable "enable_ecs_chatops" {
  description = "Deploy ecs-chatops (the /ecs-status command, its worker and deployment follower)."
  type        = bool
  default     = true
}

variable "ecs_clusters" {
  description = <<-EOT
    ECS clusters and services that /ecs-status may read and change (and nothing else, in code and in IAM), keyed by cluster name.
    services: allow-listed service names (at least one). protected: mutating actions need Approve from one of approvers
    (never the requester) and email notification_emails. region: the cluster's region (default aws_region). operators /
    approvers: Slack user ids (U…/W…) or user-group ids (S…). max_desired_count: upper bound of `action=scale`.
  EOT
  type = map(object({
    services          = list(string)
    protected         = optional(bool, false)
    region            = optional(string)
    operators         = optional(list(string), [])
    approvers         = optional(list(string), [])
    max_desired_count = optional(number, 20)
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.ecs_clusters) : can(regex("^[a-zA-Z0-9_-]{1,255}$", name))])
    error_message = "ecs_clusters keys must be ECS cluster names (letters, digits, hyphens, underscores), not ARNs."
  }

  validation {
    condition     = alltrue([for c in values(var.ecs_clusters) : length(c.services) > 0])
    error_message = "Every cluster in ecs_clusters must list at least one service."
  }

  validation {
    condition     = alltrue(flatten([for c in values(var.ecs_clusters) : [for s in c.services : can(regex("^[a-zA-Z0-9_-]{1,255}$", s))]]))
    error_message = "ecs_clusters services must be ECS service names (letters, digits, hyphens, underscores), not ARNs."
  }

  validation {
    condition     = alltrue([for c in values(var.ecs_clusters) : !c.protected || length(c.approvers) > 0])
    error_message = "A protected cluster needs at least one approver (its mutating actions wait for an Approve from someone other than the requester)."
  }

  validation {
    condition     = alltrue(flatten([for c in values(var.ecs_clusters) : [for id in concat(c.operators, c.approvers) : can(regex("^[UWS][A-Z0-9]{2,}$", id))]]))
    error_message = "operators and approvers must be Slack user ids (U…/W…) or user-group ids (S…), not names or emails."
  }

  validation {
    condition     = alltrue([for c in values(var.ecs_clusters) : c.region == null || can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", coalesce(c.region, "none")))])
    error_message = "ecs_clusters region must be a region code such as eu-west-1."
  }

  validation {
    condition     = alltrue([for c in values(var.ecs_clusters) : c.max_desired_count >= 0 && c.max_desired_count <= 5000 && floor(c.max_desired_count) == c.max_desired_count])
    error_message = "max_desired_count must be a whole number between 0 and 5000."
  }

  # The clusters travel to the functions as JSON in ECS_CLUSTERS; Lambda allows 4 KB of environment in all.
  validation {
    condition     = length(jsonencode(var.ecs_clusters)) <= 3000
    error_message = "ecs_clusters is too large for a Lambda environment variable (3000 characters of JSON at most): split the suite or shorten the lists (user groups help)."
  }
}

variable "ecs_log_group_arns" {
  description = "ARNs of the CloudWatch log groups of the allow-listed ECS services (their awslogs-group), readable by `action=logs`. Empty: every log group under /ecs/ (the ECS console's default naming) in the clusters' regions; list them to tighten."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.ecs_log_group_arns : can(regex("^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:[^:]+$", a))])
    error_message = "Each ecs_log_group_arns entry must be a log-group ARN without a trailing \":*\" (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)."
  }
}
