package com.dbay.platform.problem;

/**
 * One entry of a problem's {@code errors} list: the field (a JSON path such as {@code amount} or
 * {@code items[0].price}, or a parameter or header name) and what is wrong with it, in words a user
 * can act on. Every service and the gateway write {@code errors} as a list of these, never a map.
 */
public record FieldProblem(String field, String message) {}
