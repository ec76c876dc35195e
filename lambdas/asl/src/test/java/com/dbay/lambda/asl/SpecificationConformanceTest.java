package com.dbay.lambda.asl;

import static com.dbay.lambda.asl.Machines.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Examples from the Amazon States Language specification (states-language.net) and the Step
 * Functions developer guide, run on the engine, with the outputs the text says they must produce.
 */
class SpecificationConformanceTest {

  private static final String ADD = "arn:aws:lambda:us-east-1:123456789012:function:Add";

  @Nested
  class InputAndOutputProcessing {

    @Test
    void input_path_selects_the_numbers_and_result_path_puts_the_sum_beside_the_input() {
      // Spec, "Input and Output Processing": InputPath "$.numbers", ResultPath "$.sum", OutputPath
      // "$".
      String definition =
          """
                    {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "%s",
                      "InputPath": "$.numbers", "ResultPath": "$.sum", "OutputPath": "$", "End": true}}}
                    """
              .formatted(ADD);
      var result =
          new Machines()
              .resource(
                  ADD,
                  in ->
                      Json.NODES.numberNode(in.get("val1").intValue() + in.get("val2").intValue()))
              .run(
                  definition,
                  """
                            {"title": "Numbers to add", "numbers": {"val1": 3, "val2": 4}}""");

      assertThat(result.output())
          .isEqualTo(
              json(
                  """
                    {"title": "Numbers to add", "numbers": {"val1": 3, "val2": 4}, "sum": 7}"""));
    }

    @Test
    void parameters_take_static_values_and_paths_including_array_slices() {
      // Spec, "Parameters": {"flagged": 7, "vals": [0, 10, 20, 30, 40, 50]}.
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Parameters": {
                      "flagged": true, "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[-3:]"}}}}}""";
      var result =
          new Machines()
              .run(
                  definition,
                  """
                    {"flagged": 7, "vals": [0, 10, 20, 30, 40, 50]}""");

      assertThat(result.output())
          .isEqualTo(
              json(
                  """
                    {"flagged": true, "parts": {"first": 0, "last3": [30, 40, 50]}}"""));
    }

    @Test
    void result_selector_builds_the_effective_result_from_the_raw_result() {
      // Spec, "ResultSelector": the createCluster.sync result reduced to two fields.
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                      "ResultSelector": {"ClusterId.$": "$.output.ClusterId", "ResourceType.$": "$.resourceType"},
                      "ResultPath": "$.EMROutput"}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .resource(
                  ADD,
                  in ->
                      json(
                          """
                    {"resourceType": "elasticmapreduce", "resource": "createCluster.sync",
                     "output": {"SdkHttpMetadata": {"HttpStatusCode": 200},
                                "SdkResponseMetadata": {"RequestId": "1234-5678-9012"},
                                "ClusterId": "AKIAIOSFODNN7EXAMPLE"}}"""))
              .run(definition, "{}");

      assertThat(result.output())
          .isEqualTo(
              json(
                  """
                    {"EMROutput": {"ClusterId": "AKIAIOSFODNN7EXAMPLE", "ResourceType": "elasticmapreduce"}}"""));
    }

    @Test
    void result_path_defaults_to_replacing_the_input_with_the_result() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .resource(ADD, in -> Json.NODES.textNode("Hello, Step Functions!"))
              .run(
                  definition,
                  """
                            {"comment": "This is a test", "details": "Default example", "who": "Step Functions"}""");

      assertThat(result.output()).isEqualTo(json("\"Hello, Step Functions!\""));
    }

    @Test
    void result_path_null_discards_the_result_and_passes_the_input_on() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "ResultPath": null, "End": true}}}"""
              .formatted(ADD);
      String input =
          """
                    {"comment": "This is a test", "details": "Default example", "who": "Step Functions"}""";
      var result =
          new Machines()
              .resource(ADD, in -> Json.NODES.textNode("Hello, Step Functions!"))
              .run(definition, input);

      assertThat(result.output()).isEqualTo(json(input));
    }

    @Test
    void result_path_creates_the_missing_objects_on_its_way() {
      // Spec, "ResultPath": a reference path to a field that does not exist yet creates it.
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "Hello", "ResultPath": "$.master.detail.greeting", "End": true}}}""";
      var result =
          new Machines()
              .run(
                  definition,
                  """
                    {"master": {"detail": {"name": "x"}}, "other": 1}""");

      assertThat(result.output())
          .isEqualTo(
              json(
                  """
                    {"master": {"detail": {"name": "x", "greeting": "Hello"}}, "other": 1}"""));
    }

    @Test
    void result_path_into_a_value_that_is_not_an_object_is_a_result_path_match_failure() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "ResultPath": "$.a.b", "End": true}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .resource(ADD, in -> Json.NODES.numberNode(1))
              .run(
                  definition,
                  """
                    {"a": "not an object"}""");

      assertThat(result.status()).isEqualTo("FAILED");
      assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void input_path_null_gives_the_state_an_empty_object() {
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": null, "End": true}}}""";
      assertThat(new Machines().run(definition, "{\"a\": 1}").output()).isEqualTo(json("{}"));
    }

    @Test
    void paths_read_the_context_object_with_a_double_dollar() {
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                      "Parameters": {"state.$": "$$.State.Name", "input.$": "$$.Execution.Input.x"}}}}""";
      assertThat(new Machines().run(definition, "{\"x\": 5}").output())
          .isEqualTo(json("{\"state\": \"P\", \"input\": 5}"));
    }

    @Test
    void a_path_that_matches_nothing_fails_the_execution_with_states_runtime() {
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.missing", "End": true}}}""";
      var result = new Machines().run(definition, "{}");
      assertThat(result.status()).isEqualTo("FAILED");
      assertThat(result.error()).isEqualTo("States.Runtime");
    }

    @Test
    void the_spec_reference_paths_select_single_nodes() {
      // Spec, "Paths": {"foo": 123, "bar": ["a", "b", "c"], "car": {"cdr": true}}.
      String definition =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                      "Parameters": {"foo.$": "$.foo", "bar.$": "$.bar", "cdr.$": "$.car.cdr"}}}}""";
      assertThat(
              new Machines()
                  .run(
                      definition,
                      """
                    {"foo": 123, "bar": ["a", "b", "c"], "car": {"cdr": true}}""")
                  .output())
          .isEqualTo(json("{\"foo\": 123, \"bar\": [\"a\", \"b\", \"c\"], \"cdr\": true}"));
    }
  }

  @Nested
  class ChoiceRules {

    // Spec, "Choice State": the ChoiceStateX example.
    private final String definition =
        """
                {"StartAt": "ChoiceStateX", "States": {
                  "ChoiceStateX": {"Type": "Choice", "Choices": [
                     {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                     {"And": [{"Variable": "$.value", "IsPresent": true}, {"Variable": "$.value", "IsNumeric": true},
                              {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                              {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"},
                     {"Variable": "$.rating", "NumericGreaterThanPath": "$.auditThreshold", "Next": "StartAudit"}],
                   "Default": "RecordEvent"},
                  "Public": {"Type": "Pass", "Result": "Public", "End": true},
                  "ValueInTwenties": {"Type": "Pass", "Result": "ValueInTwenties", "End": true},
                  "StartAudit": {"Type": "Pass", "Result": "StartAudit", "End": true},
                  "RecordEvent": {"Type": "Pass", "Result": "RecordEvent", "End": true}}}""";

    @Test
    void a_private_type_with_value_22_goes_to_value_in_twenties() {
      assertThat(new Machines().run(definition, "{\"type\": \"Private\", \"value\": 22}").output())
          .isEqualTo(json("\"ValueInTwenties\""));
    }

    @Test
    void a_type_other_than_private_goes_to_public() {
      assertThat(new Machines().run(definition, "{\"type\": \"Internal\", \"value\": 22}").output())
          .isEqualTo(json("\"Public\""));
    }

    @Test
    void a_rating_above_the_threshold_path_goes_to_start_audit() {
      assertThat(
              new Machines()
                  .run(
                      definition,
                      "{\"type\": \"Private\", \"value\": 35, \"rating\": 53, \"auditThreshold\": 50}")
                  .output())
          .isEqualTo(json("\"StartAudit\""));
    }

    @Test
    void nothing_matching_takes_the_default() {
      assertThat(
              new Machines()
                  .run(
                      definition, "{\"type\": \"Private\", \"rating\": 10, \"auditThreshold\": 50}")
                  .output())
          .isEqualTo(json("\"RecordEvent\""));
    }

    @Test
    void nothing_matching_without_a_default_is_states_no_choice_matched() {
      String noDefault =
          """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.x", "NumericEquals": 1, "Next": "D"}]}, "D": {"Type": "Succeed"}}}""";
      var result = new Machines().run(noDefault, "{\"x\": 2}");
      assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void comparisons_of_a_different_type_are_false_not_errors() {
      String def =
          """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.x", "NumericEquals": 1, "Next": "Yes"}], "Default": "No"},
                     "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}""";
      assertThat(new Machines().run(def, "{\"x\": \"1\"}").output()).isEqualTo(json("\"no\""));
    }

    @Test
    void string_matches_uses_star_wildcards_and_escapes() {
      String def =
          """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.file", "StringMatches": "log-*.txt", "Next": "Yes"},
                      {"Variable": "$.file", "StringMatches": "star\\\\*", "Next": "Star"}], "Default": "No"},
                     "Yes": {"Type": "Pass", "Result": "yes", "End": true},
                     "Star": {"Type": "Pass", "Result": "star", "End": true},
                     "No": {"Type": "Pass", "Result": "no", "End": true}}}""";
      assertThat(new Machines().run(def, "{\"file\": \"log-2026-01.txt\"}").output())
          .isEqualTo(json("\"yes\""));
      assertThat(new Machines().run(def, "{\"file\": \"star*\"}").output())
          .isEqualTo(json("\"star\""));
      assertThat(new Machines().run(def, "{\"file\": \"starry\"}").output())
          .isEqualTo(json("\"no\""));
    }

    @Test
    void timestamps_compare_as_instants_across_offsets() {
      String def =
          """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00Z", "Next": "Yes"}], "Default": "No"},
                     "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}""";
      assertThat(new Machines().run(def, "{\"t\": \"2016-03-14T02:59:00+01:00\"}").output())
          .isEqualTo(json("\"yes\""));
    }

    @Test
    void is_present_false_matches_a_missing_field_without_error() {
      String def =
          """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
                      {"Variable": "$.missing", "IsPresent": false, "Next": "Yes"}], "Default": "No"},
                     "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}""";
      assertThat(new Machines().run(def, "{}").output()).isEqualTo(json("\"yes\""));
    }
  }

  @Nested
  class RetryAndCatch {

    @Test
    void the_spec_retrier_waits_three_then_four_and_a_half_seconds() {
      // Spec, "Retrying after error": IntervalSeconds 3, MaxAttempts 2, BackoffRate 1.5.
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                      "Retry": [{"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5}]}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .failing(
                  ADD,
                  new StatesError("States.Timeout", "t1"),
                  new StatesError("States.Timeout", "t2"),
                  new StatesError("States.Timeout", "t3"))
              .resource(ADD, in -> Json.NODES.numberNode(1))
              .run(definition, "{}");

      assertThat(result.delays()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500));
      assertThat(result.status()).isEqualTo("FAILED");
      assertThat(result.error()).isEqualTo("States.Timeout");
    }

    @Test
    void retriers_keep_separate_counts_and_an_exhausted_retrier_falls_through_to_catch() {
      // Spec, "Complex retry scenarios": ErrorA, ErrorB, ErrorC, ErrorB in succession; the fourth
      // error
      // matches the first retrier, whose MaxAttempts (2) is spent, so the catcher takes over.
      String definition =
          """
                    {"StartAt": "X", "States": {
                      "X": {"Type": "Task", "Resource": "%s", "Next": "Y",
                        "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2},
                                  {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}]},
                      "Y": {"Type": "Succeed"}, "Z": {"Type": "Pass", "End": true}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .failing(
                  ADD,
                  new StatesError("ErrorA", "a"),
                  new StatesError("ErrorB", "b"),
                  new StatesError("ErrorC", "c"),
                  new StatesError("ErrorB", "b2"))
              .run(definition, "{}");

      assertThat(result.delays())
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
      assertThat(result.visited()).containsExactly("X", "X", "X", "X", "Z");
      assertThat(result.output()).isEqualTo(json("{\"Error\": \"ErrorB\", \"Cause\": \"b2\"}"));
    }

    @Test
    void the_catcher_result_path_puts_the_error_output_beside_the_input() {
      // Spec, "Fallback states": "ResultPath": "$.error-info".
      String definition =
          """
                    {"StartAt": "T", "States": {
                      "T": {"Type": "Task", "Resource": "%s", "End": true,
                        "Catch": [{"ErrorEquals": ["java.lang.Exception"], "ResultPath": "$.error-info", "Next": "RecoveryState"}]},
                      "RecoveryState": {"Type": "Pass", "End": true}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .failing(ADD, new StatesError("java.lang.Exception", "Boom"))
              .run(definition, "{\"foo\": \"bar\"}");

      assertThat(result.output())
          .isEqualTo(
              json(
                  """
                    {"foo": "bar", "error-info": {"Error": "java.lang.Exception", "Cause": "Boom"}}"""));
    }

    @Test
    void states_task_failed_matches_task_errors_but_not_timeouts() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                      "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}]},
                     "Caught": {"Type": "Succeed"}}}"""
              .formatted(ADD);
      assertThat(
              new Machines()
                  .failing(ADD, new StatesError("Custom", "x"))
                  .run(definition, "{}")
                  .status())
          .isEqualTo("SUCCEEDED");
      var timedOut =
          new Machines().failing(ADD, new StatesError("States.Timeout", "x")).run(definition, "{}");
      assertThat(timedOut.status()).isEqualTo("FAILED");
      assertThat(timedOut.error()).isEqualTo("States.Timeout");
    }

    @Test
    void max_attempts_zero_never_retries() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                      "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}]}}}"""
              .formatted(ADD);
      var result = new Machines().failing(ADD, new StatesError("E", "x")).run(definition, "{}");
      assertThat(result.visited()).containsExactly("T");
      assertThat(result.error()).isEqualTo("E");
    }

    @Test
    void max_delay_seconds_caps_the_backoff() {
      String definition =
          """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "End": true,
                      "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "BackoffRate": 10, "MaxAttempts": 3, "MaxDelaySeconds": 30}]}}}"""
              .formatted(ADD);
      var result =
          new Machines()
              .failing(
                  ADD,
                  new StatesError("E", "1"),
                  new StatesError("E", "2"),
                  new StatesError("E", "3"))
              .resource(ADD, in -> Json.NODES.textNode("ok"))
              .run(definition, "{}");
      assertThat(result.delays())
          .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(30));
      assertThat(result.output()).isEqualTo(json("\"ok\""));
    }

    @Test
    void a_fail_state_takes_its_error_and_cause_from_intrinsic_functions() {
      // Guide, "Fail workflow state": "CausePath": "States.Format('This is a custom error message
      // for {},
      // caused by {}.', $.Error, $.Cause)", "ErrorPath": "States.Format('{}', $.Error)".
      String definition =
          """
                    {"StartAt": "FailState", "States": {"FailState": {"Type": "Fail",
                      "CausePath": "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
                      "ErrorPath": "States.Format('{}', $.Error)"}}}""";
      var result =
          new Machines()
              .run(definition, "{\"Cause\": \"Invalid response.\", \"Error\": \"ErrorA\"}");
      assertThat(result.status()).isEqualTo("FAILED");
      assertThat(result.error()).isEqualTo("ErrorA");
      assertThat(result.cause())
          .isEqualTo("This is a custom error message for ErrorA, caused by Invalid response..");
    }

    @Test
    void a_fail_state_ends_the_execution_with_its_error_and_cause() {
      String definition =
          """
                    {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "ErrorA", "Cause": "Kaiju attack"}}}""";
      var result = new Machines().run(definition, "{}");
      assertThat(result.status()).isEqualTo("FAILED");
      assertThat(result.error()).isEqualTo("ErrorA");
      assertThat(result.cause()).isEqualTo("Kaiju attack");
    }
  }

  @Nested
  class Waits {

    @Test
    void seconds_waits_that_many_seconds() {
      String def =
          "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 10, \"End\": true}}}";
      var result = new Machines().run(def, "{\"a\": 1}");
      assertThat(result.delays()).containsExactly(Duration.ofSeconds(10));
      assertThat(result.output()).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void a_timestamp_in_the_past_does_not_wait() {
      String def =
          "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00Z\", \"End\": true}}}";
      assertThat(new Machines().run(def, "{}").delays()).containsExactly(Duration.ZERO);
    }

    @Test
    void timestamp_path_and_seconds_path_read_the_input() {
      String def =
          """
                    {"StartAt": "W1", "States": {
                      "W1": {"Type": "Wait", "TimestampPath": "$.expirydate", "Next": "W2"},
                      "W2": {"Type": "Wait", "SecondsPath": "$.expiry", "End": true}}}""";
      var result =
          new Machines().run(def, "{\"expirydate\": \"2026-01-01T00:01:00Z\", \"expiry\": 30}");
      assertThat(result.delays()).containsExactly(Duration.ofMinutes(1), Duration.ofSeconds(30));
    }
  }

  @Nested
  class ParallelBranches {

    @Test
    void the_output_is_the_array_of_branch_outputs_in_branch_order() {
      String def =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "ResultPath": "$.results", "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Pass", "InputPath": "$.n", "End": true}}}]}}}""";
      assertThat(new Machines().run(def, "{\"n\": 2}").output())
          .isEqualTo(json("{\"n\": 2, \"results\": [\"a\", 2]}"));
    }

    @Test
    void a_failing_branch_fails_the_parallel_state_which_can_catch_it() {
      String def =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Fail", "Error": "BranchBroke", "Cause": "no"}}}],
                      "Catch": [{"ErrorEquals": ["BranchBroke"], "Next": "Recovered"}]},
                     "Recovered": {"Type": "Succeed"}}}""";
      assertThat(new Machines().run(def, "{}").output())
          .isEqualTo(json("{\"Error\": \"BranchBroke\", \"Cause\": \"no\"}"));
    }
  }

  @Nested
  class IntrinsicFunctions {

    private String run(String expression, String input) {
      String def =
          """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Parameters": {"v.$": %s}}}}"""
              .formatted(Json.write(Json.NODES.textNode(expression)));
      return Json.write(new Machines().run(def, input).output().get("v"));
    }

    @Test
    void format_fills_placeholders_and_honours_escaped_quotes() {
      // Spec, "States.Format": "Welcome to {} {}\\'s playlist."
      assertThat(
              run(
                  "States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)",
                  "{\"firstName\": \"John\", \"lastName\": \"Doe\"}"))
          .isEqualTo("\"Welcome to John Doe's playlist.\"");
    }

    @Test
    void string_to_json_and_json_to_string_round_trip() {
      assertThat(
              run(
                  "States.StringToJson($.someString)",
                  "{\"someString\": \"{\\\"number\\\": 20}\"}"))
          .isEqualTo("{\"number\":20}");
      assertThat(
              run(
                  "States.JsonToString($.someJson)",
                  "{\"someJson\": {\"name\": \"Foo\", \"year\": 2020}}"))
          .isEqualTo("\"{\\\"name\\\":\\\"Foo\\\",\\\"year\\\":2020}\"");
    }

    @Test
    void array_builds_an_array_of_its_arguments() {
      assertThat(
              run(
                  "States.Array('Foo', 2020, $.someJson, null)",
                  "{\"someJson\": {\"random\": \"abcdefg\"}}"))
          .isEqualTo("[\"Foo\",2020,{\"random\":\"abcdefg\"},null]");
    }

    @Test
    void the_array_helpers_do_what_the_guide_says() {
      assertThat(
              run(
                  "States.ArrayPartition($.inputArray, 4)",
                  "{\"inputArray\": [1,2,3,4,5,6,7,8,9]}"))
          .isEqualTo("[[1,2,3,4],[5,6,7,8],[9]]");
      assertThat(
              run(
                  "States.ArrayContains($.inputArray, $.lookingFor)",
                  "{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"lookingFor\": 5}"))
          .isEqualTo("true");
      assertThat(run("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo("[1,3,5,7,9]");
      assertThat(
              run(
                  "States.ArrayGetItem($.inputArray, $.index)",
                  "{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"index\": 5}"))
          .isEqualTo("6");
      assertThat(run("States.ArrayLength($.inputArray)", "{\"inputArray\": [1,2,3,4,5,6,7,8,9]}"))
          .isEqualTo("9");
      assertThat(run("States.ArrayUnique($.inputArray)", "{\"inputArray\": [1,2,3,3,3,3,3,3,4]}"))
          .isEqualTo("[1,2,3,4]");
    }

    @Test
    void the_string_and_math_helpers_do_what_the_guide_says() {
      assertThat(run("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}"))
          .isEqualTo("110");
      assertThat(run("States.Base64Encode($.input)", "{\"input\": \"Data to encode\"}"))
          .isEqualTo("\"RGF0YSB0byBlbmNvZGU=\"");
      assertThat(run("States.Base64Decode($.base64)", "{\"base64\": \"RGVjb2RlZCBkYXRh\"}"))
          .isEqualTo("\"Decoded data\"");
      assertThat(
              run(
                  "States.StringSplit($.inputString, $.splitter)",
                  "{\"inputString\": \"1,2,3,4,5\", \"splitter\": \",\"}"))
          .isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
      assertThat(
              run(
                  "States.Hash($.Data, $.Algorithm)",
                  "{\"Data\": \"input data\", \"Algorithm\": \"SHA-1\"}"))
          .isEqualTo("\"aaff4a450a104cd177d28d18d74485e8cae074b7\"");
      assertThat(
              run(
                  "States.JsonMerge($.json1, $.json2, false)",
                  "{\"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}, \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3}}"))
          .isEqualTo("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}");
      assertThat(run("States.UUID()", "{}"))
          .matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\"");
    }

    @Test
    void format_keeps_an_escaped_backslash_and_escaped_braces_of_a_literal_template() {
      // Guide, "Reserved characters in intrinsic functions": "The literal string \\ represents \",
      // "The literal string \{ represents {", "The literal string \} represents }".
      assertThat(run("States.Format('C:\\\\{} \\{\\}', $.dir)", "{\"dir\": \"temp\"}"))
          .isEqualTo("\"C:\\\\temp {}\"");
    }

    @Test
    void math_random_with_a_seed_returns_the_same_number_every_time() {
      // Guide, "States.MathRandom": "If you use this function with the same seed value, it returns
      // an
      // identical number." Start is inclusive, end exclusive.
      String first = run("States.MathRandom($.start, $.end, 42)", "{\"start\": 1, \"end\": 999}");
      for (int i = 0; i < 20; i++) {
        assertThat(run("States.MathRandom($.start, $.end, 42)", "{\"start\": 1, \"end\": 999}"))
            .isEqualTo(first);
      }
      assertThat(Integer.parseInt(first)).isBetween(1, 998);
      // without a seed, twenty draws from 1..998 are not all equal
      assertThat(
              java.util.stream.IntStream.range(0, 20)
                  .mapToObj(
                      i -> run("States.MathRandom($.start, $.end)", "{\"start\": 1, \"end\": 999}"))
                  .distinct()
                  .count())
          .isGreaterThan(1);
    }

    @Test
    void math_add_rounds_non_integer_arguments_to_the_nearest_integer_first() {
      // Guide, "States.MathAdd": {"value1": 111, "step": -1} gives 110; "If you specify a
      // non-integer value
      // for one or both the arguments, Step Functions will round it off to the nearest integer" (as
      // Java's
      // Math.round does: halves go up).
      assertThat(run("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}"))
          .isEqualTo("110");
      assertThat(run("States.MathAdd($.value1, $.step)", "{\"value1\": 111.4, \"step\": -1}"))
          .isEqualTo("110");
      assertThat(run("States.MathAdd($.value1, $.step)", "{\"value1\": 110.5, \"step\": 0.5}"))
          .isEqualTo("112");
      assertThat(run("States.MathAdd($.value1, $.step)", "{\"value1\": -2.5, \"step\": 0}"))
          .isEqualTo("-2");
    }

    @Test
    void intrinsics_nest() {
      assertThat(run("States.Format('{} items', States.ArrayLength($.a))", "{\"a\": [1, 2, 3]}"))
          .isEqualTo("\"3 items\"");
    }
  }

  @Nested
  class LoadTimeValidation {

    private List<String> problems(String definition) {
      try {
        AslParser.parse(definition);
        return List.of();
      } catch (AslDefinitionException e) {
        return e.problems();
      }
    }

    @Test
    void an_open_escape_backslash_in_an_intrinsic_string_is_refused() {
      // Guide, "Reserved characters in intrinsic functions": "If an open escape backslash \ is
      // found in the
      // intrinsic invocation string, the interpreter will throw a runtime error." The string is
      // fixed in the
      // definition, so the engine refuses it when the definition loads.
      assertThat(
              problems(
                  """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                      "Parameters": {"v.$": "States.Format('a\\\\qb {}', $.x)"}}}}"""))
          .anyMatch(p -> p.contains("backslash"));
    }

    @Test
    void an_open_escape_backslash_in_a_string_matches_pattern_is_refused() {
      // Spec, "StringMatches": a backslash escapes '*' or another backslash; anything else after it
      // is not a
      // pattern the service accepts, so it is refused rather than dropped.
      assertThat(
              problems(
                  """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D", "Choices": [
                      {"Variable": "$.file", "StringMatches": "log\\\\d*", "Next": "D"}]},
                     "D": {"Type": "Succeed"}}}"""))
          .anyMatch(p -> p.contains("backslash"));
      assertThat(
              problems(
                  """
                    {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D", "Choices": [
                      {"Variable": "$.file", "StringMatches": "trailing\\\\", "Next": "D"}]},
                     "D": {"Type": "Succeed"}}}"""))
          .anyMatch(p -> p.contains("backslash"));
    }

    @Test
    void two_parameters_that_are_the_same_field_once_dot_dollar_is_removed_are_refused() {
      // Spec, "Parameters": a field whose name ends in ".$" is renamed without the suffix, so "id"
      // and
      // "id.$" would be the same field twice.
      assertThat(
              problems(
                  """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                      "Parameters": {"id": "fixed", "id.$": "$.id"}}}}"""))
          .anyMatch(p -> p.contains("'id'") && p.contains("twice"));
      assertThat(
              problems(
                  """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true,
                      "Parameters": {"outer": {"x.$": "$.a", "x": 1}}}}}"""))
          .anyMatch(p -> p.contains("'x'") && p.contains("twice"));
    }

    @Test
    void the_map_state_is_rejected_when_the_definition_loads() {
      assertThat(
              problems(
                  """
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {}, "End": true}}}"""))
          .anyMatch(p -> p.contains("Map state is not supported"));
    }

    @Test
    void fields_the_engine_does_not_implement_are_rejected_not_ignored() {
      assertThat(
              problems(
                  """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "HeartbeatSeconds": 10,
                      "Assign": {"a": 1}, "End": true}}}"""))
          .anyMatch(p -> p.contains("'HeartbeatSeconds'"))
          .anyMatch(p -> p.contains("'Assign'"));
      assertThat(
              problems(
                  """
                    {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""))
          .anyMatch(p -> p.contains("JSONata"));
    }

    @Test
    void transitions_must_name_states_and_every_state_must_be_reachable() {
      assertThat(
              problems(
                  """
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}, "B": {"Type": "Succeed"}}}"""))
          .anyMatch(p -> p.contains("'Nowhere'"))
          .anyMatch(p -> p.contains("['B']") && p.contains("unreachable"));
    }

    @Test
    void states_all_must_stand_alone_in_the_last_retrier() {
      assertThat(
              problems(
                  """
                    {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "End": true,
                      "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["E"]}]}}}"""))
          .anyMatch(p -> p.contains("States.ALL must appear alone"));
    }

    @Test
    void unknown_intrinsics_bad_paths_and_ambiguous_waits_are_rejected() {
      assertThat(
              problems(
                  """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "States.Nope($.x)", "b.$": "$.[["},
                      "Next": "W"}, "W": {"Type": "Wait", "Seconds": 1, "Timestamp": "2016-03-14T01:59:00Z", "End": true}}}"""))
          .anyMatch(p -> p.contains("States.Nope"))
          .anyMatch(p -> p.contains("b.$"))
          .anyMatch(p -> p.contains("exactly one of Seconds"));
    }

    @Test
    void a_resource_the_executor_cannot_run_is_rejected_when_it_loads() {
      try {
        AslParser.parse(
            """
                        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true}}}""",
            resource ->
                resource.contains("dynamodb") ? "no local integration for " + resource : null);
      } catch (AslDefinitionException e) {
        assertThat(e.problems()).anyMatch(p -> p.contains("no local integration"));
        return;
      }
      throw new AssertionError("expected the definition to be rejected");
    }

    @Test
    void result_path_must_be_a_reference_path() {
      assertThat(
              problems(
                  """
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$..a", "End": true}}}"""))
          .anyMatch(p -> p.contains("ResultPath"));
    }
  }
}
