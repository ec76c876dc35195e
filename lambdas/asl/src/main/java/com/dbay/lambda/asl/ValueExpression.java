package com.dbay.lambda.asl;

import tools.jackson.databind.JsonNode;

/**
 * A field whose value is computed from the state's input: a Path, or (where the language allows) an
 * intrinsic function.
 */
public sealed interface ValueExpression permits PathExpr, Intrinsic {

  JsonNode evaluate(JsonNode input, JsonNode context);
}
