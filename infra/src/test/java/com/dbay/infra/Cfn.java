package com.dbay.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.constructs.IConstruct;

/** The synthesized template as JSON, with the look-ups the tests share. */
final class Cfn {

  static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode template;

  private Cfn() {}

  static synchronized JsonNode template() {
    if (template == null) {
      template = JSON.valueToTree(Synthesized.template().toJSON());
    }
    return template;
  }

  /** Logical id → resource, for one type. */
  static Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    template()
        .path("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("Type").asText().equals(type)) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  static JsonNode resource(String logicalId) {
    JsonNode r = template().path("Resources").path(logicalId);
    if (r.isMissingNode()) {
      throw new AssertionError("no resource " + logicalId);
    }
    return r;
  }

  /** The logical id of a construct's CloudFormation resource (its default child for L2s). */
  static String logicalId(IConstruct construct) {
    IConstruct c =
        construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return Synthesized.stack().getLogicalId((CfnElement) c);
  }

  /** {"Ref": id} or {"Fn::GetAtt": [id, ...]} → id; anything else → its JSON text. */
  static String refId(JsonNode value) {
    if (value.has("Ref")) {
      return value.get("Ref").asText();
    }
    if (value.has("Fn::GetAtt")) {
      return value.get("Fn::GetAtt").get(0).asText();
    }
    return value.toString();
  }
}
