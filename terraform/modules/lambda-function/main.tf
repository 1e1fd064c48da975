# One Lambda function with everything it needs: role (its own log group + the caller's policy), log
# group with retention, alarms, and optionally a dead-letter queue and async retry settings.

locals {
  dlq_enabled = var.create_dlq
}

################################################################################
# Function
################################################################################

resource "aws_lambda_function" "this" {
  function_name    = var.function_name
  description      = var.description
  role             = aws_iam_role.this.arn
  runtime          = var.runtime
  architectures    = [var.architecture]
  handler          = var.handler
  filename         = var.filename
  source_code_hash = filebase64sha256(var.filename)
  timeout          = var.timeout
  memory_size      = var.memory_size

  reserved_concurrent_executions = var.reserved_concurrent_executions == null ? -1 : var.reserved_concurrent_executions

  dynamic "environment" {
    for_each = length(var.environment_variables) > 0 ? [var.environment_variables] : []

    content {
      variables = environment.value
    }
  }

  dynamic "tracing_config" {
    for_each = var.tracing_mode == null ? [] : [var.tracing_mode]

    content {
      mode = tracing_config.value
    }
  }

  dynamic "dead_letter_config" {
    for_each = local.dlq_enabled ? [1] : []

    content {
      target_arn = aws_sqs_queue.dlq[0].arn
    }
  }

  tags = var.tags

  # The log group must exist first (or Lambda creates one without retention), and the role must be
  # able to write to it and to the DLQ before the first invocation.
  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.basic,
    aws_iam_role_policy.this,
  ]
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = var.maximum_retry_attempts == null ? 0 : 1

  function_name                = aws_lambda_function.this.function_name
  maximum_retry_attempts       = var.maximum_retry_attempts
  maximum_event_age_in_seconds = var.maximum_event_age_in_seconds
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

################################################################################
# IAM
################################################################################

data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumesRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.function_name
  description        = "Execution role of the ${var.function_name} Lambda function."
  assume_role_policy = data.aws_iam_policy_document.assume_role.json

  tags = var.tags
}

# Instead of the AWSLambdaBasicExecutionRole managed policy (which allows writing to every log group
# of the account): write only to this function's own log group, which Terraform creates.
data "aws_iam_policy_document" "basic" {
  statement {
    sid       = "WriteOwnLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = local.dlq_enabled ? [1] : []

    content {
      sid       = "SendFailedEventsToDlq"
      effect    = "Allow"
      actions   = ["sqs:SendMessage"]
      resources = [aws_sqs_queue.dlq[0].arn]
    }
  }

  dynamic "statement" {
    for_each = var.tracing_mode == "Active" ? [1] : []

    content {
      sid       = "WriteTraces"
      effect    = "Allow"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"] # X-Ray has no resource-level permissions for these actions.
    }
  }
}

resource "aws_iam_role_policy" "basic" {
  name   = "basic"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.basic.json
}

resource "aws_iam_role_policy" "this" {
  count = var.attach_policy_json ? 1 : 0

  name   = "function"
  role   = aws_iam_role.this.id
  policy = var.policy_json
}

################################################################################
# Dead-letter queue (asynchronous invocations that failed every retry)
################################################################################

resource "aws_sqs_queue" "dlq" {
  count = local.dlq_enabled ? 1 : 0

  name                      = "${var.function_name}-dlq"
  message_retention_seconds = var.dlq_message_retention_seconds
  sqs_managed_sse_enabled   = true

  tags = var.tags
}

################################################################################
# Alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "errors" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.function_name}-errors"
  alarm_description   = "${var.function_name} failed at least once in 5 minutes (see its log group ${aws_cloudwatch_log_group.this.name})."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.function_name}-throttles"
  alarm_description   = "${var.function_name} was throttled in the last 5 minutes (concurrency limit reached)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.function_name}-duration"
  alarm_description   = "p99 duration of ${var.function_name} is above ${var.duration_alarm_threshold_percent}% of its ${var.timeout} s timeout."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.timeout * 1000 * var.duration_alarm_threshold_percent / 100
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}
