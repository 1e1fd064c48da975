# The two Slack channels as SNS topics: *critical* (quiet, every message needs action) and *heartbeat*
# (noisy). AWS Budgets, Cost Anomaly Detection and CloudWatch alarms publish here; so can any stack
# of this account (see packages/cost-alerts/README.md for the formats).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  channels  = toset(["critical", "heartbeat"])
  emails = {
    critical  = var.critical_emails
    heartbeat = var.heartbeat_emails
  }
  email_subscriptions = merge([
    for channel, addresses in local.emails : { for address in addresses : "${channel}/${address}" => { channel = channel, address = address } }
  ]...)
}

resource "aws_sns_topic" "this" {
  for_each = local.channels

  name              = "${var.name_prefix}-${each.key}"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

# Without these statements Budgets "silently sends nothing" (aws-facts.md): each AWS service may publish
# only on behalf of this account (aws:SourceAccount) and, where it has one, from its own ARNs (aws:SourceArn).
data "aws_iam_policy_document" "topic" {
  for_each = local.channels

  statement {
    sid       = "AllowBudgets"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = ["arn:${local.partition}:sns:${local.region}:${local.account}:${var.name_prefix}-${each.key}"]

    principals {
      type        = "Service"
      identifiers = ["budgets.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:budgets::${local.account}:*"]
    }
  }

  statement {
    sid       = "AllowCostAnomalyDetection"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = ["arn:${local.partition}:sns:${local.region}:${local.account}:${var.name_prefix}-${each.key}"]

    principals {
      type        = "Service"
      identifiers = ["costalerts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }

  statement {
    sid       = "AllowCloudWatchAlarms"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = ["arn:${local.partition}:sns:${local.region}:${local.account}:${var.name_prefix}-${each.key}"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:cloudwatch:*:${local.account}:alarm:*"]
    }
  }

  # What the topic owner's default policy allowed: principals of this account, as far as their own
  # IAM policies let them (other stacks publish with an sns:Publish grant on the output ARN).
  statement {
    sid       = "AllowThisAccount"
    effect    = "Allow"
    actions   = ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic"]
    resources = ["arn:${local.partition}:sns:${local.region}:${local.account}:${var.name_prefix}-${each.key}"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account}:root"]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = ["arn:${local.partition}:sns:${local.region}:${local.account}:${var.name_prefix}-${each.key}"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "this" {
  for_each = local.channels

  arn    = aws_sns_topic.this[each.key].arn
  policy = data.aws_iam_policy_document.topic[each.key].json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = local.email_subscriptions

  topic_arn = aws_sns_topic.this[each.value.channel].arn
  protocol  = "email"
  endpoint  = each.value.address
}

################################################################################
# Optional AWS Chatbot channels (read-only guardrail): @aws questions in the two channels
################################################################################

data "aws_iam_policy_document" "chatbot_assume" {
  count = var.chatbot == null ? 0 : 1

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["chatbot.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "chatbot" {
  count = var.chatbot == null ? 0 : 1

  name               = "${var.name_prefix}-chatbot"
  assume_role_policy = data.aws_iam_policy_document.chatbot_assume[0].json
  tags               = var.tags
}

# What the channel role itself may do; each command is further capped by the guardrail policies.
resource "aws_iam_role_policy_attachment" "chatbot_read_only" {
  count = var.chatbot == null ? 0 : 1

  role       = aws_iam_role.chatbot[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_chatbot_slack_channel_configuration" "this" {
  for_each = var.chatbot == null ? toset([]) : local.channels

  configuration_name    = "${var.name_prefix}-${each.key}"
  iam_role_arn          = aws_iam_role.chatbot[0].arn
  slack_team_id         = var.chatbot.slack_team_id
  slack_channel_id      = each.key == "critical" ? var.chatbot.critical_channel_id : var.chatbot.heartbeat_channel_id
  sns_topic_arns        = [aws_sns_topic.this[each.key].arn]
  guardrail_policy_arns = var.chatbot_guardrail_policy_arns
  logging_level         = var.chatbot.logging_level
  tags                  = var.tags
}
